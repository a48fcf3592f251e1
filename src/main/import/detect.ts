import { firstLineOf } from './csv';
import { FORMATS } from './formats';
import type { Format } from './formats/format';
import { closestMiss, lacking, layoutFits, share, type LayoutFit } from './near-miss';
import type { Sample } from './source';
import { ImportError } from './errors';

export interface Detection {
  format: Format;
  confidence: number;
}

/**
 * Detects a file's format from its content (not its name): the format most sure of the sample wins, unless
 * the header is closer to a layout it lacks a required column of (near-miss.ts). An IO tweets file without
 * its `tweetid` has every column of a users file, and read as one it would land as accounts only, its posts
 * gone without a word: it is refused, naming the column, instead.
 */
export function detectFormat(file: string, sample: Sample): Detection {
  let best: Detection | undefined;
  for (const format of FORMATS) {
    const confidence = format.detect(sample);
    if (confidence > 0 && (!best || confidence > best.confidence)) best = { format, confidence };
  }
  const fits = layoutFits(sample);
  if (!best) {
    const firstLine = firstLineOf(sample.text).slice(0, 200);
    const miss = closestMiss(fits);
    throw new ImportError(
      file,
      1,
      `cannot tell the format from the content (starts with ${JSON.stringify(firstLine)})` +
        (miss
          ? `: it looks like ${miss.signature.name} (${share(miss)}) but lacks ${lacking(miss)}. Add it, or name the format with --format (and --map field=column for a column named otherwise)`
          : `; expected one of: ${FORMATS.map((f) => f.id).join(', ')}. Name it with --format, or map CSV columns with --map field=column`),
    );
  }
  const rival = rivalOf(best.format, fits);
  if (rival) {
    throw new ImportError(
      file,
      1,
      `looks like ${rival.signature.name} (${share(rival)}) but lacks ${lacking(rival)}: refused rather than read as ` +
        `${best.format.label}, which would keep only part of it. Add the column, or give --format ${best.format.id} to read it as that`,
    );
  }
  return best;
}

/**
 * A table layout the header is a near miss of that explains more of it than the detected format does. The
 * detected format's own layouts are those it fits whole (all of them when it fits none: its reader names
 * what is missing); only table layouts compete, since a JSON record missing a field is that row's error.
 */
function rivalOf(detected: Format, fits: readonly LayoutFit[]): LayoutFit | undefined {
  const mine = fits.filter((f) => f.format === detected);
  const whole = mine.filter((f) => f.missing.length === 0);
  const own = whole.length > 0 ? whole : mine;
  const explained = Math.max(0, ...own.map((f) => f.explained));
  return closestMiss(fits.filter((f) => f.signature.of === 'columns' && !own.includes(f) && f.explained > explained));
}
