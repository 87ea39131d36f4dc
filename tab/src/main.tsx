// Entry point: find the host (Teams or a browser), then render the app; on the consent window's
// paths, run that instead.
import { createRoot } from 'react-dom/client';
import { resolveLocale } from '../../bot/domain/locale.js';
import { App, initialLanguageTag } from './app.js';
import { detectHost } from './host/detect.js';
import { loadCatalogue } from './i18n/index.js';

const rootElement = document.getElementById('root');
if (window.location.pathname.startsWith('/auth/consent')) {
  // The Teams authentication window of the consent flow: no app, just the round trip to Entra ID.
  void import('./auth/consent-window.js').then((m) => m.runConsentWindow(m.browserConsentWindowDeps()));
} else if (rootElement) {
  void detectHost().then(async (host) => {
    // Only the catalogue of the language shown is fetched (the others on a switch).
    await loadCatalogue(resolveLocale(initialLanguageTag(host))).catch(() => undefined);
    createRoot(rootElement).render(<App host={host} />);
  });
}
