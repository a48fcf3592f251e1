import { runCli } from './run-cli';

// Entry point of the headless CLI (bin/claque.js loads the built copy of this file).
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`claque: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
