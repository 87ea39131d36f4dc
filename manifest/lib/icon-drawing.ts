// Draws the app's icons with plain arithmetic, so they are reproducible byte for byte: the same mark
// (a clockwise "transformation" loop arrow around an upward chevron) in white on ITU blue for the
// colour icons, and in white on transparent for the outline icon. Coverage is computed by
// supersampling each pixel on a fixed grid; there is no randomness and no floating-point state.
import { PNG } from 'pngjs';

export const ITU_BLUE = { r: 0x00, g: 0x72, b: 0xbc } as const;

type Inside = (x: number, y: number) => boolean;

/** Mark geometry in a unit box (x right, y down). */
const CENTER = 0.5;
const RADIUS = 0.32;
const STROKE = 0.075; // half width of the loop
const GAP_START = -78; // degrees; the loop is open between GAP_START and GAP_END (upper right)
const GAP_END = -8;

function angleDeg(x: number, y: number): number {
  return (Math.atan2(y - CENTER, x - CENTER) * 180) / Math.PI;
}

function inLoop(x: number, y: number): boolean {
  const d = Math.hypot(x - CENTER, y - CENTER);
  if (Math.abs(d - RADIUS) > STROKE) return false;
  const a = angleDeg(x, y);
  return !(a > GAP_START && a < GAP_END);
}

function inTriangle(
  px: number,
  py: number,
  t: readonly [number, number, number, number, number, number],
): boolean {
  const [ax, ay, bx, by, cx, cy] = t;
  const d1 = (px - bx) * (ay - by) - (ax - bx) * (py - by);
  const d2 = (px - cx) * (by - cy) - (bx - cx) * (py - cy);
  const d3 = (px - ax) * (cy - ay) - (cx - ax) * (py - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

/** Arrowhead at the loop's end (GAP_START), pointing clockwise into the gap. */
const ARROW: readonly [number, number, number, number, number, number] = (() => {
  const t = (GAP_START * Math.PI) / 180;
  const px = CENTER + RADIUS * Math.cos(t);
  const py = CENTER + RADIUS * Math.sin(t);
  const nx = Math.cos(t);
  const ny = Math.sin(t);
  const tx = -Math.sin(t);
  const ty = Math.cos(t);
  const half = 0.15;
  const length = 0.19;
  return [px + nx * half, py + ny * half, px - nx * half, py - ny * half, px + tx * length, py + ty * length];
})();

function inCapsule(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
): boolean {
  const vx = bx - ax;
  const vy = by - ay;
  const h = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - ax - vx * h, py - ay - vy * h) <= r;
}

/** Upward chevron in the middle of the loop: things get better. */
function inChevron(x: number, y: number): boolean {
  const r = 0.058;
  return inCapsule(x, y, 0.36, 0.6, 0.5, 0.46, r) || inCapsule(x, y, 0.5, 0.46, 0.64, 0.6, r);
}

export const insideMark: Inside = (x, y) => inLoop(x, y) || inTriangle(x, y, ARROW) || inChevron(x, y);

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const qx = Math.max(radius - x, 0, x - (1 - radius));
  const qy = Math.max(radius - y, 0, y - (1 - radius));
  return qx * qx + qy * qy <= radius * radius;
}

const SAMPLES = 8; // 8x8 samples per pixel

/** Fraction (0..1, in 1/64 steps) of the pixel covered by a shape drawn in a box of the canvas. */
function coverage(
  inside: Inside,
  px: number,
  py: number,
  box: { x: number; y: number; size: number },
): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES - box.x) / box.size;
      const y = (py + (sy + 0.5) / SAMPLES - box.y) / box.size;
      if (x >= 0 && x <= 1 && y >= 0 && y <= 1 && inside(x, y)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function encode(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

const mix = (from: number, to: number, t: number) => Math.round(from + (to - from) * t);

/**
 * 192x192 colour icon: solid ITU blue to the edges (Teams crops it to its own shape) and the white
 * mark inside the central 96x96 safe area.
 */
export function drawColorIcon(): Buffer {
  const box = { x: 48, y: 48, size: 96 };
  return encode(192, (x, y) => {
    const c = coverage(insideMark, x, y, box);
    return [mix(ITU_BLUE.r, 255, c), mix(ITU_BLUE.g, 255, c), mix(ITU_BLUE.b, 255, c), 255];
  });
}

/** 32x32 outline icon: the mark in pure white (255,255,255) on a fully transparent background. */
export function drawOutlineIcon(): Buffer {
  const box = { x: 0, y: 0, size: 32 };
  return encode(32, (x, y) => [255, 255, 255, Math.round(255 * coverage(insideMark, x, y, box))]);
}

/** 32x32 colour icon (Outlook and the Microsoft 365 app): blue rounded square, transparent corners. */
export function drawColor32Icon(): Buffer {
  const square: Inside = (x, y) => insideRoundedSquare(x, y, 0.22);
  const full = { x: 0, y: 0, size: 32 };
  const inner = { x: 3, y: 3, size: 26 };
  return encode(32, (x, y) => {
    const bg = coverage(square, x, y, full);
    const mark = coverage(insideMark, x, y, inner);
    if (bg === 0) return [0, 0, 0, 0];
    return [
      mix(ITU_BLUE.r, 255, mark),
      mix(ITU_BLUE.g, 255, mark),
      mix(ITU_BLUE.b, 255, mark),
      Math.round(255 * bg),
    ];
  });
}

export type IconFile = 'color.png' | 'outline.png' | 'color32x32.png';
export type DrawnIcons = Record<IconFile, Buffer>;

export function drawIcons(): DrawnIcons {
  return {
    'color.png': drawColorIcon(),
    'outline.png': drawOutlineIcon(),
    'color32x32.png': drawColor32Icon(),
  };
}
