// Builds the tab into tab/dist, which the bot's server serves at / (hash routes). In `vite dev` the
// API is proxied to a locally running `npm start`.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // precompress: .br and .gz next to each file, served by Accept-Encoding (bot/api/static-assets.ts).
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // The bundle-size bench reads which chunks the first page loads.
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': 'http://localhost:3978' },
  },
});
