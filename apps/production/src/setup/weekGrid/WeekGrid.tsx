/**
 * The weekly grid of the schedule set-up (docs/domain.md): weekday columns Monday to
 * Sunday, one row per hour (06–14, widened to the entries), each delivery or run a button at
 * its weekday and hour. Tones (docs/domain.md): every week light blue, even weeks light green,
 * odd weeks light yellow, production runs light green; the selected entry orange.
 */
import { formatShortTime } from '@tracershop/core';
import { weekdayNameKey } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../scheduleProducts';
import './weekGrid.css';

export type WeekGridTone = 'everyWeek' | 'evenWeeks' | 'oddWeeks' | 'run';

export interface WeekGridEntry {
  id: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  /** `'HH:MM:SS'` */
  time: string;
  tone: WeekGridTone;
  /** Read out after weekday and time, e.g. "Alle Uger". */
  description?: string;
}

export interface WeekGridProps {
  caption: string;
  entries: readonly WeekGridEntry[];
  selectedId: number | null;
  onSelect(id: number): void;
  firstHour?: number;
  lastHour?: number;
}

function hourOf(time: string): number {
  return Number(time.slice(0, 2));
}

export function WeekGrid({
  caption,
  entries,
  selectedId,
  onSelect,
  firstHour = 6,
  lastHour = 14,
}: WeekGridProps) {
  const { t } = useTranslation('app');
  const hoursOfEntries = entries.map((entry) => hourOf(entry.time));
  const from = Math.min(firstHour, ...hoursOfEntries);
  const to = Math.max(lastHour, ...hoursOfEntries);
  const hours = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  const sorted = [...entries].sort((a, b) => a.time.localeCompare(b.time));
  return (
    <table className="setup-week-grid">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('setupDeliveries.grid.hour')}</th>
          {WEEKDAYS.map((weekday) => (
            <th key={weekday} scope="col">
              {t(weekdayNameKey(weekday))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {hours.map((hour) => (
          <tr key={hour}>
            <th scope="row">{`${String(hour).padStart(2, '0')}:00`}</th>
            {WEEKDAYS.map((weekday) => (
              <td key={weekday}>
                {sorted
                  .filter((entry) => entry.weekday === weekday && hourOf(entry.time) === hour)
                  .map((entry) => {
                    const selected = entry.id === selectedId;
                    const label = [
                      t(weekdayNameKey(weekday)),
                      formatShortTime(entry.time),
                      entry.description,
                    ]
                      .filter((part) => part !== undefined && part !== '')
                      .join(' ');
                    return (
                      <button
                        key={entry.id}
                        type="button"
                        className={`setup-week-grid__entry setup-week-grid__entry--${
                          selected ? 'selected' : entry.tone
                        }`}
                        aria-pressed={selected}
                        aria-label={label}
                        title={entry.description}
                        onClick={() => onSelect(entry.id)}
                      >
                        {formatShortTime(entry.time)}
                      </button>
                    );
                  })}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
