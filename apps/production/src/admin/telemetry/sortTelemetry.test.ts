import { describe, expect, it } from 'vitest';
import { sortTelemetry } from './sortTelemetry';

const rows = [
  { procedure: 'orders.productionDay', calls: 40, failures: 0, meanMs: 12.5, p95Ms: 30 },
  { procedure: 'auth.login', calls: 3, failures: 1, meanMs: null, p95Ms: null },
  { procedure: 'admin.auditTrail', calls: 7, failures: 0, meanMs: 4, p95Ms: 9 },
];

describe('sortTelemetry', () => {
  it('[URS-PRF-009] sorts by numbers and by name, either way', () => {
    expect(sortTelemetry(rows, 'calls', 'descending').map((row) => row.calls)).toEqual([40, 7, 3]);
    expect(sortTelemetry(rows, 'procedure', 'ascending').map((row) => row.procedure)).toEqual([
      'admin.auditTrail',
      'auth.login',
      'orders.productionDay',
    ]);
  });

  it('[URS-PRF-009] puts missing times last in both directions', () => {
    expect(sortTelemetry(rows, 'meanMs', 'ascending').map((row) => row.meanMs)).toEqual([
      4,
      12.5,
      null,
    ]);
    expect(sortTelemetry(rows, 'meanMs', 'descending').map((row) => row.meanMs)).toEqual([
      12.5,
      4,
      null,
    ]);
  });
});
