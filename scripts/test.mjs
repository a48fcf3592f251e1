// `npm test`: type checks, lint, the import boundaries, formatting, then every test. Each step's failure fails the run.
import { spawnSync } from 'node:child_process';

const steps = [
  ['npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['npx', ['tsc', '-p', 'src/shared/tsconfig.json', '--noEmit']],
  ['npx', ['eslint', '.']],
  // The layering (shared imports neither main nor renderer, …): .dependency-cruiser.cjs.
  ['npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']],
  // Every dependency used and every used one declared, in the right list (knip.json).
  ['npx', ['knip', '--dependencies', '--no-progress']],
  ['npx', ['prettier', '--check', '.']],
  ['npx', ['vitest', 'run', ...process.argv.slice(2)]],
];
for (const [cmd, args] of steps) {
  process.stderr.write(`\n> ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
