/**
 * How well a file's header fits each layout the formats know (formats/signature.ts). A near miss is a header
 * with much of a layout and not all it requires: detect.ts refuses it as "looks like X but lacks column Y"
 * rather than let a format that fits part of it read it, or say only "cannot tell the format".
 */
import { FORMATS } from './formats';
import { headerOf } from './formats/csv-table';
import type { Format } from './formats/format';
import { firstJsonValue } from './formats/json-records';
import { describeColumn, isColumn, type HeaderSignature, type RequiredColumn } from './formats/signature';
import type { Sample } from './source';

export interface LayoutFit {
  format: Format;
  signature: HeaderSignature;
  /** Required columns the header has. */
  present: number;
  missing: RequiredColumn[];
  /** Header columns the layout knows, required or optional. */
  explained: number;
}

/** The sample's header as layouts of each kind see it: a table's columns, a JSON record's fields. */
export function sampleHeaders(sample: Sample): Record<HeaderSignature['of'], string[]> {
  const first = headerOf(sample).length > 0 ? undefined : firstJsonValue(sample.text);
  const fields =
    first !== null && typeof first === 'object' && !Array.isArray(first)
      ? Object.keys(first).map((k) => k.toLowerCase())
      : [];
  return { columns: headerOf(sample), fields };
}

export function fitOf(format: Format, signature: HeaderSignature, header: readonly string[]): LayoutFit {
  const missing = signature.required.filter((r) => !header.some((c) => isColumn(r, c)));
  const explained = header.filter(
    (c) => signature.required.some((r) => isColumn(r, c)) || signature.optional.includes(c),
  ).length;
  return { format, signature, present: signature.required.length - missing.length, missing, explained };
}

/** Every layout's fit to the sample. */
export function layoutFits(sample: Sample): LayoutFit[] {
  const headers = sampleHeaders(sample);
  return FORMATS.flatMap((format) => (format.signatures ?? []).map((s) => fitOf(format, s, headers[s.of])));
}

/**
 * A header that is this layout with something missing: at least half of what it requires (and some of it),
 * or three columns or more that only it explains among what the header has.
 */
export function isNearMiss(f: LayoutFit): boolean {
  if (f.missing.length === 0) return false;
  const half = f.present > 0 && f.present * 2 >= f.signature.required.length;
  return half || f.explained >= 3;
}

/** The near miss that explains most of the header (then the one missing least); undefined when there is none. */
export function closestMiss(fits: readonly LayoutFit[]): LayoutFit | undefined {
  let best: LayoutFit | undefined;
  for (const f of fits) {
    if (!isNearMiss(f)) continue;
    if (
      !best ||
      f.explained > best.explained ||
      (f.explained === best.explained && f.missing.length < best.missing.length)
    ) {
      best = f;
    }
  }
  return best;
}

/** "column tweetid", "columns a, b", "a follower column (follower | follower_id | …)". */
export function lacking(f: LayoutFit): string {
  const named = f.missing.map((r) => describeColumn(r, f.signature.of));
  const what = f.signature.of === 'columns' ? 'column' : 'field';
  if (named.length === 1) return f.missing[0].role ? named[0] : `${what} ${named[0]}`;
  const shown = named.slice(0, 8).join(', ') + (named.length > 8 ? `, … (${named.length} in all)` : '');
  return `${what}s ${shown}`;
}

/** "29 of its 30 columns". */
export function share(f: LayoutFit): string {
  const n = f.signature.required.length;
  return `${f.present} of the ${n} ${f.signature.of === 'columns' ? 'columns' : 'fields'} it requires`;
}
