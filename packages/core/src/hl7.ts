/**
 * HL7 v2 `ORM^O01` messages from the RIS (docs/operations.md,
 * docs/domain.md). The MLLP listener decodes the bytes as latin-1, strips the
 * framing and passes the text here; it ACKs with `buildHl7Ack` after its transaction commits.
 *
 * Field numbering follows HL7: for MSH, MSH-1 is the field separator itself and MSH-2 the
 * encoding characters; for every other segment, field 1 is the first one after the name.
 */
import { dateAndTimeFromParts } from './calendar';

/** Create or update the booking with this accession number (status back to Initial). */
export interface Hl7BookingUpsert {
  kind: 'upsert';
  /** ORC-20, first component. */
  accessionNumber: string;
  /** OBR-21, first component: the RIS room (a Location's `locationCode`). */
  locationCode: string;
  /** OBR-4 component 1 (a ProcedureIdentifier's `code`). */
  procedureCode: string;
  /** OBR-4 component 2 (a ProcedureIdentifier's `description`); `''` when absent. */
  procedureDescription: string;
  /** ORC-7 component 4, date part: `'YYYY-MM-DD'`. */
  startDate: string;
  /** ORC-7 component 4, time part: `'HH:MM:SS'`. */
  startTime: string;
}

/** Delete the booking with this accession number. */
export interface Hl7BookingDelete {
  kind: 'delete';
  /** OBR-20, first component. */
  accessionNumber: string;
}

/** What one ORC/OBR pair of an `ORM^O01` message asks for. */
export type Hl7BookingChange = Hl7BookingUpsert | Hl7BookingDelete;

/** MSA-1 acknowledgement codes: accept, error, reject. */
export type Hl7AckCode = 'AA' | 'AE' | 'AR';

/** Arguments of `buildHl7Ack`. */
export interface Hl7AckInput {
  /** The message being acknowledged (may be garbage: then a generic ACK is built). */
  message: string;
  code: Hl7AckCode;
  /** MSA-3 text message, e.g. why a message was refused. */
  text?: string;
  /** The current local time `'YYYYMMDDHHMMSS'` (MSH-7 of the ACK); the caller reads the clock. */
  now: string;
}

interface Delimiters {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

interface ParsedMessage {
  delimiters: Delimiters;
  /** The raw encoding characters (MSH-2) as sent. */
  encoding: string;
  /** `msh[n]` is MSH-n as raw text (`msh[1]` the field separator, `msh[2]` MSH-2). */
  msh: string[];
  /** The segments after MSH up to the next MSH; `segment[n]` is field n as raw text. */
  segments: string[][];
}

const DEFAULT_ENCODING = '^~\\&';
const DEFAULT_DELIMITERS: Delimiters = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};
const DEFAULT_VERSION = '2.3.1';
const DEFAULT_PROCESSING_ID = 'P';
const ACK_CODES: readonly string[] = ['AA', 'AE', 'AR'];

/**
 * TS value `YYYYMMDDHHMM[SS[.S…]][±ZZZZ]`. An offset is ignored: the RIS and the site share
 * a wall clock, and bookings are stored as local date and time.
 */
const TIMESTAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d{1,4})?(?:[+-]\d{4})?$/;

/**
 * The booking changes of one HL7 message, one per ORC/OBR pair (paired by position), in
 * message order. Only `ORM^O01` counts; any other type, garbage or an empty text gives `[]`.
 * ORC-1 `XO` with ORC-5 ≠ `ExamStarted` → upsert; ORC-1 `DC` or `CA` → delete by OBR-20.
 * A pair is skipped when it lacks what its change needs: accession number, location code,
 * procedure code and a readable ORC-7 start (date and time). Never throws.
 */
export function parseHl7Orm(text: string): Hl7BookingChange[] {
  const message = parseMessage(text);
  if (message === null) {
    return [];
  }
  const { delimiters: d, msh, segments } = message;
  const type = msh[9] ?? '';
  if (
    componentOf(type, 1, d).toUpperCase() !== 'ORM' ||
    componentOf(type, 2, d).toUpperCase() !== 'O01'
  ) {
    return [];
  }
  const orcs = segments.filter((segment) => segment[0] === 'ORC');
  const obrs = segments.filter((segment) => segment[0] === 'OBR');
  const changes: Hl7BookingChange[] = [];
  for (let index = 0; index < Math.min(orcs.length, obrs.length); index += 1) {
    const change = changeOf(orcs[index] as string[], obrs[index] as string[], d);
    if (change !== null) {
      changes.push(change);
    }
  }
  return changes;
}

/** MSH-10, the message control id the ACK must echo; `null` for garbage or when absent. */
export function hl7MessageControlId(text: string): string | null {
  const message = parseMessage(text);
  if (message === null) {
    return null;
  }
  const id = componentOf(message.msh[10] ?? '', 1, message.delimiters);
  return id === '' ? null : id;
}

/**
 * An ACK for `message`: MSH with the sending and receiving application and facility swapped,
 * MSH-9 `ACK^<trigger>` (`ACK^O01` for an order), MSH-10 the original id + `-ACK`, the original
 * processing id and version, and `MSA|code|original control id|text`. The original's
 * delimiters are kept. Segments end with a carriage return; MLLP framing is the caller's.
 * Throws a RangeError for an unknown code or a `now` that is not `'YYYYMMDDHHMMSS'`.
 */
export function buildHl7Ack({ message, code, text, now }: Hl7AckInput): string {
  if (!ACK_CODES.includes(code)) {
    throw new RangeError(`Not an HL7 acknowledgement code: ${JSON.stringify(code)}`);
  }
  if (typeof now !== 'string' || !/^\d{14}$/.test(now)) {
    throw new RangeError(`now must be YYYYMMDDHHMMSS, got ${JSON.stringify(now)}`);
  }
  const parsed = parseMessage(message);
  const d = parsed?.delimiters ?? DEFAULT_DELIMITERS;
  const encoding = parsed?.encoding ?? DEFAULT_ENCODING;
  const msh = parsed?.msh ?? [];
  const raw = (n: number): string => msh[n] ?? '';
  const controlId = componentOf(raw(10), 1, d);
  const trigger = componentOf(raw(9), 2, d) || 'O01';
  const mshFields = [
    raw(5),
    raw(6),
    raw(3),
    raw(4),
    now,
    '',
    `ACK${d.component}${escapeText(trigger, d)}`,
    escapeText(`${controlId || now}-ACK`, d),
    raw(11) || DEFAULT_PROCESSING_ID,
    raw(12) || DEFAULT_VERSION,
  ];
  const msaFields = ['MSA', code, escapeText(controlId, d)];
  if (text !== undefined && text !== '') {
    msaFields.push(escapeText(text.replace(/[\r\n]+/g, ' '), d));
  }
  const header = ['MSH', encoding, ...mshFields].join(d.field);
  return `${header}\r${msaFields.join(d.field)}\r`;
}

function changeOf(orc: string[], obr: string[], d: Delimiters): Hl7BookingChange | null {
  const control = componentOf(orc[1] ?? '', 1, d).toUpperCase();
  if (control === 'DC' || control === 'CA') {
    const accessionNumber = componentOf(obr[20] ?? '', 1, d);
    return accessionNumber === '' ? null : { kind: 'delete', accessionNumber };
  }
  if (control !== 'XO' || componentOf(orc[5] ?? '', 1, d).toLowerCase() === 'examstarted') {
    return null;
  }
  const accessionNumber = componentOf(orc[20] ?? '', 1, d);
  const locationCode = componentOf(obr[21] ?? '', 1, d);
  const procedureCode = componentOf(obr[4] ?? '', 1, d);
  const start = timestampOf(componentOf(orc[7] ?? '', 4, d));
  if (accessionNumber === '' || locationCode === '' || procedureCode === '' || start === null) {
    return null;
  }
  return {
    kind: 'upsert',
    accessionNumber,
    locationCode,
    procedureCode,
    procedureDescription: componentOf(obr[4] ?? '', 2, d),
    startDate: start.date,
    startTime: start.time,
  };
}

function parseMessage(text: string): ParsedMessage | null {
  if (typeof text !== 'string') {
    return null;
  }
  // MLLP framing bytes (VT, FS) never belong to the content.
  const lines = text
    .replaceAll('\u000b', '')
    .replaceAll('\u001c', '')
    .split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => line.startsWith('MSH'));
  const mshLine = start < 0 ? undefined : lines[start];
  if (mshLine === undefined || mshLine.length < 4) {
    return null;
  }
  const field = mshLine.charAt(3);
  const parts = mshLine.split(field);
  const encoding = parts[1] || DEFAULT_ENCODING;
  const delimiters = delimitersOf(field, encoding);
  if (delimiters === null) {
    return null;
  }
  const segments: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('MSH')) {
      break;
    }
    if (line.trim() !== '') {
      const fields = line.split(field);
      fields[0] = (fields[0] ?? '').trim();
      segments.push(fields);
    }
  }
  return { delimiters, encoding, msh: ['MSH', field, ...parts.slice(1)], segments };
}

/**
 * The delimiters of MSH-1 and MSH-2, or null when they are not distinct non-alphanumeric
 * characters. A fifth encoding character (v2.7 truncation) is allowed and not used.
 */
function delimitersOf(field: string, encoding: string): Delimiters | null {
  const [component = '^', repetition = '~', escape = '\\', subcomponent = '&'] = encoding;
  const all = [field, component, repetition, escape, subcomponent, ...encoding.slice(4)];
  const usable = all.every((char) => char.length === 1 && !/[\sA-Za-z0-9]/.test(char));
  if (encoding.length > 5 || !usable || new Set(all).size !== all.length) {
    return null;
  }
  return { field, component, repetition, escape, subcomponent };
}

/** Component `n` (1-based) of a raw field's first repetition: first subcomponent, unescaped. */
function componentOf(field: string, n: number, d: Delimiters): string {
  const repetition = field.split(d.repetition)[0] ?? '';
  const component = repetition.split(d.component)[n - 1] ?? '';
  return unescapeText(component.split(d.subcomponent)[0] ?? '', d).trim();
}

/** Decodes `\F\`, `\S\`, `\T\`, `\R\`, `\E\` and `\Xhh…\`; formatting sequences are dropped. */
function unescapeText(text: string, d: Delimiters): string {
  if (!text.includes(d.escape)) {
    return text;
  }
  const e = regexQuote(d.escape);
  return text.replace(new RegExp(`${e}([^${e}]*)${e}`, 'g'), (_match, code: string) => {
    switch (code) {
      case 'F':
        return d.field;
      case 'S':
        return d.component;
      case 'T':
        return d.subcomponent;
      case 'R':
        return d.repetition;
      case 'E':
        return d.escape;
      case '.br':
        return ' ';
      default:
        if (/^X(?:[0-9A-Fa-f]{2})+$/.test(code)) {
          // Bytes of the message's character set, which is latin-1 for this RIS.
          return (code.slice(1).match(/../g) ?? [])
            .map((hex) => String.fromCharCode(parseInt(hex, 16)))
            .join('');
        }
        return '';
    }
  });
}

/** Encodes delimiter characters in a text value as HL7 escape sequences. */
function escapeText(text: string, d: Delimiters): string {
  let out = '';
  for (const char of text) {
    if (char === d.escape) {
      out += `${d.escape}E${d.escape}`;
    } else if (char === d.field) {
      out += `${d.escape}F${d.escape}`;
    } else if (char === d.component) {
      out += `${d.escape}S${d.escape}`;
    } else if (char === d.subcomponent) {
      out += `${d.escape}T${d.escape}`;
    } else if (char === d.repetition) {
      out += `${d.escape}R${d.escape}`;
    } else {
      out += char;
    }
  }
  return out;
}

function regexQuote(char: string): string {
  return char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function timestampOf(value: string): { date: string; time: string } | null {
  const match = TIMESTAMP.exec(value);
  if (!match) {
    return null;
  }
  const [, year, month, day, hours, minutes, seconds] = match;
  return dateAndTimeFromParts({ year, month, day, hours, minutes, seconds });
}
