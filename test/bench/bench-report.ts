// globalSetup of the bench project: empties the row record before the run, prints the one table of
// figures and goals after it (and writes it to scratch/bench/table.md). See bench-table.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { BENCH_DIR, clearRows, formatTable, readRows } from './bench-table.js';

export function setup(): void {
  clearRows();
}

export function teardown(): void {
  const rows = readRows();
  if (rows.length === 0) return;
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}`;
  const table = `Measured on ${machine}, ${new Date().toISOString().slice(0, 10)}:\n\n${formatTable(rows)}\n`;
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(path.join(BENCH_DIR, 'table.md'), table);
  console.log(`\n${table}`);
}
