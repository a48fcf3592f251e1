import type { Format, FormatId } from './format';
import { ioTweets } from './io-tweets';
import { ioUsers } from './io-users';
import { twitterV2 } from './twitter-v2';
import { twitterV1 } from './twitter-v1';
import { gexfFormat } from './gexf';
import { graphmlFormat } from './graphml';
import { shareTableFormat } from './share-table';
import { multiObjectFormat } from './multi-object';
import { commentsFormat } from './comments';
import { vkCommentsFormat } from './vk-comments';
import { youtubeCommentsFormat } from './youtube-comments';
import { instaloaderCommentsFormat } from './instaloader-comments';
import { zeeschuimerFormat } from './zeeschuimer';
import { followsFormat } from './follows';
import { twarcFollowsFormat } from './twarc-follows';
import { edgesFormat } from './edges';

// Every importer, in detection order (ties go to the earlier one).
export const FORMATS: Format[] = [
  ioTweets,
  ioUsers,
  twarcFollowsFormat,
  twitterV2,
  twitterV1,
  gexfFormat,
  graphmlFormat,
  shareTableFormat,
  multiObjectFormat,
  commentsFormat,
  zeeschuimerFormat,
  youtubeCommentsFormat,
  vkCommentsFormat,
  instaloaderCommentsFormat,
  followsFormat,
  edgesFormat,
];

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === (id as FormatId));
}
