/** The telemetry table's order: by any column, either way. */
import type { ProcedureTelemetry } from '../adminApi';

export type Column = keyof ProcedureTelemetry;
export type Direction = 'ascending' | 'descending';

/** Rows by a column; missing times last whichever the direction. */
export function sortTelemetry(
  rows: readonly ProcedureTelemetry[],
  column: Column,
  direction: Direction,
): ProcedureTelemetry[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) {
      return x === y ? 0 : x === null ? 1 : -1;
    }
    if (typeof x === 'string' || typeof y === 'string') {
      return sign * String(x).localeCompare(String(y));
    }
    return sign * (x - y);
  });
}
