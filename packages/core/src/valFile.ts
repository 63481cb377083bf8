/**
 * Dispenser VAL text files (docs/operations.md, docs/domain.md):
 * one `key: value` per line, unknown keys ignored. The watcher reads the file as ISO-8859-1
 * and hands the decoded text here; deciding owner and tracer is the caller's job.
 */
import { toPlainDate } from './calendar';

/** What a VAL file says about one vial; each field is `null` when missing or unreadable. */
export interface ValFile {
  /** The integer before the first dash of `customer:` (the customer's `dispenserId`). */
  dispenserId: number | null;
  /** `charge:` as written (validating it as a lot number is the caller's job). */
  lotNumber: string | null;
  /** `filldate:` `DD.MM.YY` → `'20YY-MM-DD'`. */
  fillDate: string | null;
  /** `filltime:` → `'HH:MM:SS'`. */
  fillTime: string | null;
  /** `activity:` in MBq. */
  activity: number | null;
  /** `volume:` in ml. */
  volume: number | null;
}

/** A lot number column is varchar(32) (docs/domain.md); longer text is not a lot. */
const MAX_LOT_LENGTH = 32;

const LINE = /^\s*([A-Za-z_]\w*)\s*:(.*)$/;
const CUSTOMER = /^(\d{1,9})\s*-/;
const CHARGE = /^[A-Za-z0-9_-]+$/;
const FILL_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/;
const FILL_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ACTIVITY = /^(\d+(?:[.,]\d+)?)\s*MBq\s*;?$/i;
const VOLUME = /^(\d+(?:[.,]\d+)?)\s*ml\s*;?$/i;

/**
 * Reads a dispenser VAL file. Never throws: garbage, binary junk or an empty text gives a
 * result whose fields are all `null`. CRLF/CR line endings, a byte-order mark, extra spaces and
 * upper-case keys are accepted; the first occurrence of a key wins.
 */
export function parseValFile(text: string): ValFile {
  const result: ValFile = {
    dispenserId: null,
    lotNumber: null,
    fillDate: null,
    fillTime: null,
    activity: null,
    volume: null,
  };
  if (typeof text !== 'string') {
    return result;
  }
  const values = new Map<string, string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const match = LINE.exec(line);
    if (match) {
      const key = (match[1] as string).toLowerCase();
      if (!values.has(key)) {
        values.set(key, (match[2] as string).trim());
      }
    }
  }
  result.dispenserId = readDispenserId(values.get('customer'));
  result.lotNumber = readLotNumber(values.get('charge'));
  result.fillDate = readFillDate(values.get('filldate'));
  result.fillTime = readFillTime(values.get('filltime'));
  result.activity = readNumber(ACTIVITY, values.get('activity'));
  result.volume = readNumber(VOLUME, values.get('volume'));
  return result;
}

function readDispenserId(value: string | undefined): number | null {
  const match = value === undefined ? null : CUSTOMER.exec(value);
  return match ? Number(match[1]) : null;
}

function readLotNumber(value: string | undefined): string | null {
  if (value === undefined || value.length > MAX_LOT_LENGTH || !CHARGE.test(value)) {
    return null;
  }
  return value;
}

/** `DD.MM.YY` (any of `.`, `/`, `-` as separator; a four-digit year is taken as written). */
function readFillDate(value: string | undefined): string | null {
  const match = value === undefined ? null : FILL_DATE.exec(value);
  if (!match) {
    return null;
  }
  const year = (match[3] as string).length === 2 ? `20${match[3]}` : (match[3] as string);
  const date = `${year}-${pad2(match[2] as string)}-${pad2(match[1] as string)}`;
  try {
    return toPlainDate(date).toString();
  } catch {
    return null;
  }
}

/** `HH:MM:SS` (a one-digit hour and a missing `:SS` are tolerated). */
function readFillTime(value: string | undefined): string | null {
  const match = value === undefined ? null : FILL_TIME.exec(value);
  if (!match) {
    return null;
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? '0');
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return null;
  }
  return `${pad2(match[1] as string)}:${match[2]}:${pad2(match[3] ?? '0')}`;
}

function readNumber(pattern: RegExp, value: string | undefined): number | null {
  const match = value === undefined ? null : pattern.exec(value);
  if (!match) {
    return null;
  }
  const number = Number((match[1] as string).replace(',', '.'));
  return Number.isFinite(number) ? number : null;
}

function pad2(digits: string): string {
  return digits.padStart(2, '0');
}
