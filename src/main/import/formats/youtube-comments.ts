import { isYoutubeCommentValue, youtubeCommentsToRows } from '../../../shared/io/comments/youtube-comments';
import { firstJsonValue, postFromFileName, readCommentJson } from './comment-json';
import type { Format } from './format';
import { jsonLayout } from './json-records';

/**
 * youtube-comment-downloader's JSONL (or its --pretty document). The rows do not name the video: the file
 * does (the tool's default output name is the video id), so its name, without extension, is the video.
 */
export const youtubeCommentsFormat: Format = {
  id: 'youtube-comments',
  label: 'YouTube comments (youtube-comment-downloader JSONL; the file name is the video)',
  detect(sample) {
    if (!jsonLayout(sample)) return 0;
    if (isYoutubeCommentValue(firstJsonValue(sample.text))) return 0.95;
    const t = sample.text;
    return /"cid"\s*:/.test(t) && /"channel"\s*:/.test(t) && /"(?:votes|time_parsed)"\s*:/.test(t) ? 0.9 : 0;
  },
  read(input, ctx) {
    const video = postFromFileName(ctx.file, /\.(?:json|jsonl|ndjson|comments|txt)+$/i);
    return readCommentJson(input, ctx, (value) => youtubeCommentsToRows(value, video));
  },
};
