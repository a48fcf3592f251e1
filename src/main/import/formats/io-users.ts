import { IO_USER_COLUMNS, ioUserRowToBatch } from '../../../shared/io/io-archive-row';
import { columnIndex, sampleHeader } from '../csv';
import type { Format, RowResult } from './format';
import { headerScore, readArchiveRows } from './io-archive';
import { columns } from './signature';

/** X/Twitter Information Operations archive, users file: one account per row. */
export const ioUsers: Format = {
  id: 'io-users',
  label: 'X/Twitter Information Operations archive: users CSV',
  detect(sample) {
    const header = sampleHeader(sample.text);
    // A tweets file carries the user columns too; it is io-tweets' to claim.
    if (header.includes('tweetid') || !header.includes('userid') || !header.includes('user_screen_name')) return 0;
    return headerScore(header, IO_USER_COLUMNS);
  },
  signatures: [{ name: 'an IO archive users file', of: 'columns', required: columns(IO_USER_COLUMNS), optional: [] }],
  read(input, ctx): AsyncIterable<RowResult> {
    return readArchiveRows(
      input,
      ctx,
      (header) => columnIndex(ctx.file, header, IO_USER_COLUMNS, [], 'an IO archive users file'),
      ioUserRowToBatch,
    );
  },
};
