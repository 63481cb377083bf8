/**
 * The head of an activity tracer's day (docs/domain.md): one line per production run, "Kørsel
 * HH:MM: X MBq / Overhead: Y MBq", or, when the tracer is not produced that weekday, the
 * weekdays it is produced on.
 */
import { useFigures, weekdayNameKey } from '@tracershop/ui';
import { formatShortTime } from '@tracershop/core';
import { useTranslation } from 'react-i18next';
import type { ProductionDay } from '../productionApi';

export function RunTotals({ day }: { day: ProductionDay }) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  if (!day.productionWeekdays.includes(day.weekday)) {
    const weekdays = [...day.productionWeekdays]
      .sort((a, b) => a - b)
      .map((weekday) => t(weekdayNameKey(weekday)));
    return (
      <p className="production-runs__none">
        {weekdays.length === 0
          ? t('orders.neverProduced', { tracer: day.tracer.shortname })
          : t('orders.onlyProduced', { tracer: day.tracer.shortname, days: weekdays.join(', ') })}
      </p>
    );
  }
  if (day.runs.length === 0) {
    return null;
  }
  return (
    <ul className="production-runs" aria-label={t('orders.runs')}>
      {day.runs.map((run) => (
        <li key={run.productionId}>
          {t('orders.run', {
            time: formatShortTime(run.productionTime),
            activity: figures.activity(run.orderedActivity),
            overhead: figures.activity(run.withOverhead),
          })}
        </li>
      ))}
    </ul>
  );
}
