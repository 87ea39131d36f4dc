import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkIcon } from '../../manifest/lib/icon-checks.js';
import { drawIcons, ITU_BLUE } from '../../manifest/lib/icon-drawing.js';
import { TEMPLATE_DIR } from './workspace.js';

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i] ?? -1, png.data[i + 1] ?? -1, png.data[i + 2] ?? -1, png.data[i + 3] ?? -1];
}

describe('draw-icons', () => {
  it('is deterministic: the same bytes twice, and the committed icons are what it draws', () => {
    const first = drawIcons();
    const second = drawIcons();
    for (const name of ['color.png', 'outline.png', 'color32x32.png'] as const) {
      expect(first[name].equals(second[name]), name).toBe(true);
      expect(
        readFileSync(path.join(TEMPLATE_DIR, name)).equals(first[name]),
        `${name} is stale: run npx tsx manifest/scripts/draw-icons.ts`,
      ).toBe(true);
    }
  });

  it('draws icons that pass the package checks', () => {
    const icons = drawIcons();
    expect(checkIcon('color', icons['color.png'], 'color.png')).toEqual([]);
    expect(checkIcon('outline', icons['outline.png'], 'outline.png')).toEqual([]);
    expect(checkIcon('color32x32', icons['color32x32.png'], 'color32x32.png')).toEqual([]);
  });

  it('draws a white mark inside the 96x96 safe area of a solid ITU-blue colour icon', () => {
    const png = PNG.sync.read(drawIcons()['color.png']);
    const blue: [number, number, number, number] = [ITU_BLUE.r, ITU_BLUE.g, ITU_BLUE.b, 255];
    for (const [x, y] of [
      [0, 0],
      [191, 0],
      [0, 191],
      [191, 191],
      [47, 96],
      [96, 47],
      [144, 96],
      [96, 144],
    ] as const) {
      expect(pixel(png, x, y), `(${x},${y})`).toEqual(blue);
    }
    // The loop (left side) and the chevron's apex are white.
    expect(pixel(png, 48 + Math.round(96 * 0.18), 96)).toEqual([255, 255, 255, 255]);
    expect(pixel(png, 96, 48 + Math.round(96 * 0.46))).toEqual([255, 255, 255, 255]);
    const opaque = Array.from({ length: 192 * 192 }, (_, i) => png.data[i * 4 + 3]).every((a) => a === 255);
    expect(opaque).toBe(true);
  });

  it('draws the outline mark in pure white with a transparent background', () => {
    const png = PNG.sync.read(drawIcons()['outline.png']);
    let visible = 0;
    for (let i = 0; i < 32 * 32; i++) {
      const [r, g, b, a] = [png.data[i * 4], png.data[i * 4 + 1], png.data[i * 4 + 2], png.data[i * 4 + 3]];
      if ((a ?? 0) > 0) {
        visible++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(visible).toBeGreaterThan(150);
    expect(visible).toBeLessThan(600);
    expect(pixel(png, 16, 21)[3]).toBe(0); // inside the loop, under the chevron, is empty
    expect(pixel(png, 16, 14)[3]).toBe(255); // the chevron apex
  });
});
