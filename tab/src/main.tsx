// Entry point: find the host (Teams or a browser), then render the app; on the consent window's
// paths, run that instead.
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { detectHost } from './host/detect.js';

const rootElement = document.getElementById('root');
if (window.location.pathname.startsWith('/auth/consent')) {
  // The Teams authentication window of the consent flow: no app, just the round trip to Entra ID.
  void import('./auth/consent-window.js').then((m) => m.runConsentWindow(m.browserConsentWindowDeps()));
} else if (rootElement) {
  void detectHost().then((host) => {
    createRoot(rootElement).render(<App host={host} />);
  });
}
