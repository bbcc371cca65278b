import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { stackOutputsPlugin } from './vite/outputs-plugin.ts';
import { streamsProxyPlugin } from './vite/streams-proxy-plugin.ts';

const clientDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(clientDir, '..');

/**
 * Environment:
 * - `MARQUEE_OUTPUTS`: the stack outputs file served to the app (default `<repo>/marquee_outputs.json`).
 * - `MARQUEE_CLIENT_PORT`: dev-server port (default 5173; `--port` on the command line wins).
 */
const outputsFile = resolve(process.env.MARQUEE_OUTPUTS ?? resolve(repoRoot, 'marquee_outputs.json'));
const port = Number(process.env.MARQUEE_CLIENT_PORT ?? 5173);

export default defineConfig({
  root: clientDir,
  plugins: [react(), stackOutputsPlugin(outputsFile), streamsProxyPlugin(outputsFile)],
  resolve: {
    alias: [
      // The AppSync links import graphql's CommonJS entry files, which defeats tree-shaking: use the ESM ones.
      { find: /^graphql\/(.*)\.js$/, replacement: 'graphql/$1.mjs' },
      { find: /^url$/, replacement: resolve(clientDir, 'src/lib/shims/url.ts') },
    ],
  },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port },
  build: {
    outDir: resolve(clientDir, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
