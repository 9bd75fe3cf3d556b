/**
 * Vite build of the web app. It is served by the Tandem server under `/app/` (same origin as the API, so the
 * session cookie and the CSP `'self'` rules apply); the Web Worker bundles are ES modules.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        main: `${import.meta.dirname}/index.html`,
        whatifBench: `${import.meta.dirname}/whatif-bench.html`,
      },
    },
  },
});
