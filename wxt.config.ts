import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { CodeSplittingGroup } from 'rolldown';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
// Three builds from one source:
// - the store build (`npm run build`, `npm run zip`: .output/): what a seller installs from the
//   Chrome Web Store or Firefox Add-ons. No demo marketplace hooks: no static content script, no
//   loopback match pattern anywhere in its manifest.
// - the demo build (REGULARS_DEMO=1: .output-demo/): the store build plus the content script on the
//   loopback demo marketplace. `npm start` and the end-to-end tests load it.
// - the bench build (REGULARS_BENCH=1: .output-bench/): the demo build plus the benchmark page.
const BENCH = process.env.REGULARS_BENCH === '1';
const DEMO = BENCH || process.env.REGULARS_DEMO === '1';

/** The loopback hosts of the demo marketplace: allowed in the demo build's manifest only. */
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];
const isLoopback = (pattern: string) => /^[a-z*]+:\/\/(127\.0\.0\.1|localhost)([:/]|$)/.test(pattern);

/**
 * `virtual:regulars-catalogue/<locale>`: one language's catalogue as a module of its own
 * (lib/i18n/load.ts), so the popup loads its own words alone. Every feature file of lib/i18n holds
 * all three languages, so importing en.ts, zh-CN.ts and zh-TW.ts on demand would still share them
 * in one chunk: at build time the catalogue is read whole and written as one JSON string; in
 * development the module re-exports the source, so an edit shows at once.
 */
const CATALOGUE = 'virtual:regulars-catalogue/';
function catalogueModules(): Plugin {
  const names: Record<string, string> = { en: 'en', 'zh-CN': 'zhCN', 'zh-TW': 'zhTW' };
  let serve = false;
  return {
    name: 'regulars-catalogue-modules',
    configResolved: (config) => void (serve = config.command === 'serve'),
    resolveId: (id) => (id.startsWith(CATALOGUE) || id === FIRST_WORDS ? `\0${id}` : undefined),
    async load(id) {
      if (id === `\0${FIRST_WORDS}`) return firstWordsModule(names, serve);
      if (!id.startsWith(`\0${CATALOGUE}`)) return undefined;
      const locale = id.slice(CATALOGUE.length + 1);
      const file = path.resolve('lib/i18n', `${locale}.ts`);
      if (!names[locale]) throw new Error(`No catalogue for ${locale}`);
      if (serve) return `export { ${names[locale]} as default } from ${JSON.stringify(file)};`;
      const source = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(source[names[locale]!]))});`;
    },
  };
}

/**
 * `virtual:regulars-first-words`: the words of the popup's first frame in every language, each a
 * JSON string (lib/i18n/first-words.ts), for the popup's first script: its frame waits for no
 * catalogue file.
 */
const FIRST_WORDS = 'virtual:regulars-first-words';
async function firstWordsModule(names: Record<string, string>, serve: boolean): Promise<string> {
  const picker = path.resolve('lib/i18n/first-words.ts');
  const locales = Object.keys(names);
  if (serve) {
    const imports = locales.map((locale) => `import { ${names[locale]} } from ${JSON.stringify(path.resolve('lib/i18n', `${locale}.ts`))};`);
    const entries = locales.map((locale) => `${JSON.stringify(locale)}: JSON.stringify(firstFrameWords(${names[locale]}))`);
    return `${imports.join('\n')}\nimport { firstFrameWords } from ${JSON.stringify(picker)};\nexport default { ${entries.join(', ')} };`;
  }
  const { firstFrameWords } = (await tsImport(pathToFileURL(picker).href, import.meta.url)) as { firstFrameWords(c: unknown): Record<string, string> };
  const entries = await Promise.all(
    locales.map(async (locale) => {
      const source = (await tsImport(pathToFileURL(path.resolve('lib/i18n', `${locale}.ts`)).href, import.meta.url)) as Record<string, unknown>;
      return `${JSON.stringify(locale)}: ${JSON.stringify(JSON.stringify(firstFrameWords(source[names[locale]!])))}`;
    }),
  );
  return `export default { ${entries.join(', ')} };`;
}

/**
 * Every module the popup loads, in two chunks: opening an extension page costs the renderer's main
 * thread a few milliseconds per file it loads (request, response, compile), and the shared chunks of
 * a multi-page build gave the popup twelve scripts and two style sheets. The popup's first script
 * (entrypoints/popup/early.ts, with what it imports) asks the background for Today and draws its
 * first frame with plain DOM, and stays small; the page's React code (main.tsx and everything it
 * imports that early.ts does not) is the other group, loaded once that frame is drawn. The other pages that
 * share these modules load the same chunk. The popup's catalogue stays a dynamic import of its own
 * (lib/i18n/load.ts).
 */
const POPUP_EARLY = path.resolve('entrypoints/popup/early.ts');
const POPUP_MAIN = path.resolve('entrypoints/popup/main.tsx');
type ModuleGraph = (id: string) => { importedIds: readonly string[]; importers: readonly string[] } | null;
const staticGraph = (root: string, getModuleInfo: ModuleGraph) => {
  const graph = new Set([root]);
  const queue = [root];
  while (queue.length) {
    for (const next of getModuleInfo(queue.pop()!)?.importedIds ?? []) {
      if (graph.has(next)) continue;
      graph.add(next);
      queue.push(next);
    }
  }
  return graph;
};
/** The popup's two groups: 'popup-early' (what early.ts imports), 'popup-first-load' (the rest of main.tsx's imports). */
function popupGroups(): CodeSplittingGroup[] {
  let early: Set<string> | undefined;
  let main: Set<string> | undefined;
  const groupOf = (id: string, getModuleInfo: ModuleGraph) => {
    // The popup's own style sheet stays with its first script (which draws the first frame): in the group,
    // every page sharing it loaded the sheet, and the popup's `body { width: 400px }` narrowed the other pages to a column.
    if (/\.css($|\?)/.test(id) && (getModuleInfo(id)?.importers ?? []).every((importer) => importer === POPUP_EARLY || importer === POPUP_MAIN)) return null;
    early ??= staticGraph(POPUP_EARLY, getModuleInfo);
    // main.tsx itself stays a chunk of its own: its top level renders the popup, and other pages load this group.
    main ??= new Set([...staticGraph(POPUP_MAIN, getModuleInfo)].filter((m) => m !== POPUP_MAIN && !early!.has(m)));
    // WXT's tiny per-page modules (empty in a build) would otherwise be files of their own that every page loads.
    if (id.startsWith('\0virtual:wxt-')) return 'popup-early';
    // early.ts itself stays the page's entry chunk: other pages load popup-early too.
    if (early.has(id)) return id === POPUP_EARLY ? null : 'popup-early';
    return main.has(id) ? 'popup-first-load' : null;
  };
  // Only what `name` picks: with the default (every captured module's imports too), the modules
  // early.ts shares with main.tsx would move into the big chunk and early.ts would wait for all of it.
  return ['popup-early', 'popup-first-load'].map((group) => ({
    debugName: group,
    includeDependenciesRecursively: false,
    name: (id, ctx) => (groupOf(id, (m) => ctx.getModuleInfo(m)) === group ? group : null),
  }));
}

/**
 * The popup's style sheets written into popup.html: each sheet the page links is one more file the
 * browser fetches before the first script may run (a module script waits for the page's sheets).
 * The files stay, for the other pages that link them; the popup's first script does not fetch them
 * again with its page's code (Vite lists them with it, and would put them after the popup's own).
 */
function popupInlineStyles(): Plugin {
  const inlined = new Set<string>();
  return {
    name: 'regulars-popup-inline-styles',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle }) {
        if (!bundle || path.resolve(filename) !== path.resolve('entrypoints/popup/index.html')) return undefined;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)">/g, (_link, file: string) => {
          const sheet = bundle[file];
          if (sheet?.type !== 'asset' || String(sheet.source).includes('</')) throw new Error(`popup.html links ${file}, which cannot be written in it`);
          inlined.add(file);
          return `<style>${String(sheet.source)}</style>`;
        });
      },
    },
    // After Vite has written the list of files each dynamic import fetches first.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'popup');
        const listed = entry?.type === 'chunk' ? /m\.f=(\[[^\]]*\])/.exec(entry.code) : null;
        if (entry?.type !== 'chunk' || !listed) return;
        const files = JSON.parse(listed[1]!) as string[];
        entry.code = entry.code.replace(/__vite__mapDeps\(\[([\d,]*)\]\)/g, (_call, list: string) => {
          const kept = list.split(',').filter((i) => !inlined.has(files[Number(i)]!));
          return `__vite__mapDeps([${kept.join(',')}])`;
        });
      },
    },
  };
}

/**
 * The background and the content script are built as single IIFE files, where rolldown refuses a
 * code-splitting option (and says so on every build): the popup's group applies to the pages only.
 */
function pagesOnlyCodeSplitting(): Plugin {
  return {
    name: 'regulars-pages-only-code-splitting',
    outputOptions(options) {
      if (options.format !== 'iife' || !('codeSplitting' in options)) return undefined;
      const { codeSplitting: _ignored, ...rest } = options as typeof options & { codeSplitting?: unknown };
      return rest;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  // REGULARS_OUT_DIR: a second bench build beside the first, to compare two builds in one run (import-memory-probe.ts).
  outDir: process.env.REGULARS_OUT_DIR ?? (BENCH ? '.output-bench' : DEMO ? '.output-demo' : '.output'),
  filterEntrypoints: BENCH ? undefined : ['background', 'content', 'options', 'panel', 'popup', 'members', 'reports'],
  // Firefox too is built as Manifest V3 (WXT's default for Firefox is still V2).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Regulars',
    description: 'A memory of your buyers beside the marketplace chat: tier, value, history, tags and notes.',
    // 'scripting' registers the content script on the marketplaces the user enables (lib/hosts).
    // 'activeTab': "Show Regulars here" (popup or Alt+Shift+R) on a site the user has not enabled,
    // for that one tab only.
    // 'alarms' and 'notifications': reminders fall due at a time and tell staff (lib/reminders).
    // 'unlimitedStorage': the member store is the shop's memory; without it the browser may evict
    // IndexedDB under disk pressure (and caps it at a share of the disk).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'alarms', 'notifications'],
    commands: {
      'show-panel': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Show Regulars on this page' },
    },
    // Nothing is granted at install: each marketplace, and each self-hosted WooCommerce shop, is
    // asked for (its own hosts only) when the user turns it on in the options page. Every marketplace
    // and the WooCommerce adapter serve https only, so plain http is never asked for.
    // Loopback http only in the demo build, for the team server the tests and `npm start -- --team`
    // run on this computer: the store build's team server is https like every marketplace.
    optional_host_permissions: ['https://*/*', ...(DEMO ? LOOPBACK : [])],
    // The demo build holds loopback from install, so Connect to the team server `npm start -- --team`
    // and the tests run on this computer needs no prompt (which a headless browser cannot answer).
    // The store build drops it (the hook below) and asks for the team server's https origin.
    ...(DEMO ? { host_permissions: LOOPBACK } : {}),
    // The panel is an extension frame the content script puts in the seller page. `matches` is fixed
    // at build time while the sites the user enables are not, so it covers everywhere the content
    // script may run: any https host (and, in the demo build, the loopback demo). use_dynamic_url
    // keeps other sites from framing the panel themselves (and asking it whether a handle is one of
    // your members): only our content script can. Firefox's extension origin is already a random
    // per-install id, which does the same.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: ['https://*/*', ...(DEMO ? LOOPBACK : [])], use_dynamic_url: true },
    ],
    ...(browser === 'firefox'
      ? {
          // AMO requires an id for MV3; 140 is the ESR with data_collection_permissions, MV3
          // optional_host_permissions and scripting.registerContentScripts({ persistAcrossSessions }).
          browser_specific_settings: {
            gecko: { id: 'regulars@regulars.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  hooks: {
    // The popup bench's floor (tests/bench/reminders-popup.ts): the popup's own page with its script
    // taken out, so it adds no script or chunk to the build and opens what the popup opens but ours.
    'build:publicAssets': (_wxt, files) => {
      if (!BENCH) return;
      const popup = readFileSync(path.resolve('entrypoints/popup/index.html'), 'utf8');
      const floor = popup.replace(/<div id="root"><\/div>\s*<script[^>]*><\/script>/, '<p>Regulars</p>');
      if (floor === popup) throw new Error('The popup bench floor: entrypoints/popup/index.html no longer has the root and script it takes out.');
      files.push({ contents: floor, relativeDest: 'bench-floor.html' });
    },
    // The content script declares the demo's loopback hosts (entrypoints/content); the store build
    // drops them, so it runs only where the user enabled a marketplace (registered in lib/hosts).
    'build:manifestGenerated': (_wxt, manifest) => {
      if (DEMO) return;
      manifest.content_scripts = manifest.content_scripts
        ?.map((script) => ({ ...script, matches: script.matches?.filter((p) => !isLoopback(p)) }))
        .filter((script) => script.matches?.length);
      if (!manifest.content_scripts?.length) delete manifest.content_scripts;
      manifest.host_permissions = manifest.host_permissions?.filter((p: string) => !isLoopback(p));
      if (!manifest.host_permissions?.length) delete manifest.host_permissions;
    },
  },
  zip: {
    // The AMO sources zip: what a reviewer needs to rebuild, not what the tests and tools write.
    excludeSources: ['screenshots/**', 'test-results/**', 'playwright-report/**'],
  },
  // Vite 8 can emit raw U+FFFF (from Dexie) and Chromium then refuses the extension silently.
  // Web Workers are bundled separately: the same rule applies to them.
  // The demo build's background clock can be moved forward by the end-to-end tests
  // (entrypoints/background/test-clock.ts); the store build's cannot.
  vite: () => ({
    plugins: [catalogueModules(), pagesOnlyCodeSplitting(), popupInlineStyles()],
    // REGULARS_TEST_HOLD: the popup can hold React back for the end-to-end tests (entrypoints/popup/early.ts); not in the store build either.
    define: {
      'import.meta.env.REGULARS_TEST_CLOCK': JSON.stringify(DEMO),
      'import.meta.env.REGULARS_TEST_HOLD': JSON.stringify(DEMO),
      'import.meta.env.REGULARS_BENCH': JSON.stringify(BENCH),
    },
    // Every browser the extension supports (Chromium, Firefox 140+) knows modulepreload: no polyfill chunk to load.
    // REGULARS_NOMINIFY=1 keeps the names, for reading heap profiles (tests/bench/import-memory-probe.ts).
    build: {
      ...(process.env.REGULARS_NOMINIFY ? { minify: false } : {}),
      modulePreload: { polyfill: false },
      rolldownOptions: { output: { charset: 'ascii', codeSplitting: { groups: popupGroups() } } },
    },
    worker: { format: 'es', rollupOptions: { output: { charset: 'ascii' } } },
  }),
});
