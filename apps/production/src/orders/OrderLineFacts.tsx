/**
 * What the activity order dialog says about one order beside its ordered MBq: "død ordre" when
 * it carries no activity (core `isDeadOrder`, the api's `dead`), the figure with the
 * endpoint's overhead, what it delivered once released, and who rejected it and when.
 * Every figure is the api's (`orders.productionDay`, from core), only formatted here.
 */
import { localDateTimeOfInstant, MINIMUM_LIVE_ACTIVITY_MBQ } from '@tracershop/core';
import { useFigures } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import type { ProductionOrderLine } from '../productionApi';

export interface OrderLineFactsProps {
  line: ProductionOrderLine;
  timeZone: string;
}

export function OrderLineFacts({ line, timeZone }: OrderLineFactsProps) {
  const { t } = useTranslation('app');
  const figures = useFigures(timeZone);
  // A dead order carries nothing to make: its with-overhead figure would only contradict that.
  const figureTexts = line.dead
    ? []
    : [t('orders.info.withOverhead', { activity: figures.activity(line.withOverhead) })];
  if (line.deliveredWithOrderId !== null) {
    figureTexts.push(t('orders.info.deliveredWith', { id: line.deliveredWithOrderId }));
  } else if (line.deliveredActivity !== null) {
    figureTexts.push(
      t('orders.info.delivered', { activity: figures.activity(line.deliveredActivity) }),
    );
  }
  let rejection: string | null = null;
  if (line.rejectedAt !== null) {
    // The site's wall clock, `'YYYY-MM-DD HH:MM:SS'`: date and time as the dialog shows them.
    const [date = '', time = ''] = localDateTimeOfInstant(line.rejectedAt, timeZone).split(' ');
    rejection = t('orders.info.rejectedBy', {
      name: line.rejectedBy ?? '',
      date: figures.date(date),
      time: figures.time(time),
    });
  }
  const deadWhy = t('orders.info.deadWhy', { minimum: MINIMUM_LIVE_ACTIVITY_MBQ });
  return (
    <>
      {line.dead ? (
        <span className="production-dead-marker" title={deadWhy}>
          {t('orders.info.dead')}
        </span>
      ) : null}
      <span className="production-order-info__facts">
        {[...(line.dead ? [deadWhy] : []), ...figureTexts].join(' · ')}
      </span>
      {rejection === null ? null : (
        <span className="production-order-info__facts">{rejection}</span>
      )}
    </>
  );
}
