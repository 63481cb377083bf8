/**
 * What the vial table shows (docs/domain.md): the rows that pass the filters (a regular
 * expression on the lot number, an owner) in the chosen column order. A click on a column
 * sorts it descending, a second click ascending; by default the newest vial comes first.
 */
import type { VialRow } from './vialsApi';

export type VialColumn =
  'id' | 'lotNumber' | 'fillDate' | 'fillTime' | 'volume' | 'activity' | 'owner' | 'order';

/** The sortable columns, in table order. */
export const VIAL_COLUMNS: readonly VialColumn[] = [
  'id',
  'lotNumber',
  'fillDate',
  'fillTime',
  'volume',
  'activity',
  'owner',
  'order',
];

export interface VialSort {
  column: VialColumn;
  direction: 'ascending' | 'descending';
}

/** Newest first: by fill date and time, then id. */
export const NEWEST_FIRST: VialSort = { column: 'fillDate', direction: 'descending' };

/** The sort after a click on `column`: a new column starts descending, the same one inverts. */
export function nextSort(current: VialSort, column: VialColumn): VialSort {
  if (current.column !== column) {
    return { column, direction: 'descending' };
  }
  return { column, direction: current.direction === 'descending' ? 'ascending' : 'descending' };
}

/** The lot filter as a regular expression (case-insensitive), null when empty, or an error. */
export function lotPatternOf(text: string): { pattern: RegExp | null } | { error: true } {
  if (text === '') {
    return { pattern: null };
  }
  try {
    return { pattern: new RegExp(text, 'i') };
  } catch {
    return { error: true };
  }
}

export interface VialFilter {
  lotPattern: RegExp | null;
  /** Only vials of this customer; null = every owner. */
  customerId: number | null;
}

export function filterVials(vials: readonly VialRow[], filter: VialFilter): VialRow[] {
  return vials.filter(
    (vial) =>
      (filter.customerId === null || vial.customerId === filter.customerId) &&
      (filter.lotPattern === null || filter.lotPattern.test(vial.lotNumber)),
  );
}

const collator = new Intl.Collator('da', { numeric: true, sensitivity: 'base' });

function compareNullable<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null || b === null) {
    // Missing values (no owner, no order) sort as the smallest.
    return a === null ? (b === null ? 0 : -1) : 1;
  }
  return compare(a, b);
}

function compareBy(column: VialColumn, ownerOf: (vial: VialRow) => string | null) {
  return (a: VialRow, b: VialRow): number => {
    switch (column) {
      case 'id':
        return a.id - b.id;
      case 'lotNumber':
        return collator.compare(a.lotNumber, b.lotNumber);
      case 'fillDate':
        return a.fillDate.localeCompare(b.fillDate) || a.fillTime.localeCompare(b.fillTime);
      case 'fillTime':
        return a.fillTime.localeCompare(b.fillTime);
      case 'volume':
        return a.volume - b.volume;
      case 'activity':
        return a.activity - b.activity;
      case 'owner':
        return compareNullable(ownerOf(a), ownerOf(b), (x, y) => collator.compare(x, y));
      case 'order':
        return compareNullable(a.assignedToId, b.assignedToId, (x, y) => x - y);
    }
  };
}

/** The rows in `sort` order; ties by id in the same direction, so the order is stable. */
export function sortVials(
  vials: readonly VialRow[],
  sort: VialSort,
  ownerOf: (vial: VialRow) => string | null,
): VialRow[] {
  const compare = compareBy(sort.column, ownerOf);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...vials].sort((a, b) => sign * (compare(a, b) || a.id - b.id));
}
