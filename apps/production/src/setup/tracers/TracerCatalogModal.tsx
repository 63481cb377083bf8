/**
 * "Tracer Catalog for X" (docs/domain.md): which endpoints may order an injection tracer. Ticking
 * "Kan bestille" grants it at once (a catalogue page), unticking revokes it (orders already
 * made stay); one change at a time per endpoint, refusals shown above the table.
 */
import { AlertBox, TextField, messageOf } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../../dialogs/ModalFrame';
import type { Catalog } from '../../productionApi';
import type { CatalogTracer } from './tracersApi';
import { useCatalogPageWrites } from './tracersApi';

export interface TracerCatalogModalProps {
  tracer: CatalogTracer;
  catalog: Catalog;
  onClose(): void;
}

export function TracerCatalogModal({ tracer, catalog, onClose }: TracerCatalogModalProps) {
  const { t } = useTranslation('app');
  const writes = useCatalogPageWrites();
  const [filter, setFilter] = useState('');
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  const customerName = new Map(
    catalog.customers.map((customer) => [customer.id, customer.shortName]),
  );
  const pageOf = new Map(
    catalog.catalogPages
      .filter((page) => page.tracerId === tracer.id)
      .map((page) => [page.endpointId, page.id]),
  );
  const needle = filter.trim().toLocaleLowerCase('da');
  const rows = catalog.endpoints
    .map((endpoint) => ({
      endpoint,
      label: `${customerName.get(endpoint.customerId) ?? ''} - ${endpoint.name ?? ''}`,
    }))
    .filter((row) => needle === '' || row.label.toLocaleLowerCase('da').includes(needle))
    .sort((a, b) => a.label.localeCompare(b.label, 'da'));

  async function toggle(endpointId: number) {
    if (pending.has(endpointId)) {
      return;
    }
    setFailure(null);
    setPending((previous) => new Set(previous).add(endpointId));
    try {
      const pageId = pageOf.get(endpointId);
      if (pageId === undefined) {
        await writes.grant.mutateAsync({ endpointId, tracerId: tracer.id });
      } else {
        await writes.revoke.mutateAsync({ id: pageId });
      }
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setPending((previous) => {
        const next = new Set(previous);
        next.delete(endpointId);
        return next;
      });
    }
  }

  return (
    <ModalFrame
      title={t('setupCatalog.tracers.catalogTitle', { name: tracer.shortname })}
      onClose={onClose}
    >
      <TextField
        label={t('setupCatalog.tracers.catalogFilter')}
        value={filter}
        onChange={setFilter}
        autoComplete="off"
      />
      {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
      <table className="production-table">
        <thead>
          <tr>
            <th scope="col">{t('setupCatalog.tracers.catalogEndpoint')}</th>
            <th scope="col">{t('setupCatalog.tracers.canOrder')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ endpoint, label }) => (
            <tr key={endpoint.id}>
              <th scope="row">{label}</th>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('setupCatalog.tracers.canOrderOf', { endpoint: label })}
                  checked={pageOf.has(endpoint.id)}
                  disabled={pending.has(endpoint.id)}
                  aria-busy={pending.has(endpoint.id)}
                  onChange={() => void toggle(endpoint.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? (
        <AlertBox level="hint">{t('setupCatalog.tracers.catalogNone')}</AlertBox>
      ) : null}
    </ModalFrame>
  );
}
