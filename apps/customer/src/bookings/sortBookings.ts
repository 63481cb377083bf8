/** Sorting of a tracer card's bookings by a column header (docs/domain.md; default start time). */

export type BookingSortKey = 'time' | 'accession' | 'study' | 'location';

export interface SortableBooking {
  id: number;
  accessionNumber: string | null;
  startTime: string;
  location: { code: string; name: string | null };
  study: { code: string | null; description: string | null };
}

export function studyNameOf(booking: SortableBooking): string {
  return booking.study.description ?? booking.study.code ?? '';
}

export function locationNameOf(booking: SortableBooking): string {
  return booking.location.name ?? booking.location.code;
}

function keyOf(booking: SortableBooking, key: BookingSortKey): string {
  switch (key) {
    case 'accession':
      return booking.accessionNumber ?? '';
    case 'study':
      return studyNameOf(booking);
    case 'location':
      return locationNameOf(booking);
    default:
      return booking.startTime;
  }
}

/** A sorted copy; ties by start time, then id, so the order is stable. */
export function sortBookings<T extends SortableBooking>(
  bookings: readonly T[],
  key: BookingSortKey,
  descending = false,
): T[] {
  const direction = descending ? -1 : 1;
  return [...bookings].sort(
    (a, b) =>
      direction * keyOf(a, key).localeCompare(keyOf(b, key), 'da') ||
      a.startTime.localeCompare(b.startTime) ||
      a.id - b.id,
  );
}
