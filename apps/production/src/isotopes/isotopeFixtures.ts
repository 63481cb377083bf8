/** Isotope vials and `orders.isotopeDay` cards (Ga-68 on 2026-12-02) for the view's tests. */
import { summarizeIsotopeDelivery, WeeklyRepeat } from '@tracershop/core';
import type { IsotopeCardData, IsotopeDay, IsotopeVial } from './isotopeApi';

type CardOrder = IsotopeCardData['orders'][number];

const GA68_HALFLIFE = 4062.6;

export function isotopeVial(fields: Partial<IsotopeVial> & { id: number }): IsotopeVial {
  return {
    isotopeId: 2,
    batchNumber: `GA-261202-${fields.id}`,
    calibratedAt: '2026-12-02T07:30:00.000Z',
    activity: 800,
    volume: 2.5,
    deliveredWithId: null,
    ...fields,
  };
}

const DELIVERIES = {
  40: { deliveryTime: '09:00:00', endpointId: 10, customerId: 5, customer: 'RH', name: 'PET1' },
  41: {
    deliveryTime: '10:00:00',
    endpointId: 12,
    customerId: 6,
    customer: 'Herlev',
    name: 'Herlev',
  },
} as const;

/**
 * The api's card of delivery 40 (RH - PET1, 09:00) or 41 (Herlev, 10:00) on 2026-12-02 with
 * these orders and delivered vials; the totals are core's, as the api computes them.
 */
export function isotopeCard(
  orders: CardOrder[],
  vials: IsotopeVial[] = [],
  deliveryId: 40 | 41 = 40,
): IsotopeCardData {
  const delivery = DELIVERIES[deliveryId];
  const date = '2026-12-02';
  const ordersHere = orders.filter((order) => order.isotopeDeliveryId === deliveryId);
  const orderIds = new Set(ordersHere.map((order) => order.id));
  const delivered = vials.filter((vial) => orderIds.has(vial.deliveredWithId ?? -1));
  return {
    delivery: {
      id: deliveryId,
      isotopeProductionId: 30,
      endpointId: delivery.endpointId,
      deliveryTime: delivery.deliveryTime,
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    production: { id: 30, weekday: 2, productionTime: '07:00:00' },
    isotope: { id: 2, name: 'Ga-68' },
    endpoint: {
      id: delivery.endpointId,
      name: delivery.name,
      customerId: delivery.customerId,
      customerShortName: delivery.customer,
    },
    delivers: true,
    summary: summarizeIsotopeDelivery({
      delivery: { id: deliveryId, deliveryTime: delivery.deliveryTime },
      date,
      orders: ordersHere,
      vials: delivered,
      halflifeSeconds: GA68_HALFLIFE,
      timeZone: 'Europe/Copenhagen',
    }),
    orders: ordersHere,
    vials: delivered,
  };
}

/** `orders.isotopeDay` of Ga-68 on 2026-12-02 with these cards, the 07:00 run summing them. */
export function isotopeDayFixture(cards: IsotopeCardData[]): IsotopeDay {
  return {
    date: '2026-12-02',
    weekday: 2,
    isotope: { id: 2, name: 'Ga-68', halflifeSeconds: GA68_HALFLIFE },
    runs: [
      {
        productionId: 30,
        isotopeId: 2,
        productionTime: '07:00:00',
        orderedActivity: cards.reduce((sum, card) => sum + card.summary.orderedActivity, 0),
      },
    ],
    deliveries: cards,
  };
}
