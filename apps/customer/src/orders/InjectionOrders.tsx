/**
 * "Injektionordre": the destination's injection orders of the day and, while the injection
 * deadline allows and the catalogue has injection tracers, a blank card for a new one.
 */
import { useClientKeys } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import type { ShopInjectionOrder } from '../shopApi';
import { useInjectionOrderWrites } from '../shopApi';
import { InjectionOrderCard } from './InjectionOrderCard';

export interface InjectionOrdersProps {
  endpointId: number;
  date: string;
  orders: readonly ShopInjectionOrder[];
  tracers: readonly { id: number; shortname: string }[];
  mayOrder: boolean;
  timeZone: string;
}

export function InjectionOrders({
  endpointId,
  date,
  orders,
  tracers,
  mayOrder,
  timeZone,
}: InjectionOrdersProps) {
  const { t } = useTranslation('app');
  const writes = useInjectionOrderWrites();
  const clientKeys = useClientKeys();
  const offerNew = mayOrder && tracers.length > 0;
  if (orders.length === 0 && !offerNew) {
    return null;
  }
  const tracerName = new Map(tracers.map((tracer) => [tracer.id, tracer.shortname]));
  return (
    <section className="shop-injections" aria-labelledby="injections-title">
      <h2 id="injections-title">{t('injection.title')}</h2>
      {orders.map((order) => (
        <InjectionOrderCard
          key={`${order.id}/${order.status}/${order.injections}/${order.deliveryTime}/${order.tracerUsage}/${order.comment ?? ''}`}
          order={order}
          // A tracer no longer in the catalogue still names the stored order.
          tracers={
            tracerName.has(order.tracerId)
              ? tracers
              : [...tracers, { id: order.tracerId, shortname: `#${order.tracerId}` }]
          }
          mayOrder={mayOrder}
          timeZone={timeZone}
          onSave={(id, values) =>
            writes.edit.mutateAsync({
              id,
              injections: values.injections,
              deliveryTime: values.deliveryTime,
              tracerUsage: values.tracerUsage,
              comment: values.comment === '' ? null : values.comment,
            })
          }
          onDelete={(id) => writes.remove.mutateAsync({ id })}
        />
      ))}
      {offerNew ? (
        <InjectionOrderCard
          tracers={tracers}
          mayOrder
          timeZone={timeZone}
          onCreate={(values) =>
            clientKeys.send(`injection/${endpointId}/${date}`, (clientKey) =>
              writes.create.mutateAsync({
                endpointId,
                tracerId: values.tracerId,
                deliveryDate: date,
                deliveryTime: values.deliveryTime,
                injections: values.injections,
                tracerUsage: values.tracerUsage,
                comment: values.comment === '' ? null : values.comment,
                clientKey,
              }),
            )
          }
        />
      ) : null}
    </section>
  );
}
