// `npm start`: the desktop app on the bundled demo where Electron's binary exists; otherwise browser mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const demo = 'resources/demo/demo.claque';
const args = process.argv.slice(2);
const project = args[0] ?? demo;

function electronBinary() {
  try {
    return require('electron'); // the package's index resolves the downloaded binary, or throws
  } catch {
    return undefined;
  }
}

if (!existsSync('out/main/index.js') || !existsSync('out/cli/claque.js')) {
  console.error('claque: not built yet; run `npm run build` (scripts/start.sh does it for you).');
  process.exit(2);
}
const electron = electronBinary();
if (typeof electron === 'string' && existsSync(electron)) {
  const child = spawn(electron, ['.', project], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(
    "claque: Electron's binary is not installed on this machine (it cannot be downloaded here),\n" +
      '        so Claque starts in browser mode instead: open the URL below in a browser.',
  );
  const child = spawn(process.execPath, ['bin/claque.js', 'serve', project], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
