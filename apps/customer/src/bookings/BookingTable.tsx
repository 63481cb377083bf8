/**
 * One tracer's card in "Bookinger" (docs/domain.md): the bookings with masked accession numbers
 * (as the api gives them), study, room, study and injection time, sortable by clicking a
 * header; a checkbox per booking not yet decided (ticked = order, unticked = reject), ✔ for
 * ordered and ✘ for rejected ones; "Bestil" sends the card as one mass order.
 */
import { BookingStatus } from '@tracershop/core';
import type { ParseKeys } from 'i18next';
import { AlertBox, messageOf } from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingSortKey, SortableBooking } from './sortBookings';
import { locationNameOf, sortBookings, studyNameOf } from './sortBookings';

export interface TableBooking extends SortableBooking {
  decisionKey: string;
  injectionTime: string | null;
  status: BookingStatus;
}

export interface BookingTableProps {
  tracerName: string;
  bookings: readonly TableBooking[];
  /** The tracer's deadline still allows ordering. */
  mayOrder: boolean;
  /** Sends the decisions (decision key → order / reject) of the undecided bookings. */
  onOrder(decisions: Record<string, boolean>): Promise<unknown>;
}

const COLUMNS: readonly { key: BookingSortKey; label: ParseKeys<'app'> }[] = [
  { key: 'accession', label: 'bookings.accession' },
  { key: 'study', label: 'bookings.study' },
  { key: 'location', label: 'bookings.location' },
  { key: 'time', label: 'bookings.studyTime' },
];

export function BookingTable({ tracerName, bookings, mayOrder, onOrder }: BookingTableProps) {
  const { t } = useTranslation('app');
  const [sort, setSort] = useState<{ key: BookingSortKey; descending: boolean }>({
    key: 'time',
    descending: false,
  });
  // Bookings not in the map are ticked: the legacy default is to order everything.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const headingId = useId();
  const rows = sortBookings(bookings, sort.key, sort.descending);
  const undecided = bookings.filter((booking) => booking.status === BookingStatus.Initial);

  function sortBy(key: BookingSortKey) {
    setSort((current) => ({
      key,
      descending: current.key === key ? !current.descending : false,
    }));
  }

  function toggle(key: string) {
    setUnticked((current) => {
      const next = new Set(current);
      if (next.has(key)) {
        next.delete(key);
      } else {
        next.add(key);
      }
      return next;
    });
  }

  async function order() {
    if (pending || undecided.length === 0) {
      return;
    }
    setPending(true);
    setFailure(null);
    setDone(false);
    try {
      await onOrder(
        Object.fromEntries(
          undecided.map((booking) => [booking.decisionKey, !unticked.has(booking.decisionKey)]),
        ),
      );
      setDone(true);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="shop-bookings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{tracerName}</h2>
      <table className="shop-table">
        <caption className="ts-visually-hidden">
          {t('bookings.caption', { tracer: tracerName })}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={
                  sort.key === column.key
                    ? sort.descending
                      ? 'descending'
                      : 'ascending'
                    : undefined
                }
              >
                <button
                  type="button"
                  className="shop-table__sort"
                  onClick={() => sortBy(column.key)}
                >
                  {t(column.label)}
                </button>
              </th>
            ))}
            <th scope="col">{t('bookings.injectionTime')}</th>
            <th scope="col">{t('bookings.order')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((booking) => {
            const accession = booking.accessionNumber ?? booking.decisionKey;
            return (
              <tr key={booking.id}>
                <td>{booking.accessionNumber ?? '–'}</td>
                <td>{studyNameOf(booking)}</td>
                <td title={booking.location.code}>{locationNameOf(booking)}</td>
                <td>{booking.startTime.slice(0, 5)}</td>
                <td>{booking.injectionTime?.slice(0, 5) ?? '–'}</td>
                <td>
                  {booking.status === BookingStatus.Initial ? (
                    <input
                      type="checkbox"
                      aria-label={t('bookings.orderBooking', { accession })}
                      checked={!unticked.has(booking.decisionKey)}
                      disabled={!mayOrder || pending}
                      onChange={() => toggle(booking.decisionKey)}
                    />
                  ) : booking.status === BookingStatus.Rejected ? (
                    <span
                      role="img"
                      className="shop-booking-mark shop-booking-mark--rejected"
                      aria-label={t('bookings.rejected')}
                      title={t('bookings.rejected')}
                    >
                      ✘
                    </span>
                  ) : (
                    <span
                      role="img"
                      className="shop-booking-mark shop-booking-mark--ordered"
                      aria-label={t('bookings.ordered')}
                      title={t('bookings.ordered')}
                    >
                      ✔
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {mayOrder ? (
        <button
          type="button"
          className="ts-button"
          disabled={pending || undecided.length === 0}
          aria-busy={pending}
          onClick={() => void order()}
        >
          {t('bookings.submit')}
        </button>
      ) : (
        <AlertBox level="hint">{t('bookings.deadlinePassed')}</AlertBox>
      )}
      {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
      {done && failure === null ? <AlertBox level="hint">{t('bookings.done')}</AlertBox> : null}
    </section>
  );
}
