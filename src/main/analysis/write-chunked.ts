import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Writes what a producer emits in chunks to `file`, gathered into 1 MiB writes: a syscall per CSV line or
 * XML element dominates writing a million of them.
 */
export function writeChunked(file: string, produce: (write: (chunk: string) => void) => void): void {
  const fd = openSync(file, 'w');
  try {
    let pending = '';
    produce((chunk) => {
      pending += chunk;
      if (pending.length >= 1 << 20) {
        writeSync(fd, pending);
        pending = '';
      }
    });
    if (pending) writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
}
