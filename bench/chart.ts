import type { SizeResult } from './results.ts';
import { SITE_LABELS } from './sites.ts';

/**
 * A line chart of build time against corpus size, as a standalone SVG
 * written here (no chart library): one line per site and build case. Pure.
 */

export interface Series {
  label: string;
  color: string;
  dashed: boolean;
  points: { x: number; y: number }[];
}

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { top: 40, right: 200, bottom: 50, left: 60 };

export function buildSeries(results: readonly SizeResult[]): Series[] {
  const colors = { ours: '#1f6feb', starlight: '#d9480f' } as const;
  const series: Series[] = [];
  for (const site of ['ours', 'starlight'] as const) {
    for (const buildCase of ['clean', 'rebuild'] as const) {
      const points = results
        .map((r) => ({ x: r.size, y: r.build?.summaries.find((s) => s.site === site && s.case === buildCase)?.medianSeconds }))
        .filter((p): p is { x: number; y: number } => typeof p.y === 'number' && Number.isFinite(p.y))
        .sort((a, b) => a.x - b.x);
      if (points.length > 0) {
        series.push({ label: `${SITE_LABELS[site]}, ${buildCase === 'clean' ? 'clean' : 'one-note edit'}`, color: colors[site], dashed: buildCase === 'rebuild', points });
      }
    }
  }
  return series;
}

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function buildTimeChart(series: readonly Series[], caption: string): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const xMax = niceMax(Math.max(1, ...xs));
  const yMax = niceMax(Math.max(1, ...ys));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => MARGIN.left + (x / xMax) * plotW;
  const py = (y: number) => MARGIN.top + plotH - (y / yMax) * plotH;
  const ticks = (max: number) => {
    const step = niceMax(max / 5);
    return Array.from({ length: Math.floor(max / step + 1e-9) + 1 }, (_, i) => i * step);
  };
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="title desc" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<title id="title">Build time against number of notes</title>`);
  parts.push(`<desc id="desc">${escapeXml(describe(series))}</desc>`);
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  parts.push(`<text x="${MARGIN.left}" y="22" font-size="14" font-weight="600" fill="#111">${escapeXml(caption)}</text>`);
  for (const t of ticks(yMax)) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${py(t) + 4}" text-anchor="end" fill="#444">${fmt(t)} s</text>`);
  }
  for (const t of ticks(xMax)) {
    parts.push(`<text x="${px(t)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle" fill="#444">${fmt(t)}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(0)}" y2="${py(0)}" stroke="#888"/>`);
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle" fill="#444">Notes (N)</text>`);
  series.forEach((s, i) => {
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    const path = s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    for (const p of s.points) parts.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = MARGIN.top + 10 + i * 20;
    const lx = MARGIN.left + plotW + 14;
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${lx + 30}" y="${ly + 4}" fill="#222">${escapeXml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function describe(series: readonly Series[]): string {
  return series.map((s) => `${s.label}: ${s.points.map((p) => `${p.y.toFixed(1)} s at N = ${p.x}`).join(', ')}`).join('. ');
}
