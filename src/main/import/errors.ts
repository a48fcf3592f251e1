/** A problem with an input file, always naming the file and, where known, the line and what was expected. */
export class ImportError extends Error {
  constructor(
    public readonly file: string,
    public readonly line: number | undefined,
    public readonly reason: string,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
    this.name = 'ImportError';
  }
}

/** Thrown when an import is cancelled through its AbortSignal; the transaction is rolled back. */
export class ImportCancelled extends Error {
  constructor(public readonly file: string) {
    super(`${file}: import cancelled; the project is unchanged`);
    this.name = 'ImportCancelled';
  }
}
