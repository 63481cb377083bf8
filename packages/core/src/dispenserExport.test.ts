import { describe, expect, it } from 'vitest';

import {
  DISPENSER_EXPORT_COLUMNS,
  dispenserDuplicateKey,
  missingDispenserColumns,
  parseDispenserRecord,
} from './dispenserExport';

/** A row as the CSV reader gives it: every cell text, plus columns the parser ignores. */
function csvRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    BatchReference: 'PE2I-251020-1',
    Customer: 'petrh',
    CustomerAddress: 'Blegdamsvej 9\n2100 København Ø',
    DateTimeStamp: '20-10-2025 12:37:27',
    DispensedDose: '2929',
    DoseName: 'PE2I',
    RadVolumeDispensed: '3,8',
    Status: 'Completed',
    ValueUnits: 'MBq',
    ...overrides,
  };
}

describe('parseDispenserRecord', () => {
  it('[URS-VIA-002] reads the three PE2I rows of the legacy test', () => {
    const rows = [
      ['20-10-2025 12:37:27', '2929'],
      ['20-10-2025 12:47:51', '5442'],
      ['20-10-2025 12:51:46', '4019'],
    ].map(([DateTimeStamp, DispensedDose]) =>
      parseDispenserRecord(csvRow({ DateTimeStamp, DispensedDose })),
    );
    expect(rows).toEqual([
      {
        ok: true,
        record: {
          batchReference: 'PE2I-251020-1',
          customerShortName: 'petrh',
          fillDate: '2025-10-20',
          fillTime: '12:37:27',
          activity: 2929,
          volume: 3.8,
        },
      },
      expect.objectContaining({
        record: expect.objectContaining({ fillTime: '12:47:51', activity: 5442 }),
      }),
      expect.objectContaining({
        record: expect.objectContaining({ fillTime: '12:51:46', activity: 4019 }),
      }),
    ]);
  });

  it.each([
    ['MBq', 2929, 2929],
    ['mbq', 2929, 2929],
    ['GBq', 1.1, 1100],
    ['GBQ', '2,929', 2929],
    ['kBq', 2929, 2.929],
    [' KBQ ', 1, 0.001],
  ])('[URS-VIA-002] converts ValueUnits %j: %j → %j MBq', (ValueUnits, DispensedDose, activity) => {
    const result = parseDispenserRecord(csvRow({ ValueUnits, DispensedDose }));
    expect(result.ok && result.record.activity).toBe(activity);
  });

  it('[URS-VIA-002] accepts numeric cells (XLSX) and decimal commas or points in dose and volume', () => {
    const result = parseDispenserRecord(csvRow({ DispensedDose: 4019.5, RadVolumeDispensed: 3.8 }));
    expect(result).toMatchObject({ ok: true, record: { activity: 4019.5, volume: 3.8 } });
    const text = parseDispenserRecord(
      csvRow({ DispensedDose: '4019.5', RadVolumeDispensed: '3.8' }),
    );
    expect(text).toEqual(result);
  });

  it('[URS-VIA-002] matches headers trimmed and case-insensitively, also with a byte-order mark', () => {
    const row = {
      '\uFEFFbatchreference': 'PE2I-251020-1',
      ' CUSTOMER ': 'petrh',
      DateTimeStamp: '20-10-2025 12:37:27',
      dispenseddose: '2929',
      RadVolumeDispensed: '3,8',
      ValueUnits: 'MBq',
    };
    expect(parseDispenserRecord(row)).toEqual(parseDispenserRecord(csvRow()));
  });

  it.each([
    ['20-10-2025 12:37:27', '2025-10-20', '12:37:27'],
    ['20.10.2025 12:37:27', '2025-10-20', '12:37:27'],
    ['1-2-2025 8:05', '2025-02-01', '08:05:00'],
    ['2025-10-20 12:37:27', '2025-10-20', '12:37:27'],
    ['2025-10-20T12:37:27.000', '2025-10-20', '12:37:27'],
  ])('[URS-VIA-002] reads DateTimeStamp %j', (DateTimeStamp, fillDate, fillTime) => {
    const result = parseDispenserRecord(csvRow({ DateTimeStamp }));
    expect(result).toMatchObject({ ok: true, record: { fillDate, fillTime } });
  });

  it.each([
    [{ BatchReference: undefined }, 'BatchReference'],
    [{ BatchReference: '   ' }, 'BatchReference'],
    [{ BatchReference: 12345 }, 'BatchReference'],
    [{ BatchReference: `PE2I-251020-${'1'.repeat(30)}` }, 'BatchReference'],
    [{ Customer: '' }, 'Customer'],
    [{ DateTimeStamp: '2025/10/20' }, 'DateTimeStamp'],
    [{ DateTimeStamp: '31-02-2025 12:00:00' }, 'DateTimeStamp'],
    [{ DateTimeStamp: '20-10-2025 24:00:00' }, 'DateTimeStamp'],
    [{ DateTimeStamp: '10/20/25 12:37' }, 'DateTimeStamp'],
    [{ DateTimeStamp: new Date(2025, 9, 20, 12, 37, 27) }, 'DateTimeStamp'],
    [{ DateTimeStamp: 45950.5 }, 'DateTimeStamp'],
    [{ ValueUnits: 'mCi' }, 'ValueUnits'],
    [{ ValueUnits: 'constructor' }, 'ValueUnits'],
    [{ ValueUnits: undefined }, 'ValueUnits'],
    [{ DispensedDose: '' }, 'DispensedDose'],
    [{ DispensedDose: '1.234,5' }, 'DispensedDose'],
    [{ DispensedDose: 0 }, 'DispensedDose'],
    [{ DispensedDose: -5 }, 'DispensedDose'],
    [{ DispensedDose: Number.NaN }, 'DispensedDose'],
    [{ DispensedDose: Number.POSITIVE_INFINITY }, 'DispensedDose'],
    [{ RadVolumeDispensed: 'three' }, 'RadVolumeDispensed'],
    [{ RadVolumeDispensed: null }, 'RadVolumeDispensed'],
  ])('[URS-VIA-002] refuses %o and names the column %s', (overrides, column) => {
    const result = parseDispenserRecord(csvRow(overrides));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(column);
  });

  it('[URS-VIA-002] never throws, whatever it is given', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const inputs: unknown[] = [null, undefined, 'text', 42, [], [1, 2], {}, hostile];
    for (const input of inputs) {
      const result = parseDispenserRecord(input as Record<string, unknown>);
      expect(result.ok).toBe(false);
    }
  });
});

describe('missingDispenserColumns', () => {
  it('[URS-VIA-002] lists nothing for a complete header and each missing required column otherwise', () => {
    expect(missingDispenserColumns([...DISPENSER_EXPORT_COLUMNS, 'Status'])).toEqual([]);
    expect(missingDispenserColumns(['batchreference', ' Customer ', 'DateTimeStamp'])).toEqual([
      'DispensedDose',
      'RadVolumeDispensed',
      'ValueUnits',
    ]);
  });
});

describe('dispenserDuplicateKey', () => {
  const vial = {
    activity: 2929,
    lotNumber: 'PE2I-251020-1',
    volume: 3.8,
    fillDate: '2025-10-20',
    fillTime: '12:37:27',
  };

  it('[URS-VIA-004] is the same for the same activity, lot, volume, fill date and time', () => {
    expect(dispenserDuplicateKey({ ...vial })).toBe(dispenserDuplicateKey(vial));
  });

  it.each([
    ['activity', 2930],
    ['lotNumber', 'PE2I-251020-2'],
    ['volume', 3.9],
    ['fillDate', '2025-10-21'],
    ['fillTime', '12:37:28'],
  ])('[URS-VIA-004] differs when %s differs', (field, value) => {
    expect(dispenserDuplicateKey({ ...vial, [field]: value })).not.toBe(
      dispenserDuplicateKey(vial),
    );
  });

  it('[URS-VIA-004] cannot be fooled by a separator inside the lot number', () => {
    const a = { ...vial, lotNumber: 'A","B' };
    const b = { ...vial, lotNumber: 'A', volume: 3.8 };
    expect(dispenserDuplicateKey(a)).not.toBe(dispenserDuplicateKey(b));
  });

  it('[URS-VIA-004] finds the duplicate row of an import against a stored vial', () => {
    const parsed = parseDispenserRecord(csvRow());
    if (!parsed.ok) {
      throw new Error(parsed.reason);
    }
    const { batchReference, ...rest } = parsed.record;
    expect(dispenserDuplicateKey({ ...rest, lotNumber: batchReference })).toBe(
      dispenserDuplicateKey(vial),
    );
  });
});
