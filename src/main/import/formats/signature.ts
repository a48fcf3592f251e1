/**
 * What a format's header holds: the columns a table layout requires and those it reads when present (for
 * JSON, the fields of a record). detect.ts compares a file's header with every layout, so that a file with
 * the columns of one layout minus a required one is refused as "looks like X but lacks column Y" instead of
 * being read as another format that happens to fit part of it (issue 16, item 2: an IO tweets file without
 * `tweetid` was imported as a users file, 0 posts, exit 0).
 */
export interface RequiredColumn {
  /** The names it goes by, lower case; messages name the first. */
  names: readonly string[];
  /** What it holds, where it goes by several names ("follower"): messages then say "a follower column". */
  role?: string;
  /** Further names it is known by beyond `names` (a follow list's `follower_userid`, …). */
  matches?: (column: string) => boolean;
}

export interface HeaderSignature {
  /** What a file of this layout is, in words: "an IO archive tweets file". */
  name: string;
  /** A table's header columns, or the fields of a JSON record. */
  of: 'columns' | 'fields';
  required: readonly RequiredColumn[];
  /** Columns read when present, lower case. */
  optional: readonly string[];
}

/** One column known by one name. */
export const column = (name: string): RequiredColumn => ({ names: [name] });

/** The columns of a layout, each required by its one name. */
export const columns = (names: readonly string[]): RequiredColumn[] => names.map(column);

/** Whether `c` (lower case, trimmed) is one of the names of `r`. */
export function isColumn(r: RequiredColumn, c: string): boolean {
  return r.names.includes(c) || r.matches?.(c) === true;
}

/** How a missing column is named in a sentence: `tweetid`, or `a follower column (follower | follower_id | …)`. */
export function describeColumn(r: RequiredColumn, of: HeaderSignature['of']): string {
  if (!r.role) return r.names[0];
  const shown = r.names.slice(0, 5).join(' | ') + (r.names.length > 5 ? ' | …' : '');
  return `a ${r.role} ${of === 'columns' ? 'column' : 'field'} (${shown})`;
}
