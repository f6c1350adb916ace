import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
// `npm run bench` builds a separate copy with the benchmark page; the shipped build never has it.
const BENCH = process.env.REGULARS_BENCH === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  outDir: BENCH ? '.output-bench' : '.output',
  filterEntrypoints: BENCH ? undefined : ['background', 'content', 'options', 'panel', 'popup', 'members', 'reports'],
  manifest: {
    name: 'Regulars',
    description: 'A memory of your buyers beside the marketplace chat: tier, value, history, tags and notes.',
    // 'scripting' registers the content script on the marketplaces the user enables (lib/hosts).
    // 'activeTab': "Show Regulars here" (popup or Alt+Shift+R) on a site the user has not enabled,
    // for that one tab only.
    // 'alarms' and 'notifications': reminders fall due at a time and tell staff (lib/reminders).
    permissions: ['storage', 'scripting', 'activeTab', 'alarms', 'notifications'],
    commands: {
      'show-panel': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Show Regulars on this page' },
    },
    // Nothing is granted at install: each marketplace, and each self-hosted WooCommerce shop, is
    // asked for (its own hosts only) when the user turns it on in the options page. Every marketplace
    // and the WooCommerce adapter serve https only, so plain http is never asked for.
    optional_host_permissions: ['https://*/*'],
    // The panel is an extension frame the content script puts in the seller page. `matches` is fixed
    // at build time while the sites the user enables are not, so it covers everywhere the content
    // script may run: any https host, and the loopback demo. use_dynamic_url keeps other sites from
    // framing the panel themselves (and asking it whether a handle is one of your members): only our
    // content script can.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'], use_dynamic_url: true },
    ],
  },
  // Vite 8 can emit raw U+FFFF (from Dexie) and Chromium then refuses the extension silently.
  // Web Workers are bundled separately: the same rule applies to them.
  vite: () => ({
    build: { rollupOptions: { output: { charset: 'ascii' } } },
    worker: { format: 'es', rollupOptions: { output: { charset: 'ascii' } } },
  }),
});
