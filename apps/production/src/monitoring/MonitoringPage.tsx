/**
 * "Monitorering" (docs/domain.md, production admins): a button per activity tracer and
 * "Special" (the injection orders), a month, and how punctually that month's orders were
 * released, as a pie and a table; "Hent Excel ark" downloads the month's export. The product
 * and month are in the address (`?product=tracer-3&month=2026-11`).
 */
import { DEFAULT_TIME_ZONE, TracerType } from '@tracershop/core';
import {
  AlertBox,
  messageOf,
  monthNameKey,
  MonthPicker,
  useSession,
  useSiteNow,
} from '@tracershop/ui';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCatalog } from '../productionApi';
import type { MonitoredProduct } from './monitoringApi';
import { usePunctuality } from './monitoringApi';
import { PunctualityChart } from './PunctualityChart';
import './monitoring.css';

const SPECIAL = 'special';

/** A `YYYY-MM` month from the address, or null. */
function monthParamOf(text: string | null): string | null {
  return text !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? text : null;
}

export function monthlyExportHref(month: string): string {
  return `/documents/monthly-export/${month}.xlsx`;
}

/** `'2026-11'` moved by `months`. */
function shiftMonth(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export default function MonitoringPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  const timeZone = session.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = useSiteNow(timeZone, 60_000).slice(0, 10);
  const [searchParams, setSearchParams] = useSearchParams();
  const [pickerOpen, setPickerOpen] = useState(false);
  const pickerId = useId();
  const catalog = useCatalog();

  const tracers = useMemo(
    () =>
      (catalog.data?.tracers ?? [])
        .filter((tracer) => tracer.tracerType === TracerType.Activity && !tracer.archived)
        .sort((a, b) => a.shortname.localeCompare(b.shortname)),
    [catalog.data],
  );
  const month = monthParamOf(searchParams.get('month')) ?? today.slice(0, 7);
  const requested = searchParams.get('product');
  const chosen =
    requested === SPECIAL || tracers.some((tracer) => `tracer-${tracer.id}` === requested)
      ? requested
      : tracers[0] === undefined
        ? catalog.data
          ? SPECIAL
          : null
        : `tracer-${tracers[0].id}`;
  const product: MonitoredProduct | null =
    chosen === null
      ? null
      : chosen === SPECIAL
        ? { kind: 'injection' }
        : { kind: 'tracer', tracerId: Number(chosen.slice('tracer-'.length)) };
  const report = usePunctuality(month, product);

  const setParams = (next: { product?: string; month?: string }) => {
    const params: Record<string, string> = { month: next.month ?? month };
    const productParam = next.product ?? chosen;
    if (productParam !== null) {
      params.product = productParam;
    }
    setSearchParams(params);
  };

  const monthName = `${t(monthNameKey(Number(month.slice(5, 7))), { ns: 'translation' })} ${month.slice(0, 4)}`;
  const productName =
    chosen === SPECIAL
      ? t('monitoring.special')
      : (tracers.find((tracer) => `tracer-${tracer.id}` === chosen)?.shortname ?? '');

  return (
    <div className="monitoring-page">
      <h1>{t('monitoring.title')}</h1>
      <div className="monitoring-page__bar">
        <div
          role="group"
          aria-label={t('monitoring.products')}
          className="monitoring-page__products"
        >
          {tracers.map((tracer) => {
            const key = `tracer-${tracer.id}`;
            return (
              <button
                key={key}
                type="button"
                className={`ts-button${chosen === key ? ' ts-button--selected' : ''}`}
                aria-pressed={chosen === key}
                onClick={() => setParams({ product: key })}
              >
                {tracer.shortname}
              </button>
            );
          })}
          <button
            type="button"
            className={`ts-button${chosen === SPECIAL ? ' ts-button--selected' : ''}`}
            aria-pressed={chosen === SPECIAL}
            onClick={() => setParams({ product: SPECIAL })}
          >
            {t('monitoring.special')}
          </button>
        </div>
        <div className="monitoring-page__month">
          <button
            type="button"
            className="ts-button ts-button--light"
            aria-label={t('monitoring.previousMonth')}
            onClick={() => setParams({ month: shiftMonth(month, -1) })}
          >
            ‹
          </button>
          <button
            type="button"
            className="ts-button ts-button--light"
            aria-expanded={pickerOpen}
            aria-controls={pickerOpen ? pickerId : undefined}
            aria-label={t('monitoring.chooseMonth', { month: monthName })}
            onClick={() => setPickerOpen((open) => !open)}
          >
            {monthName}
          </button>
          <button
            type="button"
            className="ts-button ts-button--light"
            aria-label={t('monitoring.nextMonth')}
            onClick={() => setParams({ month: shiftMonth(month, 1) })}
          >
            ›
          </button>
          {pickerOpen ? (
            <div className="monitoring-page__picker">
              <MonthPicker
                id={pickerId}
                activeDate={`${month}-01`}
                onSelectMonth={(first) => {
                  setPickerOpen(false);
                  setParams({ month: first.slice(0, 7) });
                }}
                onClose={() => setPickerOpen(false)}
              />
            </div>
          ) : null}
        </div>
        <a className="ts-button monitoring-page__export" href={monthlyExportHref(month)} download>
          {t('monitoring.excel')}
        </a>
      </div>

      {catalog.isError ? <AlertBox level="error">{messageOf(catalog.error)}</AlertBox> : null}
      {report.isError ? <AlertBox level="error">{messageOf(report.error)}</AlertBox> : null}
      {report.data === undefined ? (
        report.isPending && product !== null ? (
          <p role="status">{t('loading', { ns: 'translation' })}</p>
        ) : null
      ) : (
        <PunctualityChart
          counts={report.data.counts}
          caption={t('monitoring.caption', { product: productName, month: monthName })}
        />
      )}
    </div>
  );
}
