/**
 * The co-retweet projection on seeded, realistically shaped shares (bench/coretweet-shares.ts): accounts linked
 * when they share the same post within 60 s, at least 2 shares each — issue 4's "10M shares in under 60 s on 2
 * cores". Run by `npm run bench:analyze` and `npm run bench:graph` (each in its own process, so the peak RSS is
 * the projection's own), or alone: `node --import tsx bench/coretweet.bench.ts [SHARES]`.
 * Prints one line starting "co-retweet" and exits 1 when the target is missed.
 */
import { coactionFromShares } from '../src/shared/analysis/coaction';
import { coretweetShares } from './coretweet-shares';

const TARGET_MS = 60_000;
const shareCount = Number(process.argv[2] ?? 10_000_000);

console.log(`\n== co-retweet projection: ${shareCount} shares, 1M accounts, 1M posts (bench/coretweet-shares.ts) ==`);
let t = performance.now();
const shares = coretweetShares(shareCount);
const gen = performance.now() - t;
const perObject = new Int32Array(shares.objectCount);
for (let i = 0; i < shares.count; i++) perObject[shares.object[i]]++;
const top = Array.from(perObject)
  .sort((a, b) => b - a)
  .slice(0, 3);
console.log(`generated in ${gen.toFixed(0)} ms; most-shared posts: ${top.join(', ')} shares`);
t = performance.now();
const g = coactionFromShares(shares, 1_000_000, { windowSeconds: 60, minParticipation: 2 });
const took = performance.now() - t;
const rss = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
const ok = took < TARGET_MS;
console.log(
  `co-retweet Δt 60 s: ${took.toFixed(0)} ms, ${g.edges.source.length} edges, max RSS ${rss.toFixed(0)} MB   ` +
    `target < ${TARGET_MS} ms ${ok ? 'PASS' : 'FAIL'}`,
);
process.exitCode = ok ? 0 : 1;
