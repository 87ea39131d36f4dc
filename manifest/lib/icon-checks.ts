// Icon rules from the Teams app package documentation: colour 192x192, outline 32x32 in white
// (RGB 255,255,255) on a transparent background, optional colour 32x32. A file that is not a PNG,
// has the wrong size, or an outline pixel that is visible but not white is a problem.
import { PNG } from 'pngjs';
import { problem, type Problem } from './problems.js';

export type IconRole = 'color' | 'outline' | 'color32x32';

export const ICON_SIZES: Readonly<Record<IconRole, number>> = { color: 192, outline: 32, color32x32: 32 };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function checkIcon(role: IconRole, bytes: Uint8Array, file: string): Problem[] {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return [problem('icon', file, `the ${role} icon is not a PNG file`)];
  }
  let png: PNG;
  try {
    png = PNG.sync.read(buffer);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unreadable';
    return [problem('icon', file, `the ${role} icon is not a readable PNG (${why})`)];
  }
  const size = ICON_SIZES[role];
  if (png.width !== size || png.height !== size) {
    return [
      problem(
        'icon',
        file,
        `the ${role} icon must be ${size}x${size} pixels, found ${png.width}x${png.height}`,
      ),
    ];
  }
  const problems: Problem[] = [];
  let visible = 0;
  let wrong = 0;
  let first: string | undefined;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, b, a] = [
        png.data[i] ?? 0,
        png.data[i + 1] ?? 0,
        png.data[i + 2] ?? 0,
        png.data[i + 3] ?? 0,
      ];
      if (a === 0) continue;
      visible++;
      if (role === 'outline' && (r !== 255 || g !== 255 || b !== 255)) {
        wrong++;
        first ??= `(${x},${y}) is rgba(${r},${g},${b},${a})`;
      }
    }
  }
  if (visible === 0) problems.push(problem('icon', file, `the ${role} icon is fully transparent`));
  if (wrong > 0) {
    problems.push(
      problem(
        'icon',
        file,
        `the outline icon must be white (255,255,255) on a transparent background; ${wrong} visible pixel(s) are not white, first at ${first ?? '?'}`,
      ),
    );
  }
  return problems;
}
