/**
 * "Bookinger" (docs/domain.md): the destination's bookings of the day from
 * `bookings.byEndpointDate`, one card per tracer with "Bestil" (one mass order with a fresh
 * client key; the api's Danish refusal is shown on the card), and the studies not set up.
 * The orders appear on Ordreoversigt by the live events (and the refresh after the write).
 */
import { formatDanishDate } from '@tracershop/core';
import { AlertBox, messageOf, useClientKeys } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import { useEndpointBookings, useMassOrder } from '../shopApi';
import { BookingTable } from './BookingTable';

export interface BookingsViewProps {
  endpointId: number;
  date: string;
}

export default function BookingsView({ endpointId, date }: BookingsViewProps) {
  const { t } = useTranslation('app');
  const bookings = useEndpointBookings(endpointId, date);
  const massOrder = useMassOrder();
  const clientKeys = useClientKeys();
  const data = bookings.data;
  return (
    <section className="shop-bookings" aria-labelledby="bookings-title">
      <h1 id="bookings-title">{t('bookings.title', { date: formatDanishDate(date) })}</h1>
      {bookings.isError ? <AlertBox level="error">{messageOf(bookings.error)}</AlertBox> : null}
      {data === undefined ? (
        bookings.isPending ? (
          <p role="status">{t('loading', { ns: 'translation' })}</p>
        ) : null
      ) : data.tracers.length === 0 && data.unconfigured.bookings.length === 0 ? (
        <AlertBox level="hint">{t('bookings.none')}</AlertBox>
      ) : (
        <>
          {data.tracers.map((group) => (
            <BookingTable
              // A new key after the bookings change resets the ticks of the card.
              key={`${group.tracer.id}/${group.bookings.map((row) => row.status).join('')}`}
              tracerName={group.tracer.shortname}
              bookings={group.bookings}
              mayOrder={group.ordering.mayOrder}
              onOrder={(decisions) =>
                clientKeys.send(`massOrder/${endpointId}/${date}/${group.tracer.id}`, (clientKey) =>
                  massOrder.mutateAsync({ endpointId, date, decisions, clientKey }),
                )
              }
            />
          ))}
          {data.unconfigured.bookings.length === 0 ? null : (
            <details className="shop-bookings-card">
              <summary>
                {t('bookings.unconfigured')} ({data.unconfigured.bookings.length})
              </summary>
              <ul>
                {data.unconfigured.studies.map((study) => (
                  <li key={study}>{study}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
