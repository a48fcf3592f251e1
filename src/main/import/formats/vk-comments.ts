import { isVkCommentsValue, vkCommentsToRows } from '../../../shared/io/comments/vk-comments';
import { firstJsonValue, readCommentJson } from './comment-json';
import type { Format } from './format';
import { jsonLayout } from './json-records';

/** VK API wall.getComments responses (threads included), saved as JSON or one response per line. */
export const vkCommentsFormat: Format = {
  id: 'vk-comments',
  label: 'VK wall.getComments JSON (responses or comment objects, threads included)',
  detect(sample) {
    if (!jsonLayout(sample)) return 0;
    const t = sample.text;
    if (isVkCommentsValue(firstJsonValue(t))) return 0.9;
    const fields = /"from_id"\s*:/.test(t) && /"date"\s*:/.test(t);
    return fields && /"(?:parents_stack|reply_to_comment|thread|post_id)"\s*:/.test(t) ? 0.85 : 0;
  },
  read(input, ctx) {
    return readCommentJson(input, ctx, vkCommentsToRows);
  },
};
