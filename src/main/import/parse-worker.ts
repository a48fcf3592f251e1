/**
 * Worker thread entry: reads, parses and maps one import file while the calling thread writes to the
 * project. Posts its rows in order as flat JSON chunks (see row-codec.ts) and stays at most a few chunks
 * ahead of the writer, so memory stays flat however big the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from './errors';
import { formatById } from './formats';
import { encodeRow, type Flat } from './row-codec';
import { streamEnded, type ParseWorkerData, type WorkerMessage } from './row-reader';
import { openSource } from './source';
import { rowLines, UndecodableRows } from './undecodable-rows';

const port = parentPort;
if (!port) throw new Error('parse-worker: must run as a worker thread');
const data = workerData as ParseWorkerData;

let inFlight = 0;
let wake: (() => void) | undefined;
port.on('message', (m: { t: string }) => {
  if (m.t !== 'ack') return;
  inFlight--;
  wake?.();
  wake = undefined;
});
const post = (m: WorkerMessage) => port.postMessage(m);
post({ t: 'ready' });

async function run(): Promise<void> {
  const format = formatById(data.formatId);
  if (!format) throw new ImportError(data.file, undefined, `unknown format "${data.formatId}"`);
  const source = await openSource(data.file, data.sample.encoding);
  const undecodable = new UndecodableRows(source.invalid, rowLines(data.sample), data.sample);
  let flat: Flat = [];
  let rows = 0;
  const flush = () => {
    post({ t: 'rows', data: JSON.stringify(flat), bytes: source.bytesRead() });
    flat = [];
    rows = 0;
    inFlight++;
  };
  try {
    const parsed = format.read(source.stream, { file: data.file, options: data.options, sample: data.sample });
    for await (const row of undecodable.check(parsed)) {
      encodeRow(flat, row);
      if (++rows < data.chunkRows) continue;
      flush();
      while (inFlight >= data.maxChunksAhead) await new Promise<void>((resolve) => (wake = resolve));
    }
    if (rows > 0) flush();
    await streamEnded(source.stream);
    post({
      t: 'end',
      hash: source.contentHash(),
      bytes: source.bytesRead(),
      decoding: undecodable.report(),
      notices: source.notices(),
    });
  } catch (err) {
    // The rows before a fatal error go first: under --strict an earlier bad row is what gets reported.
    if (rows > 0) flush();
    source.stream.destroy();
    throw err;
  }
}

run().catch((err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  post(
    e instanceof ImportError
      ? { t: 'error', importError: true, line: e.line, reason: e.reason, message: e.message }
      : { t: 'error', importError: false, message: e.message },
  );
});
