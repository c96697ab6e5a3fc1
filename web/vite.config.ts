import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  // The manifest tells scripts/build-web.mjs which chunks each installable app needs offline.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
