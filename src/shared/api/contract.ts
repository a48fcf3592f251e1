/**
 * The typed contract between the renderer and the backend (pattern: Heroic Games Launcher's
 * src/common/types/ipc.ts): `ClaqueApi` maps each channel to its signature, `REQUEST_SCHEMAS` holds the zod
 * schema every request is validated against in the backend (Electron IPC and the browser-mode HTTP API
 * alike). Responses travel in an `Envelope` so that errors keep their code across both transports.
 */
import { z } from 'zod';
import { ANALYSIS_DEFAULTS } from '../analysis/defaults';
import { COACTION_MODES, PROJECTION_TARGETS, type AnalysisOutput } from '../analysis/result';
import type { ProjectInfo } from '../model/project-info';
import { PLATFORMS } from '../model/records';
import { canonicalTimeZone } from '../io/zone-time';
import type { Channel } from './channels';
import type { CommentThread } from '../explore/thread';
import type { AccountDetail, CascadeDetail, CommunityExtra, TimelineSet } from './explore-types';

export { CHANNELS, EVENT_CHANNEL, isChannel, type Channel } from './channels';

// Paths are the backend machine's own; generous but bounded, and never with NUL (which Node rejects anyway) or
// a `..` segment: no picker or upload yields one, so a path that climbs came from somewhere else.
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), 'a path may not contain NUL')
  .refine((s) => !/(^|[\\/])\.\.([\\/]|$)/.test(s), 'a path may not contain a `..` segment');

// zod drops a record's `__proto__` key without a word (JSON.parse makes it an own key); refuse it instead, so
// that a request is either taken as sent or refused, never quietly changed.
const noProtoKey = z.custom<unknown>(
  (v) => typeof v !== 'object' || v === null || !Object.hasOwn(v, '__proto__'),
  'a key may not be __proto__',
);

/** Client-chosen id of a long-running call, so progress events and cancel can name it before it returns. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is 1–64 letters, digits, _ or -');

const interactionKind = z.enum(['retweet', 'reply', 'mention', 'quote', 'comment', 'follow', 'share', 'edge']);

export const analysisParametersSchema = z.strictObject({
  graph: z.enum(['interaction', 'coaction', 'projection', 'default']),
  kinds: z.array(interactionKind).max(8).optional(),
  targets: z.array(z.enum(PROJECTION_TARGETS)).min(1).max(PROJECTION_TARGETS.length).optional(),
  coaction: z.enum(COACTION_MODES).optional(),
  windowSeconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 86400)
    .optional(),
  autoWindow: z.boolean().optional(),
  // Unix seconds, whole, 1970–2106: a period of the data (slice-dataset.ts).
  from: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32)
    .optional(),
  to: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32)
    .optional(),
  minParticipation: z.number().int().min(1).max(1_000_000).optional(),
  minWeight: z.number().min(0).max(1e9).optional(),
  resolution: z.number().gt(0).max(100),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});

/** The app starts from the pipeline's own defaults, so the app and `claque analyze` agree on one project. */
export const DEFAULT_ANALYSIS_PARAMETERS: z.infer<typeof analysisParametersSchema> = { ...ANALYSIS_DEFAULTS };

/** The most comments thread.get returns (and its default): beyond it the thread says it is capped. */
export const THREAD_LIMIT = 2000;

export const CSV_TABLES = ['communities', 'accounts', 'features', 'edges', 'bursts'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const REQUEST_SCHEMAS = {
  'project.open': z.strictObject({ file: filePath }),
  'project.create': z.strictObject({ file: filePath }),
  'project.info': z.strictObject({}),
  'import.detect': z.strictObject({ file: filePath }),
  'import.run': z.strictObject({
    jobId: jobIdSchema,
    file: filePath,
    format: z.string().min(1).max(64).optional(),
    mapping: noProtoKey.pipe(z.record(z.string().min(1).max(64), z.string().min(1).max(256))).optional(),
    platform: z.enum(PLATFORMS).optional(),
    strict: z.boolean().optional(),
    /** IANA zone of times the file writes without one (the collector's local time); UTC when absent. */
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine((zone) => canonicalTimeZone(zone) !== undefined, 'timeZone: expected an IANA zone such as Europe/Paris')
      .optional(),
  }),
  'job.cancel': z.strictObject({ jobId: jobIdSchema }),
  'analysis.run': z.strictObject({ jobId: jobIdSchema, parameters: analysisParametersSchema }),
  'analysis.get': z.strictObject({}),
  'export.gexf': z.strictObject({
    file: filePath.optional(),
    /**
     * The current view: bit p set (byte p >> 3, bit p & 7) when node position p (an index into the analysis
     * graph's nodes) is shown, base64-encoded; all nodes when absent. A bitmask keeps a million-node view
     * at 167 kB, under the HTTP API's 1 MiB body limit.
     */
    view: z
      .string()
      .max(8_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'view is a base64 bitmask')
      .optional(),
  }),
  'export.csv': z.strictObject({ table: z.enum(CSV_TABLES), file: filePath.optional() }),
  'export.report': z.strictObject({ community: z.number().int(), file: filePath.optional() }),
  'account.get': z.strictObject({
    accountId: z.string().min(1).max(512),
    platform: z.enum(PLATFORMS).optional(),
    postsOffset: z.number().int().min(0).max(1e9).optional(),
    postsLimit: z.number().int().min(1).max(500).optional(),
    tiesLimit: z.number().int().min(1).max(500).optional(),
  }),
  'cascade.get': z.strictObject({
    rootPostId: z.string().min(1).max(512),
    maxNodes: z.number().int().min(1).max(200_000).optional(),
  }),
  'timeline.get': z.strictObject({
    kind: z.enum(['hashtag', 'term']),
    terms: z.array(z.string().min(1).max(200)).max(50).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }),
  'community.get': z.strictObject({ community: z.number().int() }),
  /**
   * A post's comment thread; `postId` may also name a comment or reply in it (the thread opens on that one).
   * `community`: whose members to mark and count. At most `limit` comments (default and most: THREAD_LIMIT).
   */
  'thread.get': z.strictObject({
    postId: z.string().min(1).max(512),
    platform: z.enum(PLATFORMS).optional(),
    community: z.number().int().optional(),
    limit: z.number().int().min(1).max(THREAD_LIMIT).optional(),
  }),
} satisfies Record<Channel, z.ZodType>;

export type RequestOf<K extends Channel> = z.infer<(typeof REQUEST_SCHEMAS)[K]>;

/** The project info the backend sends (src/main/store/info.ts builds it). */
export type ProjectInfoOut = ProjectInfo;

export interface ProjectState {
  /** The open project file, or null when none is open yet. */
  file: string | null;
  info: ProjectInfoOut | null;
  hasAnalysis: boolean;
}

export type Preview = { kind: 'table'; columns: string[]; rows: string[][] } | { kind: 'text'; lines: string[] };

export interface Detection {
  file: string;
  /** Detected format id, or null when no importer recognises the content (`reason` says why). */
  format: string | null;
  label: string | null;
  confidence: number;
  reason: string | null;
  /** The first rows of the file, for the user to check before importing. */
  preview: Preview;
  /** Every importer the backend knows, for choosing one by hand. */
  formats: { id: string; label: string }[];
}

export interface ImportOutcome {
  importId: number;
  file: string;
  format: string;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  errorCount: number;
  errors: { line: number; message: string }[];
  added: { accounts: number; posts: number; interactions: number; follows: number };
  /** Rows whose time had no zone, and the zone they were read in ('UTC' when none was given). */
  zonelessTimes: { rows: number; readAs: string };
  /** Comments and replies whose parent was found in the project, and those whose parent is not (yet) in it. */
  threads: { resolved: number; unresolved: number };
  /** Ids this import created that differ from another only by leading zeros ("00123", "123"), kept apart. */
  leadingZeroIds: { accounts: number; groups: number; example: string[]; message: string } | null;
  /**
   * The character encoding the file was read in (`note` says why: a byte-order mark, detection, the fallback),
   * and the lines holding bytes it cannot decode: rows refused for them, and lines left with U+FFFD.
   */
  encoding: {
    name: string;
    note: string;
    invalidLines: number;
    firstInvalidLines: number[];
    rowsSkipped: number;
    linesReplaced: number;
  };
  durationMs: number;
  info: ProjectInfoOut;
}

export interface ExportOutcome {
  fileName: string;
  mimeType: string;
  /** The exported text, for the renderer to offer as a download. */
  content: string;
  /** Where the backend wrote it, when a `file` was asked for. */
  writtenTo: string | null;
  bytes: number;
}

export interface ClaqueApi {
  'project.open': (req: RequestOf<'project.open'>) => Promise<ProjectState>;
  'project.create': (req: RequestOf<'project.create'>) => Promise<ProjectState>;
  'project.info': (req: RequestOf<'project.info'>) => Promise<ProjectState>;
  'import.detect': (req: RequestOf<'import.detect'>) => Promise<Detection>;
  'import.run': (req: RequestOf<'import.run'>) => Promise<ImportOutcome>;
  'job.cancel': (req: RequestOf<'job.cancel'>) => Promise<{ cancelled: boolean }>;
  'analysis.run': (req: RequestOf<'analysis.run'>) => Promise<AnalysisOutput>;
  'analysis.get': (req: RequestOf<'analysis.get'>) => Promise<AnalysisOutput | null>;
  'export.gexf': (req: RequestOf<'export.gexf'>) => Promise<ExportOutcome>;
  'export.csv': (req: RequestOf<'export.csv'>) => Promise<ExportOutcome>;
  'export.report': (req: RequestOf<'export.report'>) => Promise<ExportOutcome>;
  'account.get': (req: RequestOf<'account.get'>) => Promise<AccountDetail>;
  'cascade.get': (req: RequestOf<'cascade.get'>) => Promise<CascadeDetail>;
  'timeline.get': (req: RequestOf<'timeline.get'>) => Promise<TimelineSet>;
  'community.get': (req: RequestOf<'community.get'>) => Promise<CommunityExtra>;
  'thread.get': (req: RequestOf<'thread.get'>) => Promise<CommentThread>;
}

export type ResponseOf<K extends Channel> = Awaited<ReturnType<ClaqueApi[K]>>;

export type ErrorCode =
  | 'invalid_request'
  | 'unknown_channel'
  | 'no_project'
  | 'no_analysis'
  | 'busy'
  | 'cancelled'
  | 'import_error'
  | 'project_error'
  | 'not_found'
  /** An export whose target is the open project, its -wal/-shm, or another SQLite file (HTTP 409). */
  | 'export_refused'
  | 'failed';

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export type ApiEvent =
  | {
      type: 'import.progress';
      jobId: string;
      file: string;
      rows: number;
      bytes: number;
      totalBytes: number;
      /** Set while the import waits for another one writing to the same project. */
      waiting?: string;
    }
  | { type: 'analysis.progress'; jobId: string; stage: string; fraction: number | null; message: string | null }
  | { type: 'job.done'; jobId: string; ok: boolean }
  /** From the desktop shell's menus, dialogs and file drops (src/main/app/commands.ts) to the renderer. */
  | { type: 'app.command'; command: AppCommand; file?: string };

/** What the shell asks the page to do: reload after main opened a project, open the import panel, analyse. */
export type AppCommand = 'project.changed' | 'import.open' | 'analysis.run';

/** What the Electron preload exposes as `window.claque`: one wrapper per channel, built from CHANNELS. */
export type ClaqueBridge = {
  [K in Channel]: (req: RequestOf<K>) => Promise<Envelope<ResponseOf<K>>>;
} & { onEvent: (listener: (event: ApiEvent) => void) => () => void };

/** Validates a request for a channel; the error message lists each problem with its field path. */
export function parseRequest<K extends Channel>(
  channel: K,
  payload: unknown,
): { ok: true; value: RequestOf<K> } | { ok: false; error: ApiErrorBody } {
  // No payload at all (an IPC call without an argument) is a request with no fields; `null` is something
  // else that was sent, and is refused like any other non-object rather than quietly read as `{}`.
  if (payload === null) {
    const message = `${channel}: (request): expected an object of fields ({} when there are none), got null`;
    return { ok: false, error: { code: 'invalid_request', message } };
  }
  const result = REQUEST_SCHEMAS[channel].safeParse(payload ?? {});
  if (result.success) return { ok: true, value: result.data as RequestOf<K> };
  const problems = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(request)'}: ${i.message}`);
  return { ok: false, error: { code: 'invalid_request', message: `${channel}: ${problems.join('; ')}` } };
}
