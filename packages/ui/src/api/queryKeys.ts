/**
 * Query keys of api reads: `[procedure path, input]`, e.g. `['setup.customers.list', {…}]`.
 * Live events refresh reads by *scope*: a scope is a path or a dotted prefix of paths
 * (`'setup'` covers `setup.catalog` and `setup.customers.list`, `'vials.forSlot'` only itself).
 */
export type ApiPath = `${string}.${string}`;
export type ApiScope = string;

export function apiQueryKey(path: ApiPath, input?: unknown): readonly unknown[] {
  return input === undefined ? [path] : [path, input];
}

/** Whether a query key belongs to a scope (the path itself or a path under it). */
export function inScope(queryKey: readonly unknown[], scope: ApiScope): boolean {
  const path = queryKey[0];
  return typeof path === 'string' && (path === scope || path.startsWith(`${scope}.`));
}
