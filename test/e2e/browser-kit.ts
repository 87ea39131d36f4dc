// What the browser suites share: where Chromium is, how it is launched, and axe-core run in the page.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') {
  throw new Error(
    `Chromium is required for the tab end-to-end tests under CI (looked at ${CHROMIUM}; set CHROMIUM_PATH)`,
  );
}
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe-core on the page. Tabster's focus-redirect elements (`data-tabster-dummy`, aria-hidden
 * and focusable by design; Fluent v9 known issue, microsoft/tabster#288) are excluded, as
 * Accessibility Insights does (accessibility-insights-web#7605).
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: an inline <script> tag would be (rightly) blocked by the
  // tab's Content-Security-Policy (script-src 'self').
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // Runs in the page (this file is type-checked without the DOM library).
    const w = globalThis as unknown as {
      document: unknown;
      axe: { run: (ctx: object, opts: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const result = await w.axe.run(
      { include: [w.document], exclude: [['[data-tabster-dummy]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The violations the cockpit's charts must not have: serious and critical (issue 14's bar). Fluent's
 * line chart names each line's group "<legend>, line i of n ..." (a region), so two KPI charts on one
 * page repeat a landmark name: axe's landmark-unique, moderate, in the library's markup.
 */
export function seriousOrCritical(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
