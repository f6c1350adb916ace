// The layer rule of CONVENTIONS.md: data flows one way and a lower layer never imports a
// higher one. `npm run lint` runs this; each rule's comment is the message a slip prints.
const OURS = '^(lib|components|entrypoints|demo|tests)/';
// Pages render and ask through messaging; only the background and the bench build may
// touch the store or a capability.
const PAGES = '^entrypoints/(content|panel|popup|options|members|reports)/';
// A unit test may drive the code beside it through a higher layer (a store test through the
// handlers); shipped code may not. Cycles count everywhere.
const TEST = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycle: break it by moving the shared piece down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing-of-ours',
      severity: 'error',
      comment: 'lib/domain is the vocabulary and the pure rules: it imports nothing of ours.',
      from: { path: '^lib/domain/', pathNot: TEST },
      to: { path: OURS, pathNot: '^lib/domain/' },
    },
    {
      name: 'store-imports-domain-only',
      severity: 'error',
      comment: 'lib/store is persistence only: it imports lib/domain and nothing else of ours.',
      from: { path: '^lib/store/', pathNot: TEST },
      to: { path: OURS, pathNot: '^lib/(store|domain)/' },
    },
    {
      name: 'messaging-is-the-protocol',
      severity: 'error',
      comment: 'lib/messaging is the typed protocol: it may speak the domain vocabulary only.',
      from: { path: '^lib/messaging/', pathNot: TEST },
      to: { path: OURS, pathNot: '^lib/(messaging|domain)/' },
    },
    {
      name: 'lib-below-the-background',
      severity: 'error',
      comment: 'Libraries other than the capabilities do not reach up into lib/background.',
      from: { path: '^lib/', pathNot: ['^lib/background/', TEST] },
      to: { path: '^lib/background/' },
    },
    {
      name: 'lib-below-the-ui',
      severity: 'error',
      comment: 'lib never imports components, entrypoints, demo or tests.',
      from: { path: '^lib/', pathNot: TEST },
      to: { path: '^(components|entrypoints|demo|tests)/' },
    },
    {
      name: 'components-render-only',
      severity: 'error',
      comment: 'components render: no store, no capability, no entrypoint inside.',
      from: { path: '^components/', pathNot: TEST },
      to: { path: '^(lib/store|lib/background|entrypoints)/' },
    },
    {
      name: 'pages-ask-through-messaging',
      severity: 'error',
      comment: 'A page asks the background by message; it never opens the store or calls a capability.',
      from: { path: PAGES },
      to: { path: '^(lib/store|lib/background|entrypoints/background)/' },
    },
    {
      name: 'readers-read-the-store',
      severity: 'error',
      comment: 'lib/readers are what pages read over their own connection: the store and the domain only.',
      from: { path: '^lib/readers/' },
      to: { path: OURS, pathNot: '^lib/(readers|store|domain)/' },
    },
    {
      name: 'test-helpers-stay-in-tests',
      severity: 'error',
      comment: 'Shipped code never imports a test or a test helper (the bench build and the demo launcher are not shipped).',
      from: { path: OURS, pathNot: [TEST, 'test-helpers\\.ts$', '^tests/', '^entrypoints/bench/', '^demo/'] },
      to: { path: [TEST, 'test-helpers\\.ts$', '^tests/'] },
    },
    {
      name: 'entrypoints-stay-apart',
      severity: 'error',
      comment: 'Each entrypoint only wires things together: shared code goes to components or lib.',
      from: { path: '^entrypoints/([^/]+)/' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1/' },
    },
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
