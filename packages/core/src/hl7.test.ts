import { describe, expect, it } from 'vitest';

import { buildHl7Ack, hl7MessageControlId, parseHl7Orm } from './hl7';

/** Fields of one segment by HL7 number (for MSH: from MSH-3 on). */
type Fields = Record<number, string>;

interface Delims {
  field: string;
  encoding: string;
}

const STANDARD: Delims = { field: '|', encoding: '^~\\&' };

/** One segment: `name|f1|f2|…` with the given fields at their HL7 positions. */
function segment(name: string, fields: Fields, d: Delims = STANDARD): string {
  const last = Math.max(0, ...Object.keys(fields).map(Number));
  const values = Array.from({ length: last }, (_, i) => fields[i + 1] ?? '');
  return [name, ...values].join(d.field);
}

/** An MSH segment; `fields` numbered like HL7 (3 = sending application, …). */
function msh(fields: Fields, d: Delims = STANDARD): string {
  // MSH-1 is the separator itself, so MSH-n sits at position n − 1 after the name.
  const shifted: Fields = { 1: d.encoding };
  for (const [n, value] of Object.entries(fields)) {
    shifted[Number(n) - 1] = value;
  }
  return segment('MSH', shifted, d);
}

interface Order {
  control: string;
  status?: string;
  accession?: string;
  /** ORC-7 component 4. */
  start?: string;
  code?: string;
  description?: string;
  /** OBR-20. */
  obrAccession?: string;
  location?: string;
}

function orc(order: Order, d: Delims = STANDARD): string {
  const c = d.encoding.charAt(0);
  return segment(
    'ORC',
    {
      1: order.control,
      2: 'PLACER1',
      5: order.status ?? 'Scheduled',
      7: order.start === undefined ? '' : `1${c}${c}${c}${order.start}${c}${c}R`,
      20: order.accession ?? '',
    },
    d,
  );
}

function obr(order: Order, d: Delims = STANDARD): string {
  const c = d.encoding.charAt(0);
  return segment(
    'OBR',
    {
      2: 'PLACER1',
      3: 'FILLER1',
      4: `${order.code ?? ''}${c}${order.description ?? ''}`,
      20: order.obrAccession ?? '',
      21: order.location ?? '',
    },
    d,
  );
}

/** An ORM^O01 message (or another type) with one ORC/OBR pair per order. */
function message({
  orders,
  type = 'ORM^O01',
  controlId = 'MSG00001',
  eol = '\r',
  d = STANDARD,
}: {
  orders: Order[];
  type?: string;
  controlId?: string;
  eol?: string;
  d?: Delims;
}): string {
  const head = msh(
    {
      3: 'Sectra',
      4: 'Sectra RIS',
      5: 'IBC-606',
      6: 'Veenstra',
      7: '20240923130613',
      9: type.replaceAll('^', d.encoding.charAt(0)),
      10: controlId,
      11: 'P',
      12: '2.3.1',
    },
    d,
  );
  const pid = segment('PID', { 3: '0101011234', 5: 'Testesen^Test' }, d);
  const pairs = orders.flatMap((order) => [orc(order, d), obr(order, d)]);
  return [head, pid, ...pairs].join(eol) + eol;
}

const FDG: Order = {
  control: 'XO',
  accession: 'REGH02301111',
  start: '20240924081500',
  code: 'WBPCTFDG',
  description: 'PET/CT, FDG hele kroppen – ødem, æble, Århus',
  location: 'KFNM-PET1',
};

/** The Sectra cancel message of the legacy tests (docs/operations.md). */
const SECTRA_CANCEL: Order = {
  control: 'CA',
  status: 'Cancelled',
  accession: 'DKREGH0520210461',
  code: 'WDTPSFCXX_$15[+_$15',
  description: 'PET/CT, NaF Knogle (+)',
  obrAccession: 'DKREGH0023459112',
};

describe('parseHl7Orm', () => {
  it('[URS-INT-001] turns an XO pair into an upsert, keeping latin-1 letters', () => {
    expect(parseHl7Orm(message({ orders: [FDG] }))).toEqual([
      {
        kind: 'upsert',
        accessionNumber: 'REGH02301111',
        locationCode: 'KFNM-PET1',
        procedureCode: 'WBPCTFDG',
        procedureDescription: 'PET/CT, FDG hele kroppen – ødem, æble, Århus',
        startDate: '2024-09-24',
        startTime: '08:15:00',
      },
    ]);
  });

  it('[URS-INT-001] reads the Sectra cancel example as a delete by OBR-20', () => {
    expect(parseHl7Orm(message({ orders: [SECTRA_CANCEL] }))).toEqual([
      { kind: 'delete', accessionNumber: 'DKREGH0023459112' },
    ]);
  });

  it('[URS-INT-001] treats DC like CA', () => {
    const discontinued = { ...SECTRA_CANCEL, control: 'DC' };
    expect(parseHl7Orm(message({ orders: [discontinued] }))).toEqual([
      { kind: 'delete', accessionNumber: 'DKREGH0023459112' },
    ]);
  });

  it('[URS-INT-001] pairs ORC and OBR by position: two pairs, XO and CA mixed, in message order', () => {
    const second: Order = {
      ...FDG,
      accession: 'REGH02302222',
      start: '20240924113000',
      code: 'WBPCTPSMA',
      description: 'PET/CT, PSMA',
      location: 'KFNM-PET2',
    };
    const changes = parseHl7Orm(message({ orders: [FDG, SECTRA_CANCEL, second] }));
    expect(changes.map((change) => [change.kind, change.accessionNumber])).toEqual([
      ['upsert', 'REGH02301111'],
      ['delete', 'DKREGH0023459112'],
      ['upsert', 'REGH02302222'],
    ]);
    expect(changes[2]).toMatchObject({ locationCode: 'KFNM-PET2', startTime: '11:30:00' });
  });

  it('[URS-INT-001] skips an XO pair whose exam has started, keeping the others', () => {
    const started = { ...FDG, accession: 'REGH09999999', status: 'ExamStarted' };
    const changes = parseHl7Orm(message({ orders: [started, FDG] }));
    expect(changes.map((change) => change.accessionNumber)).toEqual(['REGH02301111']);
  });

  it.each([
    ['NW', 0],
    ['SC', 0],
    ['OC', 0],
    ['', 0],
    ['xo ', 1],
  ])('[URS-INT-001] reads order control %j as %i upserts', (control, count) => {
    expect(parseHl7Orm(message({ orders: [{ ...FDG, control }] }))).toHaveLength(count);
  });

  it.each([
    ['202409240815', '2024-09-24', '08:15:00'],
    ['20240229235959', '2024-02-29', '23:59:59'],
    ['20240924081500.1234', '2024-09-24', '08:15:00'],
    ['20240924081500+0200', '2024-09-24', '08:15:00'],
  ])('[URS-INT-001] reads start %j as %s %s', (start, startDate, startTime) => {
    expect(parseHl7Orm(message({ orders: [{ ...FDG, start }] }))).toMatchObject([
      { startDate, startTime },
    ]);
  });

  it.each([
    ['missing', undefined],
    ['date only', '20240924'],
    ['not a calendar date', '20230229081500'],
    ['month 13', '20241301081500'],
    ['hour 24', '20240924240000'],
    ['minute 60', '20240924086000'],
    ['ISO text', '2024-09-24T08:15:00'],
  ])('[URS-INT-001] skips a pair whose start is %s', (_name, start) => {
    expect(parseHl7Orm(message({ orders: [{ ...FDG, start }, SECTRA_CANCEL] }))).toEqual([
      { kind: 'delete', accessionNumber: 'DKREGH0023459112' },
    ]);
  });

  it.each([
    ['accession', { accession: '' }],
    ['location', { location: '' }],
    ['procedure code', { code: '' }],
  ])('[URS-INT-001] skips an upsert without %s', (_name, change) => {
    expect(parseHl7Orm(message({ orders: [{ ...FDG, ...change }] }))).toEqual([]);
  });

  it('[URS-INT-001] skips a delete without OBR-20', () => {
    expect(parseHl7Orm(message({ orders: [{ ...SECTRA_CANCEL, obrAccession: '' }] }))).toEqual([]);
  });

  it('[URS-INT-001] takes the first component of ORC-20 and the first repetition of OBR-21', () => {
    const order = { ...FDG, accession: 'REGH02301111^SECTRA', location: 'KFNM-PET1~KFNM-PET2' };
    expect(parseHl7Orm(message({ orders: [order] }))).toMatchObject([
      { accessionNumber: 'REGH02301111', locationCode: 'KFNM-PET1' },
    ]);
  });

  it('[URS-INT-001] allows an empty procedure description', () => {
    const changes = parseHl7Orm(message({ orders: [{ ...FDG, description: '' }] }));
    expect(changes).toMatchObject([{ procedureCode: 'WBPCTFDG', procedureDescription: '' }]);
  });

  it('[URS-INT-001] decodes HL7 escape sequences in values', () => {
    const description = 'PET\\T\\CT \\F\\ FDG \\S\\ \\XE6F8E5\\ \\H\\bold\\N\\';
    const changes = parseHl7Orm(message({ orders: [{ ...FDG, description }] }));
    expect(changes).toMatchObject([{ procedureDescription: 'PET&CT | FDG ^ æøå bold' }]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('[URS-INT-001] splits segments on %s as well', (_name, eol) => {
    const orders = [FDG, SECTRA_CANCEL];
    expect(parseHl7Orm(message({ orders, eol }))).toEqual(parseHl7Orm(message({ orders })));
  });

  it('[URS-INT-001] takes the delimiters from MSH-1 and MSH-2', () => {
    const d = { field: '#', encoding: '$*%@' };
    const text = message({ orders: [FDG, SECTRA_CANCEL], d });
    expect(text.startsWith('MSH#$*%@#Sectra#')).toBe(true);
    expect(parseHl7Orm(text)).toEqual(parseHl7Orm(message({ orders: [FDG, SECTRA_CANCEL] })));
  });

  it('[URS-INT-001] accepts MLLP framing and an MSH-9 with a message structure', () => {
    const text = `\u000b${message({ orders: [FDG], type: 'ORM^O01^ORM_O01' })}\u001c\r`;
    expect(parseHl7Orm(text)).toHaveLength(1);
  });

  it('[URS-INT-001] zips unequal numbers of ORC and OBR to the shorter', () => {
    const text = message({ orders: [FDG] }) + orc(SECTRA_CANCEL);
    expect(parseHl7Orm(text)).toHaveLength(1);
  });

  it.each(['ADT^A08', 'ORU^R01', 'ORM^O02', 'ORM', 'ACK^O01', ''])(
    '[URS-INT-001] returns nothing for message type %j',
    (type) => {
      expect(parseHl7Orm(message({ orders: [FDG, SECTRA_CANCEL], type }))).toEqual([]);
    },
  );

  it.each([
    ['empty', ''],
    ['only MSH', 'MSH'],
    ['MSH and separator', 'MSH|'],
    ['no MSH', `${orc(FDG)}\r${obr(FDG)}`],
    ['no OBR', message({ orders: [] }) + orc(FDG)],
    ['letter as separator', message({ orders: [FDG], d: { field: 'X', encoding: '^~\\&' } })],
    ['repeated delimiter', message({ orders: [FDG], d: { field: '|', encoding: '^^\\&' } })],
    ['binary junk', String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
    ['junk after MSH', `MSH|^~\\&|${'\u0000\uffff|^~'.repeat(1000)}`],
    ['prose', 'Hello, this is not HL7.\nORC|XO\nOBR|'],
  ])('[URS-INT-001] returns nothing and never throws for %s', (_name, text) => {
    expect(parseHl7Orm(text)).toEqual([]);
  });

  it('[URS-INT-001] never throws for a value that is not a string', () => {
    expect(parseHl7Orm(null as unknown as string)).toEqual([]);
    expect(hl7MessageControlId(7 as unknown as string)).toBeNull();
  });
});

describe('hl7MessageControlId', () => {
  it('[URS-INT-001] is MSH-10, or null when it is missing or the text is not HL7', () => {
    expect(hl7MessageControlId(message({ orders: [FDG], controlId: 'SECTRA42' }))).toBe('SECTRA42');
    expect(hl7MessageControlId(message({ orders: [FDG], controlId: '' }))).toBeNull();
    expect(hl7MessageControlId('garbage')).toBeNull();
    expect(hl7MessageControlId('')).toBeNull();
  });
});

describe('buildHl7Ack', () => {
  const now = '20240923130614';

  it('[URS-INT-001] swaps sender and receiver and echoes the control id, processing id and version', () => {
    const ack = buildHl7Ack({ message: message({ orders: [SECTRA_CANCEL] }), code: 'AA', now });
    expect(ack).toBe(
      'MSH|^~\\&|IBC-606|Veenstra|Sectra|Sectra RIS|20240923130614||' +
        'ACK^O01|MSG00001-ACK|P|2.3.1\r' +
        'MSA|AA|MSG00001\r',
    );
  });

  it('[URS-INT-001] is itself readable HL7 that is not an order', () => {
    const ack = buildHl7Ack({ message: message({ orders: [FDG] }), code: 'AA', now });
    expect(hl7MessageControlId(ack)).toBe('MSG00001-ACK');
    expect(parseHl7Orm(ack)).toEqual([]);
  });

  it('[URS-INT-001] carries an escaped, single-line text for AE and AR', () => {
    const ack = buildHl7Ack({
      message: message({ orders: [FDG] }),
      code: 'AE',
      text: 'Database error | retry\r\nlater ^_^',
      now,
    });
    expect(ack.split('\r')[1]).toBe('MSA|AE|MSG00001|Database error \\F\\ retry later \\S\\_\\S\\');
  });

  it('[URS-INT-001] keeps the delimiters of the original message', () => {
    const d = { field: '#', encoding: '$*%@' };
    const ack = buildHl7Ack({ message: message({ orders: [FDG], d }), code: 'AA', now });
    expect(ack).toBe(
      'MSH#$*%@#IBC-606#Veenstra#Sectra#Sectra RIS#20240923130614##ACK$O01#MSG00001-ACK#P#2.3.1\r' +
        'MSA#AA#MSG00001\r',
    );
  });

  it('[URS-INT-001] uses the trigger event of the original message type', () => {
    const ack = buildHl7Ack({ message: message({ orders: [], type: 'ADT^A08' }), code: 'AA', now });
    expect(ack).toContain('|ACK^A08|');
  });

  it('[URS-INT-001] still builds a rejecting ACK for garbage', () => {
    expect(buildHl7Ack({ message: 'not HL7', code: 'AR', text: 'unreadable', now })).toBe(
      'MSH|^~\\&|||||20240923130614||ACK^O01|20240923130614-ACK|P|2.3.1\rMSA|AR||unreadable\r',
    );
  });

  it('[URS-INT-001] refuses a clock value or code it cannot put in the message', () => {
    const text = message({ orders: [FDG] });
    expect(() => buildHl7Ack({ message: text, code: 'AA', now: '2024-09-23 13:06' })).toThrow(
      RangeError,
    );
    expect(() =>
      buildHl7Ack({ message: text, code: 'OK' as unknown as 'AA', now: '20240923130614' }),
    ).toThrow(RangeError);
  });
});
