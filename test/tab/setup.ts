import '@testing-library/jest-dom/vitest';
import type { Locale } from '../../bot/domain/locale.js';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { CATALOGUES } from './catalogues.js';
import { provideCatalogue } from '../../tab/src/i18n/index.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
  window.localStorage.clear();
});

// jsdom has no layout: Fluent's MessageBar and the virtualiser observe sizes.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { value: NoopResizeObserver, writable: true });
  Object.defineProperty(globalThis, 'ResizeObserver', { value: NoopResizeObserver, writable: true });
}

// The app loads one language's catalogue at a time (a chunk each); components render in any of them here.
for (const [locale, catalogue] of Object.entries(CATALOGUES)) provideCatalogue(locale as Locale, catalogue);

// jsdom has no SVG text layout: Fluent's charts measure axis labels.
const svgProto = window.SVGElement.prototype as unknown as Record<string, unknown>;
if (!('getComputedTextLength' in svgProto)) svgProto.getComputedTextLength = () => 0;
if (!('getBBox' in svgProto)) svgProto.getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 });
