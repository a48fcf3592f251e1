/**
 * PNG of the current map for print: @sigma/export-image redraws the graph (same reducers, same camera) in a
 * temporary renderer `scale` times the on-screen size, with node, edge and label sizes scaled alike so the
 * picture looks like the screen, only sharper; then a band below it carries the legend and a caption. The
 * legend is what the map's colours mean: communities on the account map, verdicts on the community meta-graph.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { Attributes } from 'graphology-types';
import { wrapCaption, type LegendItem } from './map-legend';

export interface PngOptions {
  /** Output pixels per screen pixel (3 ≈ 300 dpi for a picture printed at its screen size in inches/100). */
  scale: number;
  caption: string;
}

export async function mapToPng<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  legend: LegendItem[],
  options: PngOptions,
): Promise<Blob> {
  const k = options.scale;
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const nodeReducer = settings.nodeReducer;
  const edgeReducer = settings.edgeReducer;
  const scaled: Partial<Settings<N, E>> = {
    labelSize: settings.labelSize * k,
    edgeLabelSize: settings.edgeLabelSize * k,
    labelRenderedSizeThreshold: settings.labelRenderedSizeThreshold * k,
    // Sigma keeps a few labels per grid cell; cells as large as on screen keep the same labels, not k² as many.
    labelGridCellSize: settings.labelGridCellSize * k,
    nodeReducer: (node, data) => {
      const d = nodeReducer ? nodeReducer(node, data) : data;
      return { ...d, size: (d.size ?? data.size) * k };
    },
    edgeReducer: (edge, data) => {
      const d = edgeReducer ? edgeReducer(edge, data) : data;
      return { ...d, size: (d.size ?? data.size ?? 1) * k };
    },
  };
  // export-image is typed for Sigma's default attribute types; the instance is the same at runtime.
  const map = await drawOnCanvas(sigma as unknown as Sigma, {
    width: width * k,
    height: height * k,
    backgroundColor: '#ffffff',
    sigmaSettings: scaled as Partial<Settings>,
  });
  // drawOnCanvas multiplies by devicePixelRatio; size the band from the canvas it really made.
  const W = map.width;
  const unit = (W / (width * k)) * k;
  const font = 12 * unit;
  const pad = 10 * unit;
  const perRow = Math.max(1, Math.floor((W - 2 * pad) / (190 * unit)));
  const legendRows = Math.ceil(legend.length / perRow);
  // The caption, a size smaller than the legend, wraps at its " · " separators rather than being squeezed.
  const small = font * 0.85;
  const captionFont = `${small}px system-ui, sans-serif`;
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = captionFont;
  const captionLines = wrapCaption(options.caption, W - 2 * pad, (t) => measure.measureText(t).width);
  const band = pad * 2 + legendRows * font * 1.7 + font * 0.7 + captionLines.length * small * 1.4;
  const out = document.createElement('canvas');
  out.width = W;
  out.height = Math.ceil(map.height + band);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(map, 0, 0);
  ctx.strokeStyle = '#dcdcd8';
  ctx.lineWidth = unit;
  ctx.beginPath();
  ctx.moveTo(0, map.height + unit / 2);
  ctx.lineTo(W, map.height + unit / 2);
  ctx.stroke();
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  legend.forEach((item, i) => {
    const x = pad + (i % perRow) * 190 * unit;
    const y = map.height + pad + Math.floor(i / perRow) * font * 1.7 + font * 0.7;
    ctx.fillStyle = item.color;
    ctx.beginPath();
    ctx.arc(x + font * 0.45, y, font * 0.45, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = item.flagged ? '#c62828' : '#1d1d1f';
    ctx.fillText(item.text, x + font * 1.3, y);
  });
  ctx.fillStyle = '#4a4a4a';
  ctx.font = captionFont;
  captionLines.forEach((line, i) =>
    ctx.fillText(line, pad, out.height - pad - small * 0.5 - (captionLines.length - 1 - i) * small * 1.4, W - 2 * pad),
  );
  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}
