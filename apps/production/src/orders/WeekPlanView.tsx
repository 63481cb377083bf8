/**
 * "Uge plan" (docs/domain.md): the active date's week, weekday columns with orders and hour
 * rows, each cell "<tracer>: X MBq" / "<tracer>: N injektioner", tinted by the least
 * progressed status of its orders (light red, yellow, green). Read-only.
 */
import { useFigures, weekdayNameKey } from '@tracershop/ui';
import { isoWeekOf, OrderStatus, weekdayOf } from '@tracershop/core';
import { useTranslation } from 'react-i18next';
import type { WeekPlanCatalog, WeekPlanOrders } from './weekPlan';
import { buildWeekPlan } from './weekPlan';

export interface WeekPlanViewProps {
  catalog: WeekPlanCatalog;
  /** The production window's orders; undefined while loading. */
  orders: WeekPlanOrders | undefined;
  date: string;
}

const TINT: Record<OrderStatus, string> = {
  [OrderStatus.Ordered]: 'ordered',
  [OrderStatus.Accepted]: 'accepted',
  [OrderStatus.Released]: 'released',
  [OrderStatus.Rejected]: 'rejected',
};

export function WeekPlanView({ catalog, orders, date }: WeekPlanViewProps) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  const heading = t('orders.week.title', { week: isoWeekOf(date) });
  if (orders === undefined) {
    return <p role="status">{t('loading', { ns: 'translation' })}</p>;
  }
  const plan = buildWeekPlan(catalog, orders, date);
  return (
    <section className="production-week" aria-label={heading}>
      <h2>{heading}</h2>
      {plan.days.length === 0 ? (
        <p>{t('orders.week.empty')}</p>
      ) : (
        <table className="production-table production-week__grid">
          <thead>
            <tr>
              <th scope="col">{t('orders.week.hour')}</th>
              {plan.days.map((day) => (
                <th key={day} scope="col">
                  {t(weekdayNameKey(weekdayOf(day)))} {Number(day.slice(8, 10))}/
                  {Number(day.slice(5, 7))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.hours.map((hour) => (
              <tr key={hour}>
                <th scope="row">{`${String(hour).padStart(2, '0')}:00`}</th>
                {plan.days.map((day) => {
                  const cell = plan.cell(day, hour);
                  return (
                    <td
                      key={day}
                      className={
                        cell.status === null
                          ? undefined
                          : `production-week__cell--${TINT[cell.status]}`
                      }
                      data-status={cell.status ?? undefined}
                    >
                      {cell.entries.map((entry) => (
                        <div key={`${entry.kind}-${entry.tracerId}`}>
                          {entry.kind === 'activity'
                            ? t('orders.week.activity', {
                                tracer: entry.tracerName,
                                activity: figures.activity(entry.amount),
                              })
                            : t('orders.week.injections', {
                                tracer: entry.tracerName,
                                count: entry.amount,
                              })}
                        </div>
                      ))}
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
