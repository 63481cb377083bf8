/**
 * Activity orders, vials and slots as core's slot rules read them (`summarizeSlot`,
 * `splitSlot`, `summarizeRun`): the one place the api turns its rows into those shapes, so
 * the day views, the release certificate and the monthly export count a delivery the same way.
 */
import type { SlotOrder, SlotTime, SlotVial } from '@tracershop/core';
import type { ActivityDeliveryTimeSlot, ActivityOrder, Vial } from '@tracershop/db';

export function slotOrderOf(order: ActivityOrder): SlotOrder {
  return {
    id: order.id,
    orderedActivity: order.orderedActivity,
    deliveryDate: order.deliveryDate,
    status: order.status,
    orderedTimeSlotId: order.orderedTimeSlotId,
    movedToTimeSlotId: order.movedToTimeSlotId,
    releasedWithId: order.releasedWithId,
  };
}

export function slotVialOf(vial: Vial): SlotVial {
  return {
    id: vial.id,
    fillDate: vial.fillDate,
    fillTime: vial.fillTime,
    activity: vial.activity,
    assignedToId: vial.assignedToId,
  };
}

export function slotTimeOf(slot: ActivityDeliveryTimeSlot): SlotTime {
  return { id: slot.id, deliveryTime: slot.deliveryTime };
}
