/**
 * Generic edge lists (source, target[, kind, time, weight]) as exported by Gephi, networkx or a spreadsheet:
 * each row is an interaction. `kind` must be one of Claque's interaction kinds; without the column every
 * edge is of kind 'edge'.
 */
import { INTERACTION_KINDS, type InteractionKind, type Platform } from '../../model/records';
import { cell, findColumn } from './columns';
import type { HeaderVerdict } from './table-parser';
import { optionalTime } from './values';

export const EDGE_SOURCE_ALIASES = ['source', 'source_id', 'from', 'src'];
export const EDGE_TARGET_ALIASES = ['target', 'target_id', 'to', 'dst'];
export const EDGE_KIND_ALIASES = ['kind', 'type', 'interaction', 'label'];
export const EDGE_TIME_ALIASES = ['time', 'timestamp', 'date', 'created_at'];
export const EDGE_WEIGHT_ALIASES = ['weight', 'count', 'n'];

export function edgesParser(header: readonly string[], platform: Platform): HeaderVerdict {
  const s = findColumn(header, EDGE_SOURCE_ALIASES);
  const t = findColumn(header, EDGE_TARGET_ALIASES);
  if (s < 0 || t < 0) {
    return {
      expected: `source (${EDGE_SOURCE_ALIASES.join(' | ')}) and target (${EDGE_TARGET_ALIASES.join(' | ')}), optionally kind, time, weight`,
    };
  }
  const k = findColumn(header, EDGE_KIND_ALIASES);
  const ti = findColumn(header, EDGE_TIME_ALIASES);
  const w = findColumn(header, EDGE_WEIGHT_ALIASES);
  return {
    parser: {
      columns: header.length,
      reads: [s, t, k, ti, w].filter((i) => i >= 0),
      parse(cells) {
        const sourceId = cell(cells, s);
        const targetId = cell(cells, t);
        if (!sourceId) return { error: 'empty source' };
        if (!targetId) return { error: 'empty target' };
        const rawKind = cell(cells, k)?.toLowerCase();
        const kind = (rawKind ?? 'edge') as InteractionKind;
        if (!INTERACTION_KINDS.includes(kind)) {
          return { error: `unknown kind ${JSON.stringify(rawKind)}: expected one of ${INTERACTION_KINDS.join(', ')}` };
        }
        const time = optionalTime(cell(cells, ti), 'time');
        if (typeof time === 'string') return { error: time };
        const rawWeight = cell(cells, w);
        let weight: number | undefined;
        if (rawWeight !== undefined) {
          weight = Number(rawWeight);
          if (!Number.isFinite(weight) || weight <= 0) {
            return { error: `bad weight ${JSON.stringify(rawWeight)}: expected a positive number` };
          }
        }
        return { batch: { interactions: [{ platform, sourceId, targetId, kind, time, weight }] } };
      },
    },
  };
}
