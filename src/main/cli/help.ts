/**
 * `claque <command> --help`: what each option does and its default, so that a first-time user need not open
 * the README to learn that `--window` is in seconds or what `--coaction coortweet` reproduces.
 */
import { FORMATS } from '../import/formats';
import { INTERACTION_KINDS, PLATFORMS } from '../../shared/model/records';
import { COACTION_MODES, PROJECTION_TARGETS } from '../../shared/analysis/result';
import { ANALYSIS_DEFAULTS, PROJECTION_MIN_SHARED } from '../../shared/analysis/defaults';

const ANALYSIS_HELP = `
Graph (give at most one of --graph / --coaction / --projection; without any, the default analysis: every
interaction plus co-shares of the same post, link, image or hashtag within the window, as one undirected graph):
  --graph K,K…             interaction graph of these kinds: ${INTERACTION_KINDS.join(', ')}
  --coaction MODE          co-action graph: accounts acting on the same object within the window.
                           ${COACTION_MODES.join(', ')};
                           coortweet reproduces CooRTweet's detect_groups + generate_coordinated_network
  --projection T,T…        accounts linked by how many targets they share, whatever the time between:
                           ${PROJECTION_TARGETS.join(', ')} (account: those they retweet, reply to,
                           mention, quote or comment on); --min-weight is the fewest shared targets
  --window S|auto          co-action window in seconds (default ${ANALYSIS_DEFAULTS.windowSeconds}); auto estimates it from the data
                           as CooRnet's estimate_coord_interval does (q 0.1, p 0.5); summary.json keeps the estimate
  --min-participation N    accounts with fewer shares take no part in co-action (default ${ANALYSIS_DEFAULTS.minParticipation})
  --min-weight W           drop edges lighter than W (default 1; ${PROJECTION_MIN_SHARED} shared targets for --projection)
Period (default: all the data):
  --from T, --to T         analyse only posts and interactions from / to T, inclusive: a date (2021-09-20; a
                           date as --to means the end of that day), an ISO time (no zone = UTC) or Unix seconds
Communities:
  --resolution R           Louvain resolution (default ${ANALYSIS_DEFAULTS.resolution}; higher gives more, smaller communities)
  --seed N                 Louvain and layout seed (default ${ANALYSIS_DEFAULTS.seed}; the same seed gives the same result)
`;

const OUTPUTS = `
DIR gets graph.gexf (for Gephi), communities.json (ranked by score, with the evidence behind each verdict),
accounts.csv, features.csv, cascades.csv, coaction_edges.csv (co-action graphs) and summary.json.
`;

function importHelp(): string {
  return `
  --format F               skip detection: ${FORMATS.map((f) => f.id).join(', ')}
  --map field=column       name the column holding a field when the header is not recognised (repeatable),
                           e.g. --map commenter_id=author --map target_id=page
  --platform P             platform of the rows when the file does not say: ${PLATFORMS.join(', ')}
  --tz ZONE                IANA zone of times written without one (scrapers write their local time), e.g.
                           --tz Europe/Paris; without it they are read as UTC and the import says how many
  --encoding E             the file's character encoding (UTF-8, UTF-16LE, windows-1252, ISO-8859-2, windows-1251,
                           Shift_JIS, …) when detection is wrong; by default it is detected and the import says so
  --wait S                 seconds to wait while another import writes to the same project (default 600;
                           0 fails at once); the import says that it is waiting
  --strict                 stop at the first bad row (default: skip it and list it with its line)
`;
}

const DETAILS: Record<string, () => string> = {
  import: () =>
    `\nImports files into a project (created when missing); the format is detected from the content.\n` +
    `Each file is one transaction: it lands whole or not at all. Re-importing never duplicates rows.\n` +
    importHelp(),
  info: () => `\nCounts per table, past imports and their errors.\n  --json                   print JSON\n`,
  analyze: () => `\nAnalyses a project into DIR.\n` + OUTPUTS + ANALYSIS_HELP,
  run: () =>
    `\nImports the files into a fresh project (DIR/project.claque, or --project P), then analyses it.\n` +
    OUTPUTS +
    importHelp() +
    `  --project P              the project file to create (default DIR/project.claque)\n` +
    ANALYSIS_HELP,
  serve: () =>
    `\nServes the app in a browser on 127.0.0.1; the first line printed is the URL with its access token.\n` +
    `  --port N                 port to listen on (default: any free port)\n`,
};

/** The usage line of one command followed by what its options do. */
export function commandHelp(name: string, summary: string): string {
  return `usage: ${summary}\n${DETAILS[name]?.() ?? ''}`;
}
