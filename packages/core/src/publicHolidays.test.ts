import { describe, expect, it } from 'vitest';
import { danishPublicHolidays, easterSunday } from './publicHolidays';

describe('easterSunday', () => {
  it('finds Easter Sunday of known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2019)).toBe('2019-04-21');
    // The earliest and latest possible dates occur too.
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('refuses a year outside the Gregorian calendar', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2024.5)).toThrow(RangeError);
  });
});

describe('danishPublicHolidays', () => {
  it('lists the eleven holidays of 2025 in date order', () => {
    expect(danishPublicHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Nytårsdag' },
      { date: '2025-04-17', name: 'Skærtorsdag' },
      { date: '2025-04-18', name: 'Langfredag' },
      { date: '2025-04-20', name: 'Påskedag' },
      { date: '2025-04-21', name: '2. påskedag' },
      { date: '2025-05-29', name: 'Kristi himmelfartsdag' },
      { date: '2025-06-08', name: 'Pinsedag' },
      { date: '2025-06-09', name: '2. pinsedag' },
      { date: '2025-12-24', name: 'Juleaftensdag' },
      { date: '2025-12-25', name: 'Juledag' },
      { date: '2025-12-26', name: '2. juledag' },
    ]);
  });

  it('keeps store bededag until 2023 and drops it from 2024', () => {
    expect(danishPublicHolidays(2023)).toContainEqual({
      date: '2023-05-05',
      name: 'Store bededag',
    });
    expect(danishPublicHolidays(2023)).toHaveLength(12);
    expect(danishPublicHolidays(2024).map((holiday) => holiday.name)).not.toContain(
      'Store bededag',
    );
    expect(danishPublicHolidays(2024)).toHaveLength(11);
  });

  it('moves the Easter-bound days with Easter (2026)', () => {
    const dates = danishPublicHolidays(2026).map((holiday) => holiday.date);
    expect(dates).toContain('2026-04-02');
    expect(dates).toContain('2026-05-14');
    expect(dates).toContain('2026-05-25');
  });
});
