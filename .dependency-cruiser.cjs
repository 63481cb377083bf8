/**
 * The structure rules `npm run structure:check` enforces (dependency-cruiser): no import cycles
 * in the apps' and packages' sources, background services independent of the tRPC routers, and
 * core free of the other workspaces. Type-only imports count.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module of an app or package must not import itself back through others.',
      from: { path: '^(apps|packages)/[^/]+/src/' },
      to: { circular: true },
    },
    {
      name: 'background-not-routers',
      severity: 'error',
      comment:
        "The api's background services run without the tRPC routers: move what they share out of routers/.",
      from: { path: '^apps/api/src/background/' },
      to: { path: '^apps/api/src/routers/' },
    },
    {
      name: 'core-no-workspace',
      severity: 'error',
      comment: '@tracershop/core is pure domain rules: it imports no other workspace.',
      from: { path: '^packages/core/' },
      to: {
        path: '^(apps/|packages/(?!core/)|tooling/|e2e/|node_modules/@tracershop/|@tracershop/)',
      },
    },
  ],
  options: {
    // Another workspace is reached through its package (usually its built dist/): a leaf here,
    // cruised from its own src/.
    doNotFollow: { path: ['node_modules', '/dist/'] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    preserveSymlinks: false,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'module', 'main'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
