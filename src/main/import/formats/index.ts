import type { Format, FormatId } from './format';
import { gexfFormat } from './gexf';
import { graphmlFormat } from './graphml';

// Every importer, in detection order (ties go to the earlier one).
export const FORMATS: Format[] = [gexfFormat, graphmlFormat];

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === (id as FormatId));
}
