/**
 * "Tilbagekaldelse" (docs/domain.md, "Recall of a lot"): from a lot or batch number to every
 * delivery, vial, order and patient study it reached, with who released each, in one step;
 * and the same as a PDF report and an Excel sheet. The lot is in the address
 * (`/recall?lot=FDG-261207-1`), so the vial page can link here; "Fra en ordre" finds the lots
 * an order went out with, to trace from an order number.
 */
import { TextField, useFigures } from '@tracershop/ui';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryResult } from '../session/QueryResult';
import type recallTexts from '../i18n/da/recall.json';
import type { LotTrace } from './recallApi';
import type { RecallOrderKind } from './recallApi';
import { recallReportHref, useLotsOfOrder, useLotTrace } from './recallApi';
import './recall.css';

type RecallColumn = keyof (typeof recallTexts)['recall']['columns'];

interface TableProps {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly ReactNode[])[];
}

/** One section of the trace: a heading and its table, or "Ingen.". */
function TraceTable({ title, headers, rows }: TableProps) {
  const { t } = useTranslation('app');
  return (
    <section className="recall-section" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('recall.none')}</p>
      ) : (
        <table className="recall-table">
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, index) => (
              // A trace's rows keep their order while shown; bookings have no id of their own.
              <tr key={index}>
                {cells.map((cell, column) => (
                  <td key={headers[column]}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TraceView({ trace }: { trace: LotTrace }) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  const columns = (...keys: RecallColumn[]) => keys.map((key) => t(`recall.columns.${key}`));
  const when = (date: string, time: string) => `${figures.date(date)} ${figures.time(time)}`;
  const deliveredWith = (orderId: number | null) =>
    orderId === null ? t('recall.notDelivered') : t('recall.order', { id: orderId });
  const released = (at: string | null) => (at === null ? '–' : figures.dateTime(at));
  const deliveries =
    trace.activityDeliveries.length + trace.injectionOrders.length + trace.isotopeOrders.length;
  const bookingRows = [...trace.activityDeliveries, ...trace.injectionOrders].flatMap((delivery) =>
    delivery.bookings.map((booking) => [
      `${delivery.customer} – ${delivery.endpoint}`,
      booking.accessionNumber ?? '–',
      booking.study ?? '–',
      booking.location,
      when(booking.startDate, booking.startTime),
    ]),
  );
  return (
    <>
      <p role="status" className="recall-summary">
        {trace.vials.length + trace.isotopeVials.length + deliveries === 0
          ? t('recall.summaryNone', { lot: trace.lot })
          : t('recall.summary', {
              lot: trace.lot,
              count: deliveries,
              customers:
                trace.customers.length === 0 ? t('recall.noCustomers') : trace.customers.join(', '),
            })}
      </p>
      <p className="recall-downloads">
        <a href={recallReportHref(trace.lot, 'pdf')} target="_blank" rel="noreferrer">
          {t('recall.pdf')}
        </a>
        <a href={recallReportHref(trace.lot, 'xlsx')}>{t('recall.excel')}</a>
      </p>
      <TraceTable
        title={t('recall.sections.vials')}
        headers={columns('lot', 'tracer', 'owner', 'filled', 'activity', 'volume', 'deliveredWith')}
        rows={trace.vials.map((vial) => [
          vial.lotNumber,
          vial.tracer ?? '–',
          vial.owner ?? t('recall.qualityControl'),
          when(vial.fillDate, vial.fillTime),
          figures.activity(vial.activity),
          figures.volume(vial.volume),
          deliveredWith(vial.deliveredWithId),
        ])}
      />
      <TraceTable
        title={t('recall.sections.deliveries')}
        headers={columns('destination', 'tracer', 'delivery', 'orders', 'releasedAt', 'releasedBy')}
        rows={trace.activityDeliveries.map((delivery) => [
          `${delivery.customer} – ${delivery.endpoint}`,
          delivery.tracer,
          when(delivery.deliveryDate, delivery.deliveryTime),
          delivery.orders
            .map((order) => `${order.id} (${figures.activity(order.orderedActivity)})`)
            .join(', '),
          released(delivery.releasedAt),
          delivery.releasedBy ?? '–',
        ])}
      />
      <TraceTable
        title={t('recall.sections.injections')}
        headers={columns(
          'order',
          'destination',
          'tracer',
          'delivery',
          'injections',
          'releasedAt',
          'releasedBy',
        )}
        rows={trace.injectionOrders.map((order) => [
          String(order.id),
          `${order.customer} – ${order.endpoint}`,
          order.tracer,
          when(order.deliveryDate, order.deliveryTime),
          figures.count(order.injections),
          released(order.releasedAt),
          order.releasedBy ?? '–',
        ])}
      />
      <TraceTable
        title={t('recall.sections.isotopeVials')}
        headers={columns('batch', 'isotope', 'calibrated', 'activity', 'volume', 'deliveredWith')}
        rows={trace.isotopeVials.map((vial) => [
          vial.batchNumber,
          vial.isotope,
          figures.dateTime(vial.calibratedAt),
          figures.activity(vial.activity),
          figures.volume(vial.volume),
          deliveredWith(vial.deliveredWithId),
        ])}
      />
      <TraceTable
        title={t('recall.sections.isotopeOrders')}
        headers={columns('order', 'destination', 'delivery', 'releasedAt', 'releasedBy')}
        rows={trace.isotopeOrders.map((order) => [
          String(order.id),
          `${order.customer} – ${order.endpoint}`,
          when(order.deliveryDate, order.deliveryTime),
          released(order.releasedAt),
          order.releasedBy ?? '–',
        ])}
      />
      <TraceTable
        title={t('recall.sections.bookings')}
        headers={columns('destination', 'accession', 'study', 'location', 'time')}
        rows={bookingRows}
      />
    </>
  );
}

const ORDER_KINDS: readonly RecallOrderKind[] = ['activity', 'injection', 'isotope'];

/** "Fra en ordre": an order's kind and number → the lots it went out with, each a trace. */
function FromOrder({ onLot }: { onLot: (lot: string) => void }) {
  const { t } = useTranslation('app');
  const [kind, setKind] = useState<RecallOrderKind>('activity');
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [order, setOrder] = useState<{ kind: RecallOrderKind; id: number } | null>(null);
  const lots = useLotsOfOrder(order);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const typed = text.trim();
    const valid = /^[1-9]\d{0,8}$/.test(typed);
    setInvalid(!valid);
    setOrder(valid ? { kind, id: Number(typed) } : null);
  };

  return (
    <section className="recall-from-order" aria-labelledby="recall-from-order">
      <h2 id="recall-from-order">{t('recall.fromOrder')}</h2>
      <form className="recall-form" onSubmit={onSubmit} noValidate>
        <label className="ts-field">
          <span className="ts-field__label">{t('recall.orderKind')}</span>
          <select
            className="ts-input"
            value={kind}
            onChange={(event) => setKind(event.target.value as RecallOrderKind)}
          >
            {ORDER_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`recall.orderKinds.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t('recall.orderId')}
          value={text}
          onChange={setText}
          inputMode="numeric"
          size={10}
          error={invalid ? t('recall.orderIdInvalid') : null}
        />
        <button type="submit" className="ts-button ts-button--light">
          {t('recall.findLots')}
        </button>
      </form>
      {order === null ? null : (
        <QueryResult query={lots}>
          {(found) =>
            found.length === 0 ? (
              <p role="status">{t('recall.orderNotReleased', { id: order.id })}</p>
            ) : (
              <p role="status">
                {t('recall.orderLots', { id: order.id })}{' '}
                {found.map((lot) => (
                  <button
                    key={lot}
                    type="button"
                    className="ts-button ts-button--light recall-lot"
                    onClick={() => onLot(lot)}
                  >
                    {lot}
                  </button>
                ))}
              </p>
            )
          }
        </QueryResult>
      )}
    </section>
  );
}

export default function RecallPage() {
  const { t } = useTranslation('app');
  const [searchParams, setSearchParams] = useSearchParams();
  const lot = searchParams.get('lot')?.trim() || null;
  const [text, setText] = useState(lot ?? '');
  const [missing, setMissing] = useState(false);
  const trace = useLotTrace(lot);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const typed = text.trim();
    setMissing(typed === '');
    if (typed !== '') {
      setSearchParams({ lot: typed });
    }
  };

  return (
    <div className="recall-page">
      <h1>{t('recall.title')}</h1>
      <p>{t('recall.intro')}</p>
      <form className="recall-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('recall.lot')}
          value={text}
          onChange={setText}
          error={missing ? t('recall.lotRequired') : null}
          autoFocus
        />
        <button type="submit" className="ts-button">
          {t('recall.trace')}
        </button>
      </form>
      <FromOrder
        onLot={(found) => {
          setText(found);
          setMissing(false);
          setSearchParams({ lot: found });
        }}
      />
      {lot === null ? null : (
        <QueryResult query={trace}>{(data) => <TraceView trace={data} />}</QueryResult>
      )}
    </div>
  );
}
