/**
 * The layering of ../shared/ARCHITECTURE.md, enforced: `npx depcruise src` (a step of `npm test`) fails on any
 * import that crosses a boundary. Relative imports count as much as package ones: tsc and ESLint let
 * `../../main/...` from src/shared through.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src/shared runs in the renderer, the CLI and workers alike: it imports no front end or Node side.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer|preload)/' },
    },
    {
      name: 'shared-has-no-platform',
      comment: 'src/shared uses no Node built-ins, Electron, DOM libraries or native modules.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'shared-has-no-platform-packages',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: 'node_modules/(electron|react|react-dom|sigma|better-sqlite3|@sigma|recharts|@tanstack)/' },
    },
    {
      name: 'renderer-imports-only-shared',
      comment: 'The renderer talks to the backend through the typed API, never by importing it.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload)/' },
    },
    {
      name: 'main-does-not-import-renderer',
      severity: 'error',
      from: { path: '^src/main/' },
      to: { path: '^src/renderer/' },
    },
    {
      name: 'electron-only-in-app-and-preload',
      comment: 'Only src/main/app and src/preload touch Electron; everything else runs under plain Node.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main/app|preload)/' },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
