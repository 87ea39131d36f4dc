// A KPI's chart as a PNG image for the Word report (Word embeds PNG or JPEG; no browser on the
// server): the planned path from baseline to target in grey, the target level dotted in green, the
// measurements in blue with a dot each, on a light grid. No text in the image: the report puts the
// figures in a table beside it and the chart's description in its alternative text.
import { PNG } from 'pngjs';
import type { ReportKpi } from '../domain/progress-report.js';

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 220;
const PAD = { left: 16, right: 16, top: 14, bottom: 14 };

type Rgb = readonly [number, number, number];
const GRID: Rgb = [225, 228, 232];
const AXIS: Rgb = [140, 146, 153];
const PLAN: Rgb = [150, 150, 150];
const TARGET: Rgb = [16, 124, 16];
const VALUE: Rgb = [0, 90, 158];

class Canvas {
  readonly png: PNG;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.png = new PNG({ width, height });
    this.png.data.fill(255);
  }

  dot(x: number, y: number, color: Rgb, radius = 0): void {
    const r = Math.max(0, radius);
    for (let dy = -Math.ceil(r); dy <= Math.ceil(r); dy++) {
      for (let dx = -Math.ceil(r); dx <= Math.ceil(r); dx++) {
        if (dx * dx + dy * dy > r * r + 0.5) continue;
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= this.width || py >= this.height) continue;
        const i = (py * this.width + px) * 4;
        this.png.data[i] = color[0];
        this.png.data[i + 1] = color[1];
        this.png.data[i + 2] = color[2];
        this.png.data[i + 3] = 255;
      }
    }
  }

  /** A line `width` pixels thick; `dash` draws every other run of that many pixels. */
  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, width = 1, dash = 0): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
    for (let s = 0; s <= steps; s++) {
      if (dash > 0 && Math.floor(s / dash) % 2 === 1) continue;
      const t = s / steps;
      this.dot(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, color, (width - 1) / 2);
    }
  }
}

/** The chart of one KPI as PNG bytes. */
export function kpiChartPng(kpi: Pick<ReportKpi, 'baseline' | 'target' | 'series'>): Buffer {
  const canvas = new Canvas(CHART_WIDTH, CHART_HEIGHT);
  const times = [kpi.baseline.date, kpi.target.date, ...kpi.series.map((p) => p.date)].map((d) =>
    Date.parse(d),
  );
  const values = [kpi.baseline.value, kpi.target.value, ...kpi.series.map((p) => p.value)];
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  let v0 = Math.min(...values);
  let v1 = Math.max(...values);
  const pad = (v1 - v0) * 0.1 || Math.abs(v0) * 0.1 || 1;
  v0 -= pad;
  v1 += pad;
  const w = CHART_WIDTH - PAD.left - PAD.right;
  const h = CHART_HEIGHT - PAD.top - PAD.bottom;
  const x = (date: string) => PAD.left + (t1 === t0 ? w / 2 : ((Date.parse(date) - t0) / (t1 - t0)) * w);
  const y = (value: number) => PAD.top + h - ((value - v0) / (v1 - v0)) * h;

  for (let i = 0; i <= 4; i++) {
    const gy = PAD.top + (h * i) / 4;
    canvas.line(PAD.left, gy, PAD.left + w, gy, GRID);
  }
  canvas.line(PAD.left, PAD.top, PAD.left, PAD.top + h, AXIS);
  canvas.line(PAD.left, PAD.top + h, PAD.left + w, PAD.top + h, AXIS);

  const targetY = y(kpi.target.value);
  canvas.line(PAD.left, targetY, PAD.left + w, targetY, TARGET, 2, 4);
  canvas.line(x(kpi.baseline.date), y(kpi.baseline.value), x(kpi.target.date), targetY, PLAN, 2, 8);
  canvas.dot(x(kpi.baseline.date), y(kpi.baseline.value), PLAN, 4);
  canvas.dot(x(kpi.target.date), targetY, TARGET, 4);

  let previous: { px: number; py: number } | undefined;
  for (const p of kpi.series) {
    const px = x(p.date);
    const py = y(p.value);
    if (previous) canvas.line(previous.px, previous.py, px, py, VALUE, 3);
    previous = { px, py };
  }
  for (const p of kpi.series) canvas.dot(x(p.date), y(p.value), VALUE, 4);
  // The Sub filter at zlib level 6: pngjs's default (every filter tried per row, level 9) costs ~25x more.
  return PNG.sync.write(canvas.png, { filterType: 1, deflateLevel: 6 });
}
