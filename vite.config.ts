import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { loginPageBudget } from './build-tools/login-page-budget.ts';

// The web app lives in src/web and is served by the Fastify process from dist/web.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), loginPageBudget()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Every browser the portals support has modulepreload: no polyfill in the login page's budget.
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev`: the API runs separately on the Fastify port.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
