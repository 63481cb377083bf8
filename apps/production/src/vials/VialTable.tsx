/**
 * The vial table (docs/domain.md): ID | Lot nummer | Dato | Tappe tidspunkt | Volumen | Aktivitet
 * | Ejer | Ordre | Print (| Slet, for those who may delete vials); a lot number links to its
 * recall trace, a vial without owner ("Ukendt ejer") offers "Angiv ejer", and a vial not
 * assigned to an order may be deleted. Thousands of rows stay fast: only the rows in view (plus
 * a margin) are in the page, between two spacer rows of the height of the rest; the scroll area
 * is focusable, so arrow keys and Page Up/Down scroll it. Column headers sort (aria-sort).
 */
import { useFigures } from '@tracershop/ui';
import { formatDanishDate } from '@tracershop/core';
import type { UIEvent } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VialColumn, VialSort } from './vialTable';
import { VIAL_COLUMNS } from './vialTable';
import type { VialRow } from './vialsApi';

/** Height of one row in px; the stylesheet gives rows exactly this height. */
export const VIAL_ROW_HEIGHT = 36;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 10;
/** The scroll area's height before it is measured (and in tests, which have no layout). */
const DEFAULT_VIEWPORT = 600;

export interface VialTableProps {
  vials: readonly VialRow[];
  sort: VialSort;
  onSort(column: VialColumn): void;
  /** The owner's short name, or null when unknown. */
  ownerOf(vial: VialRow): string | null;
  onPrint(vialId: number): void;
  /** "Angiv ejer" of a vial without owner (customerId null, not assigned to an order). */
  onSetOwner(vial: VialRow): void;
  /**
   * "Slet" of a vial not assigned to an order; without it (a role that may not delete vials)
   * there is no delete column.
   */
  onDelete?(vial: VialRow): void;
  /** The vial whose label is being printed (its button waits). */
  printingVialId: number | null;
}

export function vialLabelHref(vialId: number): string {
  return `/documents/vial-label/${vialId}.pdf`;
}

export function VialTable({
  vials,
  sort,
  onSort,
  ownerOf,
  onPrint,
  onSetOwner,
  onDelete,
  printingVialId,
}: VialTableProps) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element === null) {
      return undefined;
    }
    const measure = () => {
      if (element.clientHeight > 0) {
        setViewport(element.clientHeight);
      }
    };
    measure();
    if (typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / VIAL_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(
    vials.length,
    Math.ceil((scrollTop + viewport) / VIAL_ROW_HEIGHT) + OVERSCAN,
  );
  const shown = vials.slice(first, last);
  const columnCount = VIAL_COLUMNS.length + (onDelete === undefined ? 1 : 2);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
  };

  const header = (column: VialColumn) => {
    const active = sort.column === column;
    return (
      <th key={column} scope="col" aria-sort={active ? sort.direction : 'none'}>
        <button type="button" className="vials-table__sort" onClick={() => onSort(column)}>
          {t(`vials.columns.${column}`)}
          <span aria-hidden="true">
            {active ? (sort.direction === 'descending' ? ' ▼' : ' ▲') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div
      ref={scrollRef}
      className="vials-table__scroll"
      tabIndex={0}
      role="region"
      aria-label={t('vials.tableRegion', { count: vials.length })}
      onScroll={onScroll}
    >
      <table
        className="production-table vials-table"
        aria-label={t('vials.title')}
        aria-rowcount={vials.length + 1}
      >
        <thead>
          <tr aria-rowindex={1}>
            {VIAL_COLUMNS.map(header)}
            <th scope="col">{t('vials.columns.print')}</th>
            {onDelete === undefined ? null : <th scope="col">{t('vials.columns.delete')}</th>}
          </tr>
        </thead>
        <tbody>
          {first > 0 ? (
            <tr aria-hidden="true" className="vials-table__spacer">
              <td colSpan={columnCount} style={{ height: first * VIAL_ROW_HEIGHT }} />
            </tr>
          ) : null}
          {shown.map((vial, index) => {
            const owner = ownerOf(vial);
            return (
              <tr
                key={vial.id}
                data-vial-id={vial.id}
                aria-rowindex={first + index + 2}
                style={{ height: VIAL_ROW_HEIGHT }}
              >
                <td>{vial.id}</td>
                <td>
                  <Link
                    to={{
                      pathname: '/recall',
                      search: `?lot=${encodeURIComponent(vial.lotNumber)}`,
                    }}
                    title={t('vials.traceLot', { lot: vial.lotNumber })}
                  >
                    {vial.lotNumber}
                  </Link>
                </td>
                <td>{formatDanishDate(vial.fillDate)}</td>
                <td>{vial.fillTime}</td>
                <td>{figures.volume(vial.volume)}</td>
                <td>{figures.activity(vial.activity)}</td>
                <td>
                  {owner !== null ? (
                    owner
                  ) : (
                    <span className="vials-table__owner">
                      <span className="vials-table__unknown">{t('vials.unknownOwner')}</span>
                      {vial.customerId === null && vial.assignedToId === null ? (
                        <button
                          type="button"
                          className="ts-button ts-button--light vials-table__owner-button"
                          aria-label={t('vials.setOwnerFor', { id: vial.id })}
                          onClick={() => onSetOwner(vial)}
                        >
                          {t('vials.setOwner')}
                        </button>
                      ) : null}
                    </span>
                  )}
                </td>
                <td>{vial.assignedToId ?? ''}</td>
                <td>
                  <span className="vials-table__print">
                    <a
                      href={vialLabelHref(vial.id)}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t('vials.labelPdfFor', { id: vial.id })}
                    >
                      {t('vials.labelPdf')}
                    </a>
                    <button
                      type="button"
                      className="ts-button ts-button--light vials-table__print-button"
                      disabled={printingVialId !== null}
                      aria-busy={printingVialId === vial.id}
                      aria-label={t('vials.printLabelFor', { id: vial.id })}
                      onClick={() => onPrint(vial.id)}
                    >
                      {t('vials.printLabel')}
                    </button>
                  </span>
                </td>
                {onDelete === undefined ? null : (
                  <td>
                    {vial.assignedToId === null ? (
                      <button
                        type="button"
                        className="ts-button ts-button--light vials-table__delete-button"
                        aria-label={t('vials.deleteFor', { id: vial.id })}
                        onClick={() => onDelete(vial)}
                      >
                        {t('vials.delete')}
                      </button>
                    ) : null}
                  </td>
                )}
              </tr>
            );
          })}
          {last < vials.length ? (
            <tr aria-hidden="true" className="vials-table__spacer">
              <td
                colSpan={columnCount}
                style={{ height: (vials.length - last) * VIAL_ROW_HEIGHT }}
              />
            </tr>
          ) : null}
        </tbody>
      </table>
      {vials.length === 0 ? <p className="vials-table__empty">{t('vials.noVials')}</p> : null}
    </div>
  );
}
