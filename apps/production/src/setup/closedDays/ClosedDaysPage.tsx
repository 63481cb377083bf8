/**
 * "Lukke dage" (docs/domain.md): the production calendar; clicking a day of the shown
 * month closes it or opens it again (`setup.closedDates.toggle`); closed days are dark grey.
 * Days of the neighbouring months and ‹ › only change the month. The closed days of the
 * month are also listed, each with a button that opens it again, so screen readers and the
 * keyboard see the state without colours.
 */
import { DEFAULT_TIME_ZONE } from '@tracershop/core';
import {
  AlertBox,
  messageOf,
  MonthCalendar,
  monthNameKey,
  siteToday,
  useSession,
} from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../session/PageLoading';
import { useClosedDatesAround, useToggleClosedDate } from './closedDaysApi';
import './closedDays.css';

export default function ClosedDaysPage() {
  const session = useSession();
  if (session.data === undefined && session.isPending) {
    return <PageLoading />;
  }
  const timeZone = session.data?.timeZone ?? DEFAULT_TIME_ZONE;
  return <ClosedDaysView today={siteToday(timeZone)} />;
}

export function ClosedDaysView({ today }: { today: string }) {
  const { t } = useTranslation('app');
  const [activeDate, setActiveDate] = useState(today);
  const month = activeDate.slice(0, 7);
  const closedDates = useClosedDatesAround(`${month}-01`);
  const toggle = useToggleClosedDate();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const closed = new Set(closedDates.data ?? []);
  const closedThisMonth = [...closed].filter((date) => date.startsWith(month)).sort();
  const dateLabel = (date: string) =>
    `${Number(date.slice(8, 10))}. ${t(monthNameKey(Number(date.slice(5, 7))), {
      ns: 'translation',
    })} ${date.slice(0, 4)}`;

  const toggleDate = async (date: string) => {
    if (toggle.isPending) {
      return;
    }
    setProblem(null);
    setDone(null);
    try {
      const result = await toggle.mutateAsync({ date });
      setDone(
        t(
          result.closed
            ? 'setupDeliveries.closedDays.closedNow'
            : 'setupDeliveries.closedDays.openedNow',
          {
            date: dateLabel(date),
          },
        ),
      );
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <section className="setup-closed-days" aria-label={t('setup.closedDays')}>
      <div>
        <p>{t('setupDeliveries.closedDays.hint')}</p>
        <MonthCalendar
          activeDate={activeDate}
          coloursOf={(date) =>
            closed.has(date)
              ? { fill: 'unavailable', ring: 'unavailable' }
              : { fill: 'available', ring: 'available' }
          }
          onSelectDate={(date) => {
            setActiveDate(date);
            if (date.startsWith(month) && closedDates.data !== undefined) {
              void toggleDate(date);
            }
          }}
        />
      </div>
      <div>
        {closedDates.error ? (
          <AlertBox level="error">{messageOf(closedDates.error)}</AlertBox>
        ) : null}
        {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
        <p role="status">{done}</p>
        <h2>{t('setupDeliveries.closedDays.listHeading')}</h2>
        {closedDates.data === undefined ? (
          <PageLoading />
        ) : closedThisMonth.length === 0 ? (
          <p>{t('setupDeliveries.closedDays.none')}</p>
        ) : (
          <ul className="setup-closed-days__list">
            {closedThisMonth.map((date) => (
              <li key={date}>
                <span>{dateLabel(date)}</span>{' '}
                <button
                  type="button"
                  className="ts-button ts-button--light"
                  disabled={toggle.isPending}
                  onClick={() => void toggleDate(date)}
                >
                  {t('setupDeliveries.closedDays.reopen', { date: dateLabel(date) })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
