import { instaloaderCommentToRows, isInstaloaderCommentValue } from '../../../shared/io/comments/instaloader-comments';
import { firstJsonValue, postFromFileName, readCommentJson } from './comment-json';
import type { Format } from './format';
import { jsonLayout } from './json-records';

/**
 * Instaloader's `<post>_comments.json`: the post is named by the file (its name without `_comments.json`,
 * the prefix the post's other files share), since the comments do not name it.
 */
export const instaloaderCommentsFormat: Format = {
  id: 'instaloader-comments',
  label: "Instagram comments (Instaloader's _comments.json; the file name is the post)",
  detect(sample) {
    if (!jsonLayout(sample)) return 0;
    if (isInstaloaderCommentValue(firstJsonValue(sample.text))) return 0.9;
    const t = sample.text;
    return /"owner"\s*:\s*\{/.test(t) && /"created_at"\s*:/.test(t) && /"answers"\s*:/.test(t) ? 0.85 : 0;
  },
  read(input, ctx) {
    const post = postFromFileName(ctx.file, /(?:_comments)?\.json(?:\.xz)?$/i);
    return readCommentJson(input, ctx, (value) => instaloaderCommentToRows(value, post));
  },
};
