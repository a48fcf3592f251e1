import { ExportError } from '../export/safe-write';
import { ImportCancelled, ImportError } from '../import/errors';
import { ProjectError } from '../store/project';
import { analyzeCommand, runCommand } from './commands/analyze';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { serveCommand } from './commands/serve';
import { commandHelp } from './help';
import { processIo, UsageError, type CliIo } from './io';

export type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  import: {
    run: importCommand,
    summary:
      'claque import <project.claque> <file>… [--format F] [--map field=column …] [--platform P] [--tz ZONE] [--encoding E] [--wait S] [--strict]',
  },
  info: { run: infoCommand, summary: 'claque info <project.claque> [--json]' },
  analyze: {
    run: analyzeCommand,
    summary:
      'claque analyze <project.claque> --out DIR [--graph retweet,reply,… | --coaction retweet|link|hashtag|text|reply|near_text|domain|image|coortweet --window S|auto --min-participation N | --projection page,post,account,…] [--min-weight W] [--from T] [--to T] [--resolution R] [--seed N]',
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
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(name, command.summary));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    const usageMessage = err instanceof UsageError ? err.message : parseArgsMessage(err);
    if (usageMessage !== undefined) {
      io.err(`claque ${name}: ${usageMessage}\nusage: ${command.summary}\n(claque ${name} --help lists the options)\n`);
      return 2;
    }
    if (
      err instanceof ImportError ||
      err instanceof ProjectError ||
      err instanceof ImportCancelled ||
      err instanceof ExportError
    ) {
      io.err(`claque: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/**
 * node:util parseArgs reports a bad command line as a TypeError with an ERR_PARSE_ARGS_* code; that is the
 * user's typo, not a crash, so it gets the usage message without a stack (and without Node's long hint).
 */
function parseArgsMessage(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  return (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
}
