/**
 * Column mapping for tables whose header Claque does not recognise: the user says which column holds each
 * canonical field, and the header is read as if those columns had the canonical names. The comments format
 * takes the mapping itself (comment-profiles.ts); edge lists, follow lists and share tables are read through
 * `renameHeader`. The import wizard builds its form from `MAPPABLE_FORMATS`.
 */
import { normaliseHeader } from './columns';
import { COMMENT_FIELD_HELP, COMMENT_FIELDS } from './comment-profiles';
import {
  EDGE_KIND_ALIASES,
  EDGE_SOURCE_ALIASES,
  EDGE_TARGET_ALIASES,
  EDGE_TIME_ALIASES,
  EDGE_WEIGHT_ALIASES,
} from './edges';
import { FOLLOW_TIME_ALIASES, FOLLOWED_ALIASES, FOLLOWER_ALIASES } from './follows';
import { SHARE_TABLE_COLUMNS } from './share-table';

export interface MappableField {
  /** Canonical name: what the parser looks for. */
  field: string;
  required: boolean;
  help: string;
  /** Column names recognised without a mapping, for pre-filling the form. */
  aliases: readonly string[];
}

export const MAPPABLE_FORMATS: Record<'comments' | 'edges' | 'follows' | 'share-table', MappableField[]> = {
  comments: COMMENT_FIELDS.map((field) => ({
    field,
    required: field === 'commenter_id',
    help: COMMENT_FIELD_HELP[field],
    aliases: [field],
  })),
  edges: [
    { field: 'source', required: true, help: 'who acts (account id)', aliases: EDGE_SOURCE_ALIASES },
    { field: 'target', required: true, help: 'who is acted on (account id)', aliases: EDGE_TARGET_ALIASES },
    { field: 'kind', required: false, help: 'retweet, reply, mention, …', aliases: EDGE_KIND_ALIASES },
    { field: 'time', required: false, help: 'when', aliases: EDGE_TIME_ALIASES },
    { field: 'weight', required: false, help: 'a positive number', aliases: EDGE_WEIGHT_ALIASES },
  ],
  follows: [
    { field: 'follower', required: true, help: 'the account that follows', aliases: FOLLOWER_ALIASES },
    { field: 'followed', required: true, help: 'the account followed', aliases: FOLLOWED_ALIASES },
    { field: 'time', required: false, help: 'when the follow began', aliases: FOLLOW_TIME_ALIASES },
  ],
  'share-table': SHARE_TABLE_COLUMNS.map((field) => ({
    field,
    required: true,
    help:
      field === 'object_id'
        ? 'what was shared (post, link, …)'
        : field === 'account_id'
          ? 'who shared it'
          : field === 'content_id'
            ? 'the share itself'
            : 'when (Unix seconds or a date)',
    aliases: [field],
  })),
};

export type MappableFormat = keyof typeof MAPPABLE_FORMATS;

export function isMappable(format: string | null | undefined): format is MappableFormat {
  return format !== null && format !== undefined && Object.hasOwn(MAPPABLE_FORMATS, format);
}

/**
 * The header with each mapped column renamed to its canonical field. A column that already bears a mapped
 * field's name but is not the one chosen is renamed out of the way (`<name>__unmapped`), so the parser
 * cannot pick it instead. Unknown mapped columns are left to the parser's own "expected … found" error.
 */
export function renameHeader(header: readonly string[], mapping: Record<string, string> | undefined): string[] {
  if (!mapping || Object.keys(mapping).length === 0) return [...header];
  const lower = normaliseHeader(header);
  const out = [...header];
  const chosen = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) {
    const i = lower.indexOf(column.trim().toLowerCase());
    if (i >= 0) chosen.set(i, field.toLowerCase());
  }
  const fields = new Set(chosen.values());
  lower.forEach((name, i) => {
    if (chosen.has(i)) out[i] = chosen.get(i)!;
    else if (fields.has(name)) out[i] = `${name}__unmapped`;
  });
  return out;
}

/** A first guess for the form: each field's first alias present in the header. */
export function guessMapping(format: MappableFormat, columns: readonly string[]): Record<string, string> {
  const lower = normaliseHeader(columns);
  const guess: Record<string, string> = {};
  for (const f of MAPPABLE_FORMATS[format]) {
    const i = f.aliases.map((a) => lower.indexOf(a.toLowerCase())).find((x) => x >= 0);
    if (i !== undefined) guess[f.field] = columns[i];
  }
  return guess;
}

/** The required fields the mapping leaves out, for the wizard to name before importing. */
export function missingFields(format: MappableFormat, mapping: Record<string, string>): string[] {
  return MAPPABLE_FORMATS[format].filter((f) => f.required && !mapping[f.field]).map((f) => f.field);
}
