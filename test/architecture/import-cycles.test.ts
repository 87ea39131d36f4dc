// No import loops in the server or the tab (issue 17): a loop makes a module's meaning depend on load
// order and hides which side owns a type. Shared types move where both sides can depend on them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('import graph', () => {
  it('finds a loop when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('reads type-only imports as edges', () => {
    const graph = importGraph(ROOT, ['bot']);
    // commands.ts imports BotDeps with `import type` only.
    expect(graph.get('bot/teams/commands.ts')).toContain('bot/teams/bot-deps.ts');
    expect(graph.size).toBeGreaterThan(100);
  });

  it.each([['bot'], ['tab/src']])('%s has no import cycle', (folder) => {
    const cycles = importCycles(importGraph(ROOT, [folder]));
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
  });
});
