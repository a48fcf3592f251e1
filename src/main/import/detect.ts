import { FORMATS } from './formats';
import type { Format } from './formats/format';
import type { Sample } from './source';
import { ImportError } from './errors';

export interface Detection {
  format: Format;
  confidence: number;
}

/** Detects a file's format from its content (not its name): the format most sure of the sample wins. */
export function detectFormat(file: string, sample: Sample): Detection {
  let best: Detection | undefined;
  for (const format of FORMATS) {
    const confidence = format.detect(sample);
    if (confidence > 0 && (!best || confidence > best.confidence)) best = { format, confidence };
  }
  if (!best) {
    const firstLine = sample.text.split(/\r?\n/, 1)[0]?.slice(0, 200) ?? '';
    throw new ImportError(
      file,
      1,
      `cannot tell the format from the content (starts with ${JSON.stringify(firstLine)}); expected one of: ${FORMATS.map((f) => f.id).join(', ')}. Name it with --format, or map CSV columns with --map field=column`,
    );
  }
  return best;
}
