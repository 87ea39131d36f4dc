// Entry point: find the host (Teams or a browser), then render the app.
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { detectHost } from './host/detect.js';

const rootElement = document.getElementById('root');
if (rootElement) {
  void detectHost().then((host) => {
    createRoot(rootElement).render(<App host={host} />);
  });
}
