import type { Format, FormatId } from './format';

// Every importer, in detection order (ties go to the earlier one).
export const FORMATS: Format[] = [];

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === (id as FormatId));
}
