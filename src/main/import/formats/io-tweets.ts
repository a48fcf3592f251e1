import { IO_TWEET_COLUMNS, IO_TWEET_OPTIONAL_COLUMNS, ioTweetRowToBatch } from '../../../shared/io/io-archive-row';
import { columnIndex, sampleHeader } from '../csv';
import type { Format, RowResult } from './format';
import { headerScore, readArchiveRows } from './io-archive';
import { columns } from './signature';

/** X/Twitter Information Operations archive, tweets file (transparency.x.com). */
export const ioTweets: Format = {
  id: 'io-tweets',
  label: 'X/Twitter Information Operations archive: tweets CSV',
  detect(sample) {
    const header = sampleHeader(sample.text);
    if (!header.includes('tweetid') || !header.includes('userid') || !header.includes('tweet_time')) return 0;
    return headerScore(header, IO_TWEET_COLUMNS);
  },
  signatures: [
    {
      name: 'an IO archive tweets file',
      of: 'columns',
      required: columns(IO_TWEET_COLUMNS),
      optional: IO_TWEET_OPTIONAL_COLUMNS,
    },
  ],
  read(input, ctx): AsyncIterable<RowResult> {
    return readArchiveRows(
      input,
      ctx,
      (header) =>
        columnIndex(ctx.file, header, IO_TWEET_COLUMNS, IO_TWEET_OPTIONAL_COLUMNS, 'an IO archive tweets file'),
      ioTweetRowToBatch,
    );
  },
};
