/** Where a command writes: data to `out` (stdout), progress and messages to `err` (stderr). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress can redraw one line. */
  interactive: boolean;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  interactive: Boolean(process.stderr.isTTY),
};

export class UsageError extends Error {}
