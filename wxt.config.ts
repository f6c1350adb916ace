import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
// `npm run bench` builds a separate copy with the benchmark page; the shipped build never has it.
const BENCH = process.env.REGULARS_BENCH === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  outDir: BENCH ? '.output-bench' : '.output',
  filterEntrypoints: BENCH ? undefined : ['background', 'content', 'options', 'panel', 'popup'],
  manifest: {
    name: 'Regulars',
    description: 'A memory of your buyers beside the marketplace chat: tier, value, history, tags and notes.',
    permissions: ['storage'],
    // The panel is an extension frame inside the seller page; only these pages may embed it.
    web_accessible_resources: [{ resources: ['panel.html'], matches: ['http://127.0.0.1/*', 'http://localhost/*'] }],
  },
  // Vite 8 can emit raw U+FFFF (from Dexie) and Chromium then refuses the extension silently.
  vite: () => ({ build: { rollupOptions: { output: { charset: 'ascii' } } } }),
});
