import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

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

// jsdom has no SVG text layout: Fluent's charts measure axis labels.
const svgProto = window.SVGElement.prototype as unknown as Record<string, unknown>;
if (!('getComputedTextLength' in svgProto)) svgProto.getComputedTextLength = () => 0;
if (!('getBBox' in svgProto)) svgProto.getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 });
