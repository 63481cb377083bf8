/**
 * "Booking Oversigt" (docs/domain.md): rooms × hours from `bookings.overview`. A cell shows its
 * studies (or "N undersøgelser" when many); its title (hover) lists each booking's study,
 * start time and accession number as the api gives it (masked). Read-only.
 */
import { formatDanishDate } from '@tracershop/core';
import { AlertBox, messageOf } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import type { BookingOverview } from '../shopApi';
import { useBookingOverview } from '../shopApi';

/** More bookings than this in one cell are counted instead of listed. */
const LISTED_PER_CELL = 2;

export interface BookingOverviewViewProps {
  endpointId: number;
  date: string;
}

type Cell = BookingOverview['cells'][number];

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

export function OverviewCell({ cell }: { cell: Cell | undefined }) {
  const { t } = useTranslation('app');
  if (cell === undefined || cell.bookings.length === 0) {
    return <td />;
  }
  const details = cell.bookings
    .map((booking) =>
      [
        booking.description ?? '',
        booking.startTime.slice(0, 5),
        booking.accessionNumber ?? '',
      ].join(' · '),
    )
    .join('\n');
  return (
    <td title={details}>
      {cell.bookings.length > LISTED_PER_CELL
        ? t('bookingOverview.count', { count: cell.bookings.length })
        : cell.bookings.map((booking) => <div key={booking.id}>{booking.description ?? '–'}</div>)}
    </td>
  );
}

export default function BookingOverviewView({ endpointId, date }: BookingOverviewViewProps) {
  const { t } = useTranslation('app');
  const overview = useBookingOverview(endpointId, date);
  const data = overview.data;
  return (
    <section className="shop-booking-overview" aria-labelledby="booking-overview-title">
      <h1 id="booking-overview-title">
        {t('bookingOverview.title', { date: formatDanishDate(date) })}
      </h1>
      {overview.isError ? <AlertBox level="error">{messageOf(overview.error)}</AlertBox> : null}
      {data === undefined ? (
        overview.isPending ? (
          <p role="status">{t('loading', { ns: 'translation' })}</p>
        ) : null
      ) : data.rooms.length === 0 ? (
        <AlertBox level="hint">{t('bookingOverview.noRooms')}</AlertBox>
      ) : (
        <table className="shop-table shop-table--grid">
          <thead>
            <tr>
              <th scope="col">{t('bookingOverview.hour')}</th>
              {data.rooms.map((room) => (
                <th key={room.id} scope="col" title={room.code}>
                  {room.name ?? room.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.hours.map((hour) => (
              <tr key={hour}>
                <th scope="row">{hourText(hour)}</th>
                {data.rooms.map((room) => (
                  <OverviewCell
                    key={room.id}
                    cell={data.cells.find(
                      (cell) => cell.locationId === room.id && cell.hour === hour,
                    )}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
