import {
  FOLLOW_TIME_ALIASES,
  FOLLOWED_ALIASES,
  FOLLOWER_ALIASES,
  followRoleColumn,
  followsParser,
  isFollowedColumn,
  isFollowerColumn,
  isGenericFollowColumn,
} from '../../../shared/io/tables/follows';
import { renameHeader } from '../../../shared/io/tables/column-mapping';
import { headerOf, readTable } from './csv-table';
import type { Format } from './format';

export const followsFormat: Format = {
  id: 'follows',
  label: 'Follow list (follower, followed[, time])',
  detect(sample) {
    const header = headerOf(sample);
    const follower = followRoleColumn(header, 'follower');
    const followed = followRoleColumn(header, 'followed');
    if (follower < 0 || followed < 0 || follower === followed) return 0;
    // Names an edge list also uses (source/target, from/to, user_id) score low, so edge lists win them.
    if (isGenericFollowColumn(header[follower]) && isGenericFollowColumn(header[followed])) return 0.3;
    return 0.8;
  },
  signatures: [
    {
      name: 'a follow list',
      of: 'columns',
      required: [
        { names: FOLLOWER_ALIASES, role: 'follower', matches: isFollowerColumn },
        { names: FOLLOWED_ALIASES, role: 'followed', matches: isFollowedColumn },
      ],
      optional: FOLLOW_TIME_ALIASES,
    },
  ],
  read(input, ctx) {
    const platform = ctx.options.platform ?? 'generic';
    return readTable(input, ctx, 'a follow list', (header) =>
      followsParser(renameHeader(header, ctx.options.mapping), platform),
    );
  },
};
