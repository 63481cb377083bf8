/**
 * Query keys of api reads: `[procedure path, input]`, so live events can refresh every read of
 * a procedure at once (`[path]` is a prefix of all of them).
 */
export type ApiPath =
  | 'auth.whoami'
  | 'setup.catalog'
  | 'orders.shopDay'
  | 'orders.window'
  | 'orders.productionDay'
  | 'orders.productionWindow'
  | 'bookings.byEndpointDate'
  | 'bookings.overview';

export function apiQueryKey(path: ApiPath, input?: unknown): readonly unknown[] {
  return input === undefined ? [path] : [path, input];
}
