/**
 * Danish public holidays (helligdage), the days a hospital cyclotron unit closes for ordering.
 * Pure calendar arithmetic: the movable feasts hang off Easter Sunday.
 */
import { addDays } from './calendar';

/** One public holiday: its date and its Danish name. */
export interface PublicHoliday {
  /** `'YYYY-MM-DD'` */
  date: string;
  /** The Danish name, as the users know the day. */
  name: string;
}

/** The last year store bededag was a public holiday (abolished by law from 2024). */
const LAST_YEAR_WITH_STORE_BEDEDAG = 2023;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher), as `'YYYY-MM-DD'`.
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`easterSunday needs a Gregorian year 1583–9999, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The Danish public holidays of `year`, in date order: nytårsdag, skærtorsdag, langfredag,
 * påskedag, 2. påskedag, store bededag (until 2023), Kristi himmelfartsdag, pinsedag,
 * 2. pinsedag, juleaftensdag, juledag and 2. juledag.
 */
export function danishPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [
    { date: `${year}-01-01`, name: 'Nytårsdag' },
    { date: addDays(easter, -3), name: 'Skærtorsdag' },
    { date: addDays(easter, -2), name: 'Langfredag' },
    { date: easter, name: 'Påskedag' },
    { date: addDays(easter, 1), name: '2. påskedag' },
  ];
  if (year <= LAST_YEAR_WITH_STORE_BEDEDAG) {
    holidays.push({ date: addDays(easter, 26), name: 'Store bededag' });
  }
  holidays.push(
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag' },
    { date: addDays(easter, 49), name: 'Pinsedag' },
    { date: addDays(easter, 50), name: '2. pinsedag' },
    { date: `${year}-12-24`, name: 'Juleaftensdag' },
    { date: `${year}-12-25`, name: 'Juledag' },
    { date: `${year}-12-26`, name: '2. juledag' },
  );
  return holidays;
}
