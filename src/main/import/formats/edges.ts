import {
  EDGE_KIND_ALIASES,
  EDGE_SOURCE_ALIASES,
  EDGE_TARGET_ALIASES,
  EDGE_TIME_ALIASES,
  EDGE_WEIGHT_ALIASES,
  edgesParser,
} from '../../../shared/io/tables/edges';
import { renameHeader } from '../../../shared/io/tables/column-mapping';
import { headerOf, readTable } from './csv-table';
import type { Format } from './format';

export const edgesFormat: Format = {
  id: 'edges',
  label: 'Edge list (source, target[, kind, time, weight])',
  detect(sample) {
    const header = headerOf(sample);
    const has = (aliases: string[]) => aliases.some((a) => header.includes(a));
    if (!has(EDGE_SOURCE_ALIASES) || !has(EDGE_TARGET_ALIASES)) return 0;
    return has(EDGE_KIND_ALIASES) || has(EDGE_WEIGHT_ALIASES) ? 0.6 : 0.5;
  },
  signatures: [
    {
      name: 'an edge list',
      of: 'columns',
      required: [
        { names: EDGE_SOURCE_ALIASES, role: 'source' },
        { names: EDGE_TARGET_ALIASES, role: 'target' },
      ],
      optional: [...EDGE_KIND_ALIASES, ...EDGE_TIME_ALIASES, ...EDGE_WEIGHT_ALIASES],
    },
  ],
  read(input, ctx) {
    const platform = ctx.options.platform ?? 'generic';
    return readTable(input, ctx, 'an edge list', (header) =>
      edgesParser(renameHeader(header, ctx.options.mapping), platform),
    );
  },
};
