import { COMMENT_PROFILES } from '../../../shared/io/tables/comment-profiles';
import { commentsConfidence, commentsParser } from '../../../shared/io/tables/comments';
import { headerOf, readTable } from './csv-table';
import type { Format } from './format';
import { columns } from './signature';

/**
 * Comment/page CSVs (Facebook, Instagram, VK, Telegram): known exports (minet, Facepager, CrowdTangle, 4CAT)
 * mapped automatically from their header, others by --map.
 */
export const commentsFormat: Format = {
  id: 'comments',
  label: 'Comments / page posts (minet, Facepager, CrowdTangle, 4CAT, or any CSV with --map field=column)',
  detect(sample) {
    return commentsConfidence(headerOf(sample));
  },
  signatures: COMMENT_PROFILES.map((p) => ({
    name: p.label,
    of: 'columns' as const,
    required: columns(p.requires),
    optional: [...new Set(Object.values(p.fields).flat())].filter((c) => !p.requires.includes(c)),
  })),
  read(input, ctx) {
    return readTable(input, ctx, 'comments', (header) =>
      commentsParser(header, ctx.options.mapping, ctx.options.platform, ctx.options.timeZone),
    );
  },
};
