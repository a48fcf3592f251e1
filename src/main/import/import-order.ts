/**
 * The order in which one run's files are imported (`claque import P a b c`, `claque run a b c`): files that
 * name their accounts' platform first, then tables that carry none (follow lists, edge lists, share tables),
 * so that these find the accounts of the other files already in the project and take their platform
 * (infer-platform.ts). `claque run follows.csv tweets.csv` then files the follows as `twitter`, as it does
 * with the files the other way round. Each group keeps the order given.
 */
import { detectFormat } from './detect';
import { formatById } from './formats';
import { PLATFORMLESS_FORMATS } from './infer-platform';
import { readSample } from './source';

export interface OrderOptions {
  format?: string;
  platform?: string;
  encoding?: string;
}

export async function importOrder(files: readonly string[], options: OrderOptions = {}): Promise<string[]> {
  if (options.platform !== undefined || files.length < 2) return [...files];
  const first: string[] = [];
  const last: string[] = [];
  for (const file of files) {
    if (await takesPlatformFromOthers(file, options)) last.push(file);
    else first.push(file);
  }
  return [...first, ...last];
}

async function takesPlatformFromOthers(file: string, options: OrderOptions): Promise<boolean> {
  try {
    const format = options.format
      ? formatById(options.format)
      : detectFormat(file, await readSample(file, { encoding: options.encoding })).format;
    return format !== undefined && PLATFORMLESS_FORMATS.has(format.id);
  } catch {
    return false; // its import says what is wrong with it, in its place
  }
}
