// One table for `npm run bench`: every bench file records its rows ({ row, figure, goal, met }) with
// recordRow(); bench-report.ts (the bench project's globalSetup) empties the record before the run
// and prints the whole table, in `order`, after the last file, and writes it to
// scratch/bench/table.md. A new row is one recordRow() call in any bench file.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const BENCH_DIR = path.resolve(import.meta.dirname, '../../scratch/bench');
const ROWS = path.join(BENCH_DIR, 'rows.jsonl');

export interface BenchRow {
  /** Position in the table (the order); rows with the same order keep their arrival order. */
  order: number;
  row: string;
  figure: string;
  goal: string;
  /** Whether the figure meets the goal (undefined: not judged). */
  met?: boolean;
}

export function recordRow(row: BenchRow): void {
  mkdirSync(BENCH_DIR, { recursive: true });
  appendFileSync(ROWS, `${JSON.stringify(row)}\n`);
}

export function clearRows(): void {
  rmSync(ROWS, { force: true });
}

export function readRows(): BenchRow[] {
  if (!existsSync(ROWS)) return [];
  return readFileSync(ROWS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BenchRow)
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.order - b.row.order || a.i - b.i)
    .map(({ row }) => row);
}

/** A markdown table: what, figure, goal, met. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [r.row, r.figure, r.goal, r.met === undefined ? '' : r.met ? 'yes' : 'no']);
  const head = ['what', 'figure', 'goal', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** The p-th percentile (0..100) of samples. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `fn` `n` times one after another (after `warmup` unrecorded runs); the durations in ms. */
export async function sample(
  n: number,
  fn: () => Promise<unknown>,
  warmup = Math.ceil(n / 10),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** `connections` loops calling `fn` for `seconds`; completed calls per second and their latencies. */
export async function load(
  connections: number,
  seconds: number,
  fn: () => Promise<unknown>,
): Promise<{ perSecond: number; latencies: number[] }> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await fn();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), latencies };
}

export const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
export const times = (x: number): string => `${x.toFixed(2)}×`;
