import { FOLLOWED_ALIASES, FOLLOWER_ALIASES, followsParser } from '../../../shared/io/tables/follows';
import { renameHeader } from '../../../shared/io/tables/column-mapping';
import { headerOf, readTable } from './csv-table';
import type { Format } from './format';

// Names that only a follow list uses; source/target (also an edge list's) score low so edge lists win them.
const GENERIC = new Set(['source', 'source_id', 'target', 'target_id', 'from', 'to', 'user_id', 'userid']);

export const followsFormat: Format = {
  id: 'follows',
  label: 'Follow list (follower, followed[, time])',
  detect(sample) {
    const header = headerOf(sample);
    const follower = FOLLOWER_ALIASES.find((a) => header.includes(a));
    const followed = FOLLOWED_ALIASES.find((a) => header.includes(a));
    if (!follower || !followed) return 0;
    if (GENERIC.has(follower) && GENERIC.has(followed)) return 0.3;
    return 0.8;
  },
  read(input, ctx) {
    const platform = ctx.options.platform ?? 'generic';
    return readTable(input, ctx, 'a follow list', (header) =>
      followsParser(renameHeader(header, ctx.options.mapping), platform),
    );
  },
};
