/**
 * Community colours shared by the map, the legend and the GEXF export, so a screenshot and a Gephi view of
 * the same analysis agree. Flagged communities keep their hue; the palette is colour-blind friendly
 * (Tableau 10 / Okabe–Ito mix) and repeats beyond its length; the legend names communities, not colours.
 */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
];

export function communityColor(rank: number): string {
  if (rank < 0) return '#999999';
  return PALETTE[rank % PALETTE.length];
}

/** '#rrggbb' → [r, g, b] (0–255), for formats that want channels (GEXF's viz:color, PNG legends). */
export function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
