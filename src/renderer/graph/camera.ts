/**
 * Framing a set of nodes: sigma's camera works in its normalised "framed graph" space, where the whole
 * graph spans about 0–1 and ratio 1 shows all of it. The target is the nodes' bounding box there, padded.
 */
export interface Point {
  x: number;
  y: number;
}

export function frameFor(points: Point[], padding = 1.3): { x: number; y: number; ratio: number } | null {
  if (points.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.min(1, Math.max(0.03, extent * padding)) };
}
