import { MULTI_OBJECT_COLUMNS, multiObjectParser } from '../../../shared/io/tables/multi-object';
import { headerOf, readTable } from './csv-table';
import type { Format } from './format';
import { columns } from './signature';

/** Posts with their url / hashtag / domain / image-hash ids (CooRTweet's german_elections layout). */
export const multiObjectFormat: Format = {
  id: 'multi-object',
  label: 'Multi-object table (account_id, post_id, url_id, hashtag_id, domain_id, phash_id, timestamp)',
  detect(sample) {
    const header = headerOf(sample);
    return MULTI_OBJECT_COLUMNS.every((c) => header.includes(c)) ? 0.95 : 0;
  },
  signatures: [
    {
      name: 'a CooRTweet multi-object table',
      of: 'columns',
      required: columns(MULTI_OBJECT_COLUMNS),
      optional: [],
    },
  ],
  read(input, ctx) {
    const fallback = ctx.options.platform ?? 'generic';
    return readTable(input, ctx, 'a multi-object table', (header) => multiObjectParser(header, fallback));
  },
};
