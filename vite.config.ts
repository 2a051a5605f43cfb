import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The relatives' web app and the station UI are two entries of one build, served by the server
// from dist/web (see server/static.ts).
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: { app: 'web/app/index.html', station: 'web/station/index.html' },
    },
  },
});
