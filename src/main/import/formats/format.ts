import type { Readable } from 'node:stream';
import type { Platform, RecordBatch } from '../../../shared/model/records';
import type { Sample } from '../source';
import type { HeaderSignature } from './signature';

export type FormatId =
  | 'io-tweets'
  | 'io-users'
  | 'twitter-v2'
  | 'twitter-v1'
  | 'share-table'
  | 'multi-object'
  | 'comments'
  | 'vk-comments'
  | 'youtube-comments'
  | 'instaloader-comments'
  | 'zeeschuimer'
  | 'follows'
  | 'twarc-follows'
  | 'edges'
  | 'gexf'
  | 'graphml';

export interface FormatOptions {
  /** Column mapping for CSV formats: canonical field → column name in the file. */
  mapping?: Record<string, string>;
  /** Platform to record when the file does not say (comment CSVs, share tables, edge lists). */
  platform?: Platform;
  /**
   * IANA zone (`Europe/Paris`) of times the file writes without a zone (comment scrapers write the collecting
   * machine's local time); they are read as UTC when absent, and the rows doing so are counted.
   */
  timeZone?: string;
}

export interface ReadContext {
  /** The file's path as the user gave it: every error names it. */
  file: string;
  options: FormatOptions;
  sample: Sample;
}

/**
 * One input row's outcome: its records, or why it was skipped. `zonelessTime` marks a row whose time carried
 * no zone (read in options.timeZone, or as UTC): the import counts them. A warning is no row: something the
 * analyst should know about the file (a column given twice, and which copy is read), said in the summary.
 */
export type RowResult =
  | { line: number; batch: RecordBatch; zonelessTime?: boolean }
  | { line: number; error: string }
  | { line: number; warning: string };

export interface Format {
  id: FormatId;
  label: string;
  /** How sure this format is that the sample is its own: 0 (no) to 1 (certain). */
  detect(sample: Sample): number;
  /**
   * The header layouts the format reads (tables: columns; Twitter JSON: a record's fields), for telling a file
   * that lacks a required column from one of another format (detect.ts). XML and other JSON formats have none.
   */
  signatures?: readonly HeaderSignature[];
  /**
   * Streams the decoded input into records. Row-level problems are yielded as errors (counted, reported,
   * skipped, or fatal under --strict); a file that is wrong as a whole throws ImportError at once.
   */
  read(input: Readable, ctx: ReadContext): AsyncIterable<RowResult>;
}
