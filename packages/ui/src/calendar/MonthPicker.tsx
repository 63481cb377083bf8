/**
 * The month picker of the calendar header (docs/domain.md): the year with ‹ ›, and January to
 * December as a 4×3 grid of Danish abbreviations ("Jan Feb Mar Apr / Maj Jun Jul Aug / Sep
 * Okt Nov Dec"). Choosing a month hands back its 1st; Escape closes without a choice. Opens
 * with focus on the shown month, so the keyboard works at once.
 */
import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface MonthPickerProps {
  /** `'YYYY-MM-DD'`: its month is marked and its year shown first. */
  activeDate: string;
  /** Receives the 1st of the chosen month, `'YYYY-MM-01'`. */
  onSelectMonth(date: string): void;
  onClose(): void;
  id?: string;
}

const ROWS = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
] as const;

export function MonthPicker({ activeDate, onSelectMonth, onClose, id }: MonthPickerProps) {
  const { t } = useTranslation();
  const activeYear = Number(activeDate.slice(0, 4));
  const activeMonth = Number(activeDate.slice(5, 7));
  const [year, setYear] = useState(activeYear);
  const activeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    activeRef.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  return (
    <div
      id={id}
      className="ts-month-picker"
      role="group"
      aria-label={t('calendar.monthPicker')}
      onKeyDown={onKeyDown}
    >
      <div className="ts-month-picker__year">
        <button
          type="button"
          className="ts-calendar__nav"
          aria-label={t('calendar.previousYear')}
          data-testid="prev-year"
          onClick={() => setYear((current) => current - 1)}
        >
          ‹
        </button>
        <span aria-live="polite">{year}</span>
        <button
          type="button"
          className="ts-calendar__nav"
          aria-label={t('calendar.nextYear')}
          data-testid="next-year"
          onClick={() => setYear((current) => current + 1)}
        >
          ›
        </button>
      </div>
      <table className="ts-month-picker__grid" role="presentation">
        <tbody>
          {ROWS.map((row) => (
            <tr key={row[0]}>
              {row.map((month) => {
                const active = year === activeYear && month === activeMonth;
                return (
                  <td key={month}>
                    <button
                      ref={month === activeMonth ? activeRef : undefined}
                      type="button"
                      className={`ts-month-picker__month${active ? ' ts-month-picker__month--active' : ''}`}
                      aria-pressed={active}
                      aria-label={t('calendar.monthOfYear', {
                        month: t(`calendar.months.${month}`),
                        year,
                      })}
                      onClick={() =>
                        onSelectMonth(
                          `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`,
                        )
                      }
                    >
                      {t(`calendar.monthsShort.${month}`)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
