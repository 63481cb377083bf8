/**
 * The set-up pages that read `setup.catalog`: the api's refusal while it fails, the loading
 * note until it arrives, then the page of the catalogue.
 */
import { AlertBox, messageOf } from '@tracershop/ui';
import type { ReactNode } from 'react';
import type { Catalog } from '../productionApi';
import { useCatalog } from '../productionApi';
import { PageLoading } from '../session/PageLoading';

export function WithCatalog({ children }: { children: (catalog: Catalog) => ReactNode }) {
  const catalog = useCatalog();
  if (catalog.error) {
    return <AlertBox level="error">{messageOf(catalog.error)}</AlertBox>;
  }
  if (catalog.data === undefined) {
    return <PageLoading />;
  }
  return children(catalog.data);
}
