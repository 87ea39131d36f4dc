// Measures what a browser really transfers for the tab's first page: Chromium's own network log
// (CDP `Network.loadingFinished.encodedDataLength`, the bytes on the wire with headers) for every
// script, with the Content-Encoding each came with. Used by the e2e suite and the tab bench.
import type { Browser, Page } from 'playwright-core';

export interface ScriptTransfer {
  url: string;
  /** Bytes received for the response (compressed body and headers). */
  transferred: number;
  encoding: string | undefined;
}

export interface FirstLoad {
  page: Page;
  scripts: ScriptTransfer[];
  /** Sum of `transferred` over every script. */
  jsBytes: number;
}

interface CdpResponse {
  requestId: string;
  type?: string;
  response: { url: string; mimeType: string; headers: Record<string, string> };
}

/** Opens `url` in a fresh page, waits for `ready` and returns every script fetched until then. */
export async function firstLoad(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<FirstLoad> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  const responses = new Map<string, CdpResponse['response']>();
  const scripts: ScriptTransfer[] = [];
  cdp.on('Network.responseReceived', (e: CdpResponse) => {
    if (e.type === 'Script' || /javascript/.test(e.response.mimeType)) responses.set(e.requestId, e.response);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const r = responses.get(e.requestId);
    if (!r) return;
    const encoding = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
    scripts.push({ url: r.url, transferred: e.encodedDataLength, encoding });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  return { page, scripts, jsBytes: scripts.reduce((n, s) => n + s.transferred, 0) };
}

/** The catalogue chunks (one per language, e.g. /assets/fr-abc123.js) among the scripts. */
export function catalogueChunks(scripts: readonly ScriptTransfer[]): string[] {
  return scripts
    .map((s) => /\/assets\/(ar|en|es|fr|ru|zh)-[\w-]+\.js$/.exec(s.url)?.[1])
    .filter((l): l is string => l !== undefined)
    .sort();
}
