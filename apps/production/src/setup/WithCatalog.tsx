/**
 * The set-up pages that read `setup.catalog`: the api's refusal while it fails, the loading
 * note until it arrives, then the page of the catalogue.
 */
import type { ReactNode } from 'react';
import type { Catalog } from '../productionApi';
import { useCatalog } from '../productionApi';
import { QueryResult } from '../session/QueryResult';

export function WithCatalog({ children }: { children: (catalog: Catalog) => ReactNode }) {
  return <QueryResult query={useCatalog()}>{children}</QueryResult>;
}
