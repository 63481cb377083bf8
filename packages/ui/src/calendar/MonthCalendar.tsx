/**
 * The month calendar (docs/domain.md): Monday first, Danish month and day names, each day a
 * circle whose fill and ring show the orders of the day. Clicking a day selects it; ‹ and ›
 * select the 1st of the previous or next month; clicking the title opens the month picker,
 * whose choice selects the 1st of that month. Days are buttons, so the keyboard works.
 */
import { formatDanishDate } from '@tracershop/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthNameKey } from '../i18n/textKeys';
import type { DayColours } from './calendarColours';
import { DAY_COLOURS } from './calendarColours';
import { monthGrid, shiftMonth } from './monthGrid';
import { MonthPicker } from './MonthPicker';

export interface MonthCalendarProps {
  /** The selected date `'YYYY-MM-DD'`; its month is shown. */
  activeDate: string;
  onSelectDate(date: string): void;
  /** Colours of a day; default all light grey. */
  coloursOf?: (date: string) => DayColours;
}

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const DARK: ReadonlySet<string> = new Set(['unavailable', 'rejected']);

function defaultColours(): DayColours {
  return { fill: 'available', ring: 'available' };
}

export function MonthCalendar({
  activeDate,
  onSelectDate,
  coloursOf = defaultColours,
}: MonthCalendarProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const pickerId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const closePicker = () => {
    setPicking(false);
    toggleRef.current?.focus();
  };
  const month = Number(activeDate.slice(5, 7));
  const year = activeDate.slice(0, 4);
  const monthName = t(monthNameKey(month));
  const dateLabel = (date: string) => formatDanishDate(date);
  return (
    <section className="ts-calendar" aria-label={t('calendar.label')}>
      <header className="ts-calendar__header">
        <button
          type="button"
          className="ts-calendar__nav"
          aria-label={t('calendar.previous')}
          onClick={() => onSelectDate(shiftMonth(activeDate, -1))}
        >
          ‹
        </button>
        <h2 className="ts-calendar__title" aria-live="polite">
          <button
            ref={toggleRef}
            type="button"
            className="ts-calendar__toggle"
            data-testid="toggle-picker"
            aria-expanded={picking}
            aria-controls={picking ? pickerId : undefined}
            aria-label={`${t('calendar.monthPicker')}: ${t('calendar.monthOfYear', { month: monthName, year })}`}
            title={t('calendar.monthPicker')}
            onClick={() => setPicking((open) => !open)}
          >
            {t('calendar.monthOfYear', { month: monthName, year })}
          </button>
        </h2>
        <button
          type="button"
          className="ts-calendar__nav"
          aria-label={t('calendar.next')}
          onClick={() => onSelectDate(shiftMonth(activeDate, 1))}
        >
          ›
        </button>
      </header>
      {picking ? (
        <MonthPicker
          id={pickerId}
          activeDate={activeDate}
          onClose={closePicker}
          onSelectMonth={(date) => {
            closePicker();
            onSelectDate(date);
          }}
        />
      ) : (
        <table className="ts-calendar__grid" role="grid">
          <thead>
            <tr>
              {WEEKDAYS.map((weekday) => (
                <th key={weekday} scope="col">
                  {t(`calendar.weekdays.${weekday}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthGrid(activeDate).map((week) => (
              <tr key={week[0]}>
                {week.map((date) => {
                  const colours = coloursOf(date);
                  const active = date === activeDate;
                  const outside = Number(date.slice(5, 7)) !== month;
                  return (
                    <td key={date}>
                      <button
                        type="button"
                        className={[
                          'ts-calendar__day',
                          active ? 'ts-calendar__day--active' : '',
                          outside ? 'ts-calendar__day--outside' : '',
                        ].join(' ')}
                        aria-pressed={active}
                        aria-label={t('calendar.dayLabel', {
                          // The visible day number first: the name holds what the button shows.
                          day: Number(date.slice(8, 10)),
                          date: dateLabel(date),
                          fill: t(`calendar.colours.${colours.fill}`),
                          ring: t(`calendar.colours.${colours.ring}`),
                        })}
                        data-date={date}
                        data-fill={colours.fill}
                        data-ring={colours.ring}
                        style={{
                          backgroundColor: DAY_COLOURS[colours.fill],
                          boxShadow: `0 0 0 4px ${DAY_COLOURS[colours.ring]}`,
                          color: DARK.has(colours.fill) ? '#fff' : '#000',
                        }}
                        onClick={() => onSelectDate(date)}
                      >
                        {Number(date.slice(8, 10))}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
