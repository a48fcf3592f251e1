import { isZeeschuimerValue, zeeschuimerToRows } from '../../../shared/io/comments/zeeschuimer-comments';
import { firstJsonValue, readCommentJson } from './comment-json';
import type { Format } from './format';
import { jsonLayout } from './json-records';

/** Zeeschuimer / 4CAT NDJSON captures: Instagram and Facebook comments, Instagram posts. */
export const zeeschuimerFormat: Format = {
  id: 'zeeschuimer',
  label: 'Zeeschuimer / 4CAT NDJSON (Instagram and Facebook comments, Instagram posts)',
  detect(sample) {
    if (!jsonLayout(sample)) return 0;
    if (isZeeschuimerValue(firstJsonValue(sample.text))) return 0.96;
    const t = sample.text;
    if (/"__import_meta"\s*:/.test(t)) return 0.9;
    return /"item_id"\s*:/.test(t) && /"source_platform"\s*:/.test(t) && /"data"\s*:\s*\{/.test(t) ? 0.9 : 0;
  },
  read(input, ctx) {
    return readCommentJson(input, ctx, zeeschuimerToRows);
  },
};
