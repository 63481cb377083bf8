/**
 * "Der er N ubestilte bookinger:" in "Opret ny ordre" (docs/domain.md): per delivery time, how
 * many of the destination's not yet ordered bookings of the tracer it would deliver and the
 * MBq mass ordering would order for them (core's `previewBookingNeeds`, via the api).
 */
import { useFigures } from '@tracershop/ui';
import { formatShortTime } from '@tracershop/core';
import { useTranslation } from 'react-i18next';
import type { BookingPreview } from '../productionApi';
import { useBookingPreview } from '../productionApi';

export interface UnorderedBookingsListProps {
  preview: BookingPreview;
  /** Delivery time `'HH:MM:SS'` per slot id. */
  slotTimes: ReadonlyMap<number, string>;
}

export function UnorderedBookingsList({ preview, slotTimes }: UnorderedBookingsListProps) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  if (preview.bookings === 0) {
    return null;
  }
  return (
    <section className="production-booking-preview" aria-label={t('orders.bookings.label')}>
      <p>{t('orders.bookings.count', { count: preview.bookings })}</p>
      <ul>
        {preview.slots.map((slot) => (
          <li key={slot.slotId}>
            {t('orders.bookings.slot', {
              time: formatShortTime(slotTimes.get(slot.slotId) ?? ''),
              count: slot.bookings,
              activity: figures.activity(slot.activity),
            })}
          </li>
        ))}
      </ul>
      {preview.unplaced > 0 ? (
        <p>{t('orders.bookings.unplaced', { count: preview.unplaced })}</p>
      ) : null}
    </section>
  );
}

export function UnorderedBookings({
  endpointId,
  tracerId,
  date,
  slotTimes,
}: {
  endpointId: number;
  tracerId: number;
  date: string;
  slotTimes: ReadonlyMap<number, string>;
}) {
  const preview = useBookingPreview(endpointId, tracerId, date);
  return preview.data === undefined ? null : (
    <UnorderedBookingsList preview={preview.data} slotTimes={slotTimes} />
  );
}
