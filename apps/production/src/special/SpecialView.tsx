/**
 * "Special" (docs/domain.md): the injection orders of the chosen day in a sortable table,
 * with "Opret ny ordre", "Frigiv flere ordre" for the ticked Accepted orders of one tracer,
 * and the injection order modal. The orders come from `orders.productionWindow` (live).
 */
import { canRelease } from '@tracershop/core';
import { AlertBox, messageOf, usePendingAction } from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateInjectionOrderModal } from './CreateInjectionOrderModal';
import { InjectionOrderModal } from './InjectionOrderModal';
import { InjectionTable } from './InjectionTable';
import type { SortOrder } from './injectionRows';
import { injectionRowsOf, nextSort, slashDate, sortRows } from './injectionRows';
import { ReleaseManyModal } from './ReleaseManyModal';
import {
  injectionOrdersOn,
  useCatalog,
  useInjectionWrites,
  useProductionWindow,
  useReleasePermission,
  useSiteToday,
} from './specialApi';
import './special.css';

export function SpecialView({ date }: { date: string }) {
  const { t } = useTranslation('app');
  const headingId = useId();
  const catalog = useCatalog();
  const ordersWindow = useProductionWindow(date);
  const writes = useInjectionWrites();
  const mayRelease = useReleasePermission();
  const { today, timeZone, user } = useSiteToday();
  const rowAction = usePendingAction();
  const [sort, setSort] = useState<SortOrder>({ column: 'deliveryTime', descending: false });
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [openId, setOpenId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'create' | 'releaseMany' | null>(null);

  const rows =
    catalog.data && ordersWindow.data
      ? sortRows(injectionRowsOf(catalog.data, injectionOrdersOn(ordersWindow.data, date)), sort)
      : [];
  // Only orders still Accepted on this day stay ticked (live changes, another day).
  const selected = new Set(
    rows
      .filter((row) => canRelease(row.order.status) && ticked.has(row.order.id))
      .map((row) => row.order.id),
  );
  const selectedRows = rows.filter((row) => selected.has(row.order.id));
  const openRow = rows.find((row) => row.order.id === openId) ?? null;
  const username = user?.username ?? '';
  const problem = catalog.error ?? ordersWindow.error;

  const toggle = (orderId: number) =>
    setTicked(() => {
      const next = new Set(selected);
      if (next.has(orderId)) {
        next.delete(orderId);
      } else {
        next.add(orderId);
      }
      return next;
    });

  return (
    <section className="special-view" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('special.title', { date: slashDate(date) })}</h2>
      <div className="special-view__buttons">
        <button
          type="button"
          className="ts-button"
          disabled={!catalog.data}
          onClick={() => setDialog('create')}
        >
          {t('special.create.open')}
        </button>
        {selectedRows.length > 0 ? (
          <button type="button" className="ts-button" onClick={() => setDialog('releaseMany')}>
            {t('special.many.open')}
          </button>
        ) : null}
      </div>
      {problem ? (
        <AlertBox level="error">{t('special.failed', { message: messageOf(problem) })}</AlertBox>
      ) : null}
      {rowAction.failure === null ? null : <AlertBox level="error">{rowAction.failure}</AlertBox>}
      {catalog.data && ordersWindow.data ? (
        rows.length === 0 ? (
          <p>{t('special.empty', { date: slashDate(date) })}</p>
        ) : (
          <InjectionTable
            rows={rows}
            sort={sort}
            onSort={(column) => setSort((current) => nextSort(current, column))}
            selected={selected}
            onToggle={toggle}
            onAccept={(orderId) =>
              void rowAction.run(() => writes.accept.mutateAsync({ orderIds: [orderId] }))
            }
            onOpen={setOpenId}
            pending={rowAction.pending}
          />
        )
      ) : problem ? null : (
        <p role="status">{t('special.loading')}</p>
      )}
      {openRow === null ? null : (
        <InjectionOrderModal
          key={openRow.order.id}
          row={openRow}
          today={today}
          timeZone={timeZone}
          mayRelease={mayRelease({ tracerId: openRow.order.tracerId })}
          username={username}
          userGroup={user?.userGroup ?? null}
          onClose={() => setOpenId(null)}
          onAccept={() => writes.accept.mutateAsync({ orderIds: [openRow.order.id] })}
          onReject={() => writes.reject.mutateAsync({ orderIds: [openRow.order.id] })}
          onUnreject={() => writes.unreject.mutateAsync({ orderIds: [openRow.order.id] })}
          onEdit={(input) => writes.productionEdit.mutateAsync(input)}
          onRelease={(input) => writes.release.mutateAsync({ ...input, orderId: openRow.order.id })}
          onCorrect={(password, reason) =>
            writes.correct.mutateAsync({ injectionOrderIds: [openRow.order.id], password, reason })
          }
          onDelete={(reason) =>
            writes.productionDelete.mutateAsync({ id: openRow.order.id, reason })
          }
          onPrint={() => writes.printCertificate.mutateAsync({ orderId: openRow.order.id })}
        />
      )}
      {dialog === 'create' && catalog.data ? (
        <CreateInjectionOrderModal
          catalog={catalog.data}
          date={date}
          onClose={() => setDialog(null)}
          onCreate={(input) => writes.create.mutateAsync(input)}
        />
      ) : null}
      {dialog === 'releaseMany' && selectedRows.length > 0 ? (
        <ReleaseManyModal
          rows={selectedRows}
          date={date}
          today={today}
          username={username}
          onClose={() => setDialog(null)}
          onRelease={async (input) => {
            await writes.releaseMany.mutateAsync(input);
            setTicked(new Set());
          }}
        />
      ) : null}
    </section>
  );
}
