/**
 * The "Special" table of the day's injection orders (docs/domain.md): sortable columns (a header
 * click sorts, a second inverts), the status icon opening the order, and the action of each
 * status: accept an Ordered order, tick an Accepted one for "Frigiv flere ordre" (one tracer
 * per batch, so other tracers' rows are disabled once one is ticked), the release document of
 * a Released one, nothing for a Rejected one.
 */
import { canAccept, canRelease, isReleased } from '@tracershop/core';
import { StatusIcon } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import type { InjectionRow, SortColumn, SortOrder } from './injectionRows';
import { injectionReleaseUrl, ReleaseDocumentIcon, ThumbsUpIcon, CommentIcon } from './icons';

export interface InjectionTableProps {
  /** Sorted already. */
  rows: readonly InjectionRow[];
  sort: SortOrder;
  onSort(column: SortColumn): void;
  selected: ReadonlySet<number>;
  onToggle(orderId: number): void;
  onAccept(orderId: number): void;
  onOpen(orderId: number): void;
  pending?: boolean;
}

const COLUMNS: readonly SortColumn[] = [
  'status',
  'id',
  'destination',
  'isotope',
  'tracer',
  'injections',
  'deliveryTime',
  'usage',
];

/** The tracer of the ticked orders, which every further ticked order must share. */
export function selectedTracerOf(
  rows: readonly InjectionRow[],
  selected: ReadonlySet<number>,
): number | null {
  return rows.find((row) => selected.has(row.order.id))?.order.tracerId ?? null;
}

export function InjectionTable({
  rows,
  sort,
  onSort,
  selected,
  onToggle,
  onAccept,
  onOpen,
  pending = false,
}: InjectionTableProps) {
  const { t } = useTranslation('app');
  const selectedTracer = selectedTracerOf(rows, selected);
  return (
    <table className="production-table special-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th
              key={column}
              scope="col"
              aria-sort={
                sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'
              }
            >
              <button type="button" className="special-table__sort" onClick={() => onSort(column)}>
                {t(`special.columns.${column}`)}
              </button>
            </th>
          ))}
          <th scope="col">{t('special.columns.comment')}</th>
          <th scope="col">
            <span className="ts-visually-hidden">{t('special.columns.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { order } = row;
          return (
            <tr key={order.id} data-status={order.status}>
              <td>
                <button
                  type="button"
                  className="special-icon-button"
                  aria-label={t('special.open', { id: order.id })}
                  onClick={() => onOpen(order.id)}
                >
                  <StatusIcon status={order.status} />
                </button>
              </td>
              <td>{order.id}</td>
              <td>{row.destination}</td>
              <td>{row.isotope}</td>
              <td>{row.tracer}</td>
              <td>{order.injections}</td>
              <td>{order.deliveryTime.slice(0, 5)}</td>
              <td>{t(`special.usages.${order.tracerUsage}`)}</td>
              <td>{order.comment ? <CommentIcon text={order.comment} /> : null}</td>
              <td>
                {canAccept(order.status) ? (
                  <button
                    type="button"
                    className="special-icon-button"
                    aria-label={t('special.accept', { id: order.id })}
                    title={t('special.accept', { id: order.id })}
                    disabled={pending}
                    onClick={() => onAccept(order.id)}
                  >
                    <ThumbsUpIcon />
                  </button>
                ) : null}
                {canRelease(order.status) ? (
                  <input
                    type="checkbox"
                    aria-label={t('special.select', { id: order.id })}
                    checked={selected.has(order.id)}
                    disabled={selectedTracer !== null && selectedTracer !== order.tracerId}
                    onChange={() => onToggle(order.id)}
                  />
                ) : null}
                {isReleased(order.status) ? (
                  <a
                    href={injectionReleaseUrl(order.id)}
                    target="_blank"
                    rel="noopener"
                    aria-label={t('special.document', { id: order.id })}
                    title={t('special.document', { id: order.id })}
                  >
                    <ReleaseDocumentIcon />
                  </a>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
