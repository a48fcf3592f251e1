import { shareTableParser, SHARE_TABLE_COLUMNS } from '../../../shared/io/tables/share-table';
import { renameHeader } from '../../../shared/io/tables/column-mapping';
import { headerOf, readTable } from './csv-table';
import type { Format } from './format';
import { columns } from './signature';

/** CooRTweet's share table: object_id, account_id, content_id, timestamp_share. */
export const shareTableFormat: Format = {
  id: 'share-table',
  label: "Share table (CooRTweet's object_id, account_id, content_id, timestamp_share)",
  detect(sample) {
    const header = headerOf(sample);
    return SHARE_TABLE_COLUMNS.every((c) => header.includes(c)) ? 0.95 : 0;
  },
  signatures: [
    { name: 'a CooRTweet share table', of: 'columns', required: columns(SHARE_TABLE_COLUMNS), optional: [] },
  ],
  read(input, ctx) {
    const platform = ctx.options.platform ?? 'generic';
    return readTable(input, ctx, 'a share table', (header) =>
      shareTableParser(renameHeader(header, ctx.options.mapping), platform),
    );
  },
};
