// `npm start`: the desktop app on the bundled demo where Electron's binary exists; otherwise browser mode.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const demo = 'resources/demo/demo.claque';
const args = process.argv.slice(2);
const project = args[0] ?? demo;

/**
 * The Electron binary, found the way the electron package's index.js finds it (path.txt under its dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH) but without its fallback of downloading one, which fails noisily offline.
 */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  return join(dist, relative);
}

/**
 * Runs the app as this process's one child: a stop signal sent to `npm start` (Ctrl-C, a supervisor's
 * SIGTERM, a closed terminal) goes on to the child, and this process exits as the child did, so stopping
 * `npm start` never leaves a server running behind it.
 */
function supervise(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    if (signal) {
      // Die of the same signal, as a shell would report it (128 + n), without our own handler in the way.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 0);
  });
}

if (!existsSync('out/main/index.js') || !existsSync('out/cli/claque.js')) {
  console.error('claque: not built yet; run `npm run build` (scripts/start.sh does it for you).');
  process.exit(2);
}
const electron = electronBinary();
if (electron && existsSync(electron)) {
  supervise(spawn(electron, ['.', project], { stdio: 'inherit' }));
} else {
  console.error(
    "claque: Electron's binary is not installed on this machine (it cannot be downloaded here),\n" +
      '        so Claque starts in browser mode instead: open the URL below in a browser.',
  );
  supervise(spawn(process.execPath, ['bin/claque.js', 'serve', project], { stdio: 'inherit' }));
}
