/** Production-day cards for component tests, shaped like `orders.productionDay`'s output. */
import { OrderStatus, WeeklyRepeat } from '@tracershop/core';
import type { ProductionOrderLine, ProductionSlotCard, SlotVials } from '../productionApi';

type Order = ProductionOrderLine['order'];
type Summary = ProductionSlotCard['summary'];

export function orderLine(
  fields: Partial<Order> & { id: number },
  line: Partial<Omit<ProductionOrderLine, 'order'>> = {},
): ProductionOrderLine {
  const order: Order = {
    orderedActivity: 300,
    deliveryDate: '2026-12-02',
    status: OrderStatus.Ordered,
    comment: null,
    orderedTimeSlotId: 1,
    movedToTimeSlotId: null,
    orderedById: null,
    orderedByName: null,
    freedAt: null,
    freedById: null,
    freedByName: null,
    ...fields,
  };
  return {
    order,
    activeSlotId: order.movedToTimeSlotId ?? order.orderedTimeSlotId,
    movedToTime: null,
    withoutOverhead: 310.7,
    withOverhead: 388.4,
    dead: false,
    ...line,
  };
}

export function slotCard(
  orders: ProductionOrderLine[],
  summary: Partial<Summary> = {},
  fields: Partial<Omit<ProductionSlotCard, 'summary' | 'orders'>> = {},
): ProductionSlotCard {
  return {
    slot: {
      id: 1,
      endpointId: 10,
      productionId: 100,
      deliveryTime: '09:30:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    endpoint: { id: 10, name: 'PET1', customerId: 5, customerShortName: 'RH' },
    delivers: true,
    overheadMultiplier: 1.25,
    moveTargetSlotId: null,
    summary: {
      status: OrderStatus.Ordered,
      orderedActivity: 300.9,
      toDeliverActivity: 455.8,
      deliveredActivity: 0,
      movedAway: false,
      isGhost: false,
      deadOrderIds: [],
      ...summary,
    },
    orders,
    vials: [],
    ...fields,
  };
}

export function slotVials(available: SlotVials['available']): SlotVials {
  return { slotId: 1, tracerId: 1, customerId: 5, available, assigned: [] };
}

export function vial(id: number, lotNumber: string): SlotVials['available'][number] {
  return {
    id,
    tracerId: 1,
    customerId: 5,
    lotNumber,
    fillDate: '2026-12-02',
    fillTime: '07:45:00',
    activity: 1234.6,
    volume: 8.5,
    assignedToId: null,
  };
}
