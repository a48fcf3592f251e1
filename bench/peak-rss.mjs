// Preloaded into a measured child (node --import bench/peak-rss.mjs …): at exit, writes the process's peak
// resident memory to $CLAQUE_BENCH_RSS_FILE. resourceUsage().maxRSS is the kernel's high-water mark (VmHWM, in
// KiB) of this process, worker threads included, so it is measured where /usr/bin/time is missing too.
import { writeFileSync } from 'node:fs';

const file = process.env.CLAQUE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })));
}
