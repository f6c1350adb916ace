// The layer rule of CONVENTIONS.md: data flows one way and a lower layer never imports a
// higher one. `npm run lint` runs this; each rule's comment is the message a slip prints.
const OURS = '^(lib|components|entrypoints|demo|tests)/';
// Pages render and ask through messaging; only the background and the bench build may
// touch the store or a capability.
const PAGES = '^entrypoints/(content|panel|popup|options|members|reports)/';
// A unit test may drive the code beside it through a higher layer (a store test through the
// handlers); shipped code may not. Cycles count everywhere.
const TEST = '\\.test\\.tsx?$';

/** A rule that fails the lint: `from` imports `to`. Shipped code only unless `from` says otherwise. */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from: typeof from === 'string' ? { path: from, pathNot: TEST } : from, to });
/** Code under `from` imports nothing of ours but what `allowed` matches. */
const onlyImports = (name, comment, from, allowed) => forbid(name, comment, from, { path: OURS, pathNot: allowed });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('no-circular', 'Import cycle: break it by moving the shared piece down a layer.', {}, { circular: true }),
    onlyImports('domain-imports-nothing-of-ours', 'lib/domain is the vocabulary and the pure rules: it imports nothing of ours.', '^lib/domain/', '^lib/domain/'),
    onlyImports('store-imports-domain-only', 'lib/store is persistence only: it imports lib/domain and nothing else of ours.', '^lib/store/', '^lib/(store|domain)/'),
    onlyImports('messaging-is-the-protocol', 'lib/messaging is the typed protocol: it may speak the domain vocabulary only.', '^lib/messaging/', '^lib/(messaging|domain)/'),
    forbid('lib-below-the-background', 'Libraries other than the capabilities do not reach up into lib/background.', { path: '^lib/', pathNot: ['^lib/background/', TEST] }, { path: '^lib/background/' }),
    forbid('lib-below-the-ui', 'lib never imports components, entrypoints, demo or tests.', '^lib/', { path: '^(components|entrypoints|demo|tests)/' }),
    forbid('components-render-only', 'components render: no store, no capability, no entrypoint inside.', '^components/', { path: '^(lib/store|lib/background|entrypoints)/' }),
    forbid('pages-ask-through-messaging', 'A page asks the background by message; it never opens the store or calls a capability.', { path: PAGES }, { path: '^(lib/store|lib/background|entrypoints/background)/' }),
    onlyImports('readers-read-the-store', 'lib/readers are what pages read over their own connection: the store and the domain only.', { path: '^lib/readers/' }, '^lib/(readers|store|domain)/'),
    forbid(
      'test-helpers-stay-in-tests',
      'Shipped code never imports a test or a test helper (the bench build and the demo launcher are not shipped).',
      { path: OURS, pathNot: [TEST, 'test-helpers\\.ts$', '^tests/', '^entrypoints/bench/', '^demo/'] },
      { path: [TEST, 'test-helpers\\.ts$', '^tests/'] },
    ),
    forbid('entrypoints-stay-apart', 'Each entrypoint only wires things together: shared code goes to components or lib.', { path: '^entrypoints/([^/]+)/' }, { path: '^entrypoints/', pathNot: '^entrypoints/$1/' }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    // WXT's tsconfig maps '@/' to the project root from inside .wxt/, which the cruiser's
    // tsconfig reader misplaces; a resolve alias says the same thing plainly.
    webpackConfig: { fileName: 'tests/lint/resolve-alias.cjs' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    cache: false,
  },
};
