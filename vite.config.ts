import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and is served by the Fastify process from dist/web.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
  },
  server: {
    // `npm run dev`: the API runs separately on the Fastify port.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
