/** What the isotope view reads off a delivery card of `orders.isotopeDay`. */
import type { OrderStatus } from '@tracershop/core';
import { destinationName } from '../special/injectionRows';
import type { IsotopeCardData } from './isotopeApi';

/** "`<customer> - <endpoint>`" of the card's delivery (docs/domain.md). */
export function destinationOf(card: IsotopeCardData): string {
  return destinationName(card.endpoint.customerShortName, card.endpoint.name);
}

/** The ids of a card's orders whose status passes `test` (core's status predicates). */
export function orderIdsOf(
  card: IsotopeCardData,
  test: (status: OrderStatus) => boolean,
): number[] {
  return card.orders.filter((order) => test(order.status)).map((order) => order.id);
}
