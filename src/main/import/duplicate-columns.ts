/**
 * A header that names a column twice (two `id` columns after a spreadsheet join, minet appending its columns
 * to the investigator's own): Claque reads one copy, and says which, instead of leaving the analyst to guess
 * why the values are not the ones they looked at (issue 16, item 7). Only columns Claque reads are named.
 */
export function duplicateColumnWarnings(header: readonly string[], reads: readonly number[]): string[] {
  const byName = new Map<string, number[]>();
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    if (name === '') return;
    const seen = byName.get(name);
    if (seen) seen.push(i);
    else byName.set(name, [i]);
  });
  const warnings: string[] = [];
  for (const copies of byName.values()) {
    if (copies.length < 2) continue;
    const read = copies.find((i) => reads.includes(i));
    if (read === undefined) continue;
    const others = copies.filter((i) => i !== read);
    warnings.push(
      `column "${header[read].trim()}" appears ${copies.length} times (columns ${copies.map(place).join(', ')}): ` +
        `column ${place(read)} is read, ${others.length === 1 ? `column ${place(others[0])} is` : `columns ${others.map(place).join(', ')} are`} ignored`,
    );
  }
  return warnings;
}

/** A column's place as a spreadsheet shows it: 3 (C), 28 (AB). */
function place(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${index + 1} (${letters})`;
}
