/*
 * Layer rules, checked on every import at any depth (npm run lint:layers, part of npm test).
 * The folder a file sits in says what it may depend on; see README, Architecture.
 *
 *   src/shared            domain: pure TypeScript, imports only itself, zod and simple-statistics
 *   src/main/storage      SQLite workspace, tables, migrations, repositories, atomic files
 *   src/main/render       .pptx rendering of a finished deck document
 *   src/main/services     work that composes storage, render and the domain (decks, import, insights)
 *   src/main/api          the contract's handlers, dispatch and the backend that hosts them
 *   src/main/transports   CLI, web harness, Electron shell and preload: they reach the rest through api
 *   src/renderer          React UI: the shared contract and its own files, nothing from main
 */
// `(^|/)src/...` rather than `^src/...` so tests/fixtures/layers (a tree built to break every rule) is judged the same way.
const at = (folder) => `(^|/)${folder}/`;
const layer = (name) => at(`src/main/${name}`);

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src/shared is the domain: no Node, Electron, DOM or main code, only zod and simple-statistics.',
      severity: 'error',
      from: { path: at('src/shared') },
      to: { pathNot: [at('src/shared'), '^node_modules/(zod|simple-statistics)/'] },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: at('src/shared') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-through-contract',
      comment: 'The renderer reaches the backend only through the typed API client and the shared contract.',
      severity: 'error',
      from: { path: at('src/renderer') },
      to: {
        pathNot: [
          at('src/renderer'),
          at('src/shared'),
          '^node_modules/(react|react-dom|zustand|chart\\.js|@mantine/[^/]+|@tanstack/react-virtual|@kurkle/color|scheduler)/',
        ],
      },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: at('src/renderer') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'main-never-imports-renderer',
      severity: 'error',
      from: { path: at('src/main') },
      to: { path: at('src/renderer') },
    },
    {
      name: 'storage-is-the-bottom',
      comment: 'Storage knows tables and files, never the services, rendering, handlers or transports above it.',
      severity: 'error',
      from: { path: layer('storage') },
      to: { path: [layer('services'), layer('render'), layer('api'), layer('transports')] },
    },
    {
      name: 'render-draws-only',
      comment: 'Rendering turns a finished deck document into a file: no database, services, handlers or transports.',
      severity: 'error',
      from: { path: layer('render') },
      to: { path: [layer('storage'), layer('services'), layer('api'), layer('transports')] },
    },
    {
      name: 'services-below-api',
      severity: 'error',
      from: { path: layer('services') },
      to: { path: [layer('api'), layer('transports')] },
    },
    {
      name: 'api-below-transports',
      severity: 'error',
      from: { path: layer('api') },
      to: { path: layer('transports') },
    },
    {
      name: 'transports-go-through-api',
      comment: 'CLI, web harness and Electron shell call handlers; they never reach storage, services or rendering directly.',
      severity: 'error',
      from: { path: layer('transports') },
      to: { path: [layer('storage'), layer('services'), layer('render')] },
    },
    {
      name: 'electron-only-in-shell-and-preload',
      severity: 'error',
      from: { pathNot: at('src/main/transports/(shell|preload)') },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'main-files-live-in-a-layer',
      comment: 'Every file of src/main sits in one of the layer folders.',
      severity: 'error',
      from: { path: '(^|/)src/main/[^/]+$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Worktrees share one node_modules through a symlink; judge packages by the path as imported.
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.node.json') },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: '^(out|dist|release)/' },
  },
};
