import { ImportCancelled, ImportError } from '../import/errors';
import { ProjectError } from '../store/project';
import { analyzeCommand, runCommand } from './commands/analyze';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { serveCommand } from './commands/serve';
import { processIo, UsageError, type CliIo } from './io';

export type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  import: {
    run: importCommand,
    summary: 'claque import <project.claque> <file>… [--format F] [--map field=column …] [--platform P] [--strict]',
  },
  info: { run: infoCommand, summary: 'claque info <project.claque> [--json]' },
  analyze: {
    run: analyzeCommand,
    summary:
      'claque analyze <project.claque> --out DIR [--graph retweet,reply,… | --coaction retweet|link|hashtag|text|reply|near_text|domain|image|coortweet --window S --min-participation N] [--min-weight W] [--resolution R] [--seed N]',
  },
  run: {
    run: runCommand,
    summary: 'claque run <file>… --out DIR [--format F] [--project P] [same options as analyze]',
  },
  serve: { run: serveCommand, summary: 'claque serve [project.claque] [--port N]' },
};

export function usage(): string {
  return ['usage:', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n') + '\n';
}

/** Runs one CLI invocation; returns the exit code. Data goes to stdout, progress and errors to stderr. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`claque: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`claque ${name}: ${err.message}\n${usage()}`);
      return 2;
    }
    if (err instanceof ImportError || err instanceof ProjectError || err instanceof ImportCancelled) {
      io.err(`claque: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
