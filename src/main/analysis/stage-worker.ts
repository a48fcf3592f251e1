/**
 * Worker thread entry for the analysis stages that run beside the others (see StageOffload in
 * analyse-dataset.ts): post parents and text groups, read straight from the project file so the texts never
 * cross threads, the ForceAtlas2 layout of the finished graph, and the edges of graph.gexf. Tasks run one at a time, in the order they arrive.
 */
import { parentPort } from 'node:worker_threads';
import { forceAtlas2Layout } from '../../shared/graph/layout';
import { textGroups } from '../../shared/analysis/text';
import { openProject, type Db } from '../store/project';
import { writeGexfDocument } from '../export/gexf';
import { loadPostParents, loadPostTexts } from './load-dataset';
import { writeChunked } from './write-chunked';
import { kindFingerprint, type StageReply, type StageTask } from './stage-protocol';

const port = parentPort;
if (!port) throw new Error('stage-worker: must run as a worker thread');

function run(task: StageTask): { reply: StageReply; transfer: ArrayBuffer[] } {
  const t = performance.now();
  if (task.task === 'postParents') {
    const { kinds, parent } = withProject(task.project, loadPostParents);
    const reply: StageReply = {
      id: task.id,
      task: 'postParents',
      count: kinds.length,
      kinds: kindFingerprint(kinds),
      parent,
      ms: performance.now() - t,
    };
    return { reply, transfer: [parent.buffer as ArrayBuffer] };
  }
  if (task.task === 'textGroups') {
    const input = withProject(task.project, loadPostTexts);
    const groups = textGroups(input);
    const reply: StageReply = {
      id: task.id,
      task: 'textGroups',
      count: input.posts.count,
      kinds: kindFingerprint(input.posts.kind),
      exact: groups.exact,
      near: groups.near,
      ms: performance.now() - t,
    };
    return { reply, transfer: [groups.exact.buffer as ArrayBuffer, groups.near.buffer as ArrayBuffer] };
  }
  if (task.task === 'gexf') {
    writeChunked(task.file, (write) => writeGexfDocument(task.doc, write));
    return { reply: { id: task.id, task: 'gexf', ms: performance.now() - t }, transfer: [] };
  }
  const layout = forceAtlas2Layout(task.edges, task.options);
  const reply: StageReply = { id: task.id, task: 'layout', x: layout.x, y: layout.y, ms: performance.now() - t };
  return { reply, transfer: [layout.x.buffer as ArrayBuffer, layout.y.buffer as ArrayBuffer] };
}

function withProject<T>(file: string, read: (db: Db) => T): T {
  const db = openProject(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

port.on('message', (task: StageTask) => {
  try {
    const { reply, transfer } = run(task);
    port.postMessage(reply, transfer);
  } catch (err) {
    port.postMessage({ id: task.id, task: 'error', message: (err as Error)?.message ?? String(err) } as StageReply);
  }
});
