/**
 * ForceAtlas2 in a worker, iterating back to back: graphology's own supervisor waits for the UI thread to copy
 * every iteration's positions into the graph before asking for the next, which ties the layout to the map's
 * redraw speed. Here the worker keeps iterating and sends positions only when the UI has taken the previous
 * ones and at least `intervalMs` has passed.
 */
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { PPN, type Fa2Positions, type Fa2Request } from './fa2-protocol';

let nodes: Float32Array | null = null;
let edges: Float32Array | null = null;
let settings: ForceAtlas2Settings = {};
let intervalMs = 100;
let running = false;
let awaitingAck = false;
let lastSent = 0;
let iterations = 0;
let sentIterations = 0;

function send(): void {
  if (!nodes) return;
  const positions = new Float32Array((nodes.length / PPN) * 2);
  for (let i = 0, j = 0; i < nodes.length; i += PPN, j += 2) {
    positions[j] = nodes[i];
    positions[j + 1] = nodes[i + 1];
  }
  awaitingAck = true;
  sentIterations = iterations;
  lastSent = performance.now();
  const message: Fa2Positions = { positions, iterations };
  postMessage(message, { transfer: [positions.buffer] });
}

function step(): void {
  if (!running || !nodes || !edges) return;
  iterate(settings, nodes, edges);
  iterations++;
  if (!awaitingAck && performance.now() - lastSent >= intervalMs) send();
  // A macrotask between iterations lets 'stop' and 'ack' messages in.
  setTimeout(step, 0);
}

onmessage = (event: MessageEvent<Fa2Request>) => {
  const msg = event.data;
  if (msg.type === 'init') {
    ({ nodes, edges, settings, intervalMs } = msg);
  } else if (msg.type === 'start') {
    if (running) return;
    running = true;
    step();
  } else if (msg.type === 'stop') {
    running = false;
    // The last positions reached, so a stopped layout shows where it stopped.
    if (!awaitingAck && iterations !== sentIterations) send();
  } else {
    awaitingAck = false;
    if (!running && iterations !== sentIterations) send();
  }
};
