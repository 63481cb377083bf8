/**
 * How orders' surroundings travel to the apps: the endpoint (with its customer's short name),
 * a delivery slot, an isotope's display name. Plain objects, so cards stay small and typed.
 */
import type { WeeklyRepeat } from '@tracershop/core';
import type { ActivityDeliveryTimeSlot, DeliveryEndpoint } from '@tracershop/db';

/** What a card shows about the endpoint it delivers to. */
export interface EndpointView {
  id: number | null;
  name: string | null;
  customerId: number | null;
  customerShortName: string | null;
}

/** A delivery slot as the cards show it. */
export interface SlotView {
  id: number;
  endpointId: number;
  productionId: number;
  deliveryTime: string;
  weeklyRepeat: WeeklyRepeat;
}

export function slotView(slot: ActivityDeliveryTimeSlot): SlotView {
  return {
    id: slot.id,
    endpointId: slot.endpointId,
    productionId: slot.productionId,
    deliveryTime: slot.deliveryTime,
    weeklyRepeat: slot.weeklyRepeat,
  };
}

export function endpointView(endpoint: DeliveryEndpoint | undefined | null): EndpointView {
  return {
    id: endpoint?.id ?? null,
    name: endpoint?.name ?? null,
    customerId: endpoint?.customerId ?? null,
    customerShortName: endpoint?.customer?.shortName ?? null,
  };
}

/** `'Cu-64'`, `'Tc-99m'`: the isotope's display name. */
export function isotopeName(isotope: {
  atomicLetter: string;
  atomicMass: number;
  metastable: boolean;
}): string {
  return `${isotope.atomicLetter}-${isotope.atomicMass}${isotope.metastable ? 'm' : ''}`;
}
