import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = 'http://localhost:8080';

// In development the API runs on the Java server; page navigations (Accept: text/html)
// stay with Vite so client routes such as /vendor or /dev/mailbox still render the UI.
const apiProxy: ProxyOptions = {
  target: apiTarget,
  changeOrigin: false,
  bypass: (req) => (req.headers.accept?.includes('text/html') ? '/index.html' : undefined),
};

const apiPrefixes = [
  '/auth',
  '/users',
  '/products',
  '/categories',
  '/vendors',
  '/orders',
  '/vendor',
  '/admin',
  '/dev',
  '/health',
  '/.well-known',
];

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPrefixes.map((prefix) => [prefix, apiProxy])),
  },
});
