// The bot in the Microsoft 365 Agents Playground, driven in Chromium: the app (SQLite, demo
// portfolio) and the Playground (msteams channel, .m365agentsplayground.yml: you are the owner
// Daniel Mwangi) run as they do under `npm run dev`; the owner sends `update TR-09`, fills and
// submits the card, sees the read-only confirmation replace it, and the update is visible through
// /api/v1. Screenshots go to scratch/bot-e2e/ (not committed).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'scratch', 'bot-e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') {
  throw new Error(
    `Chromium is required for the Playground end-to-end test under CI (looked at ${CHROMIUM}; set CHROMIUM_PATH)`,
  );
}

function startPlayground(endpoint: string): Promise<{ child: ChildProcess; output: () => string }> {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'agentsplayground');
  const child = spawn(
    bin,
    ['-e', endpoint, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Playground did not start:\n${out}`)), 60_000);
    const poll = setInterval(() => {
      if (out.includes(`Listening on ${PLAYGROUND_PORT}`)) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve({ child, output: () => out });
      }
    }, 100);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`the Playground exited (${code}):\n${out}`));
    });
  });
}

function stopGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
      resolve();
    }, 5_000).unref();
  });
}

describe.skipIf(!haveChromium)('bot in the Agents Playground (Chromium)', () => {
  let app: TestApp;
  let playground: { child: ChildProcess; output: () => string } | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startTestApp();
    playground = await startPlayground(`${app.baseUrl}/api/messages`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`http://localhost:${PLAYGROUND_PORT}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await stopGroup(playground?.child);
    await app?.close();
  });

  async function send(text: string) {
    const box = page.locator('[contenteditable=true]').first();
    await box.click();
    await box.fill(text);
    await page.getByLabel('Send Message').click();
  }

  it('owner: update TR-09, fill and submit the card, sees the confirmation; the update is in /api/v1', async () => {
    await page.locator('[contenteditable=true]').first().waitFor({ timeout: 60_000 });
    await send('update TR-09');
    const summary = page.getByLabel('Summary').last();
    await summary.waitFor({ timeout: 30_000 });
    await expect(
      page.getByText('Reporting period 2026-W48', { exact: false }).last().isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: path.join(SHOTS, '1-form.png'), fullPage: true });

    await summary.fill('Hub pilot running with two bureaux; evaluation next week.');
    await page.getByLabel('Percent complete (0 to 100)').last().fill('61');
    await page.getByRole('button', { name: 'Submit update' }).last().click();

    await page
      .getByText(/Your update for 2026-W48 (is saved|was amended)/)
      .last()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '2-confirmation.png'), fullPage: true });
    // The form was replaced in place: its submit button is gone.
    expect(await page.getByRole('button', { name: 'Submit update' }).count()).toBe(0);

    const stored = await app.json<{
      items: Array<{
        period: string;
        summary: string;
        percentComplete: number;
        source: string;
        authorId: string;
      }>;
    }>('/api/v1/projects/TR-09/status-updates', { as: 'p-owner' });
    expect(stored.body.items[0]).toMatchObject({
      period: '2026-W48',
      summary: 'Hub pilot running with two bureaux; evaluation next week.',
      percentComplete: 61,
      source: 'bot',
      authorId: 'p-owner',
    });
  });

  it('owner: raises a critical risk, is warned it goes to the CTO, confirms it', async () => {
    await send('risk TR-07');
    const title = page.getByLabel('Title').last();
    await title.waitFor({ timeout: 30_000 });
    await title.fill('Hosting contract lapses before go-live');
    // Compact choice sets render as Fluent comboboxes.
    await page.getByRole('combobox', { name: 'Likelihood' }).last().click();
    await page.getByRole('option', { name: '5 · Almost certain' }).click();
    await page.getByRole('combobox', { name: 'Impact' }).last().click();
    await page.getByRole('option', { name: '4 · Major' }).click();
    await page.getByRole('button', { name: 'Raise risk' }).last().click();
    await page.getByText('Score 20 of 25 · Critical').last().waitFor({ timeout: 30_000 });
    await page
      .getByText(/will be escalated to the Chief Transformation Officer/)
      .last()
      .waitFor();
    await page.screenshot({ path: path.join(SHOTS, '3-risk-review.png'), fullPage: true });
    await page.getByRole('button', { name: 'Raise it and notify the CTO' }).last().click();
    await page
      .getByText('The Chief Transformation Officer has been notified.')
      .last()
      .waitFor({ timeout: 30_000 });
    const risks = await app.json<{ items: Array<{ title: string; status: string; score: number }> }>(
      '/api/v1/risks?limit=200',
      { as: 'p-cto' },
    );
    expect(risks.body.items.filter((r) => r.title === 'Hosting contract lapses before go-live')).toEqual([
      expect.objectContaining({ status: 'escalated', score: 20 }),
    ]);
  });

  it('owner: switches to Arabic; the help card is right to left', async () => {
    await send('language ar');
    await page.getByText('من الآن فصاعداً سأتحدث معك بالعربية.').last().waitFor({ timeout: 30_000 });
    await send('مساعدة');
    await page.getByText('ما يمكنني فعله لك').last().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '4-arabic-help.png'), fullPage: true });
    // The renderer lays the card out right to left (rtl: true).
    expect(await page.locator('[dir="rtl"]', { hasText: 'ما يمكنني فعله لك' }).count()).toBeGreaterThan(0);
    await send('language en');
    await page.getByText('From now on I will speak English with you.').last().waitFor({ timeout: 30_000 });
  });
});
