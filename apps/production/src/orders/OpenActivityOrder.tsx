/**
 * The activity order modal of one card, wired to the api: the live vials of the delivery
 * (`vials.forSlot`; of those delivered, only the card's own: a card shows one release of a
 * delivery, or its orders not released yet), the release rights, and the writes.
 */
import { DEFAULT_RELEASE_GUARDS } from '@tracershop/core';
import { useSession } from '@tracershop/ui';
import type { Catalog, ProductionSlotCard } from '../productionApi';
import {
  useReleaseRights,
  useReleaseWrites,
  useSlotActions,
  useVialsForSlot,
} from '../productionApi';
import { ActivityOrderModal } from './ActivityOrderModal';

export interface OpenActivityOrderProps {
  card: ProductionSlotCard;
  catalog: Catalog;
  tracerId: number;
  /** The tracer's isotope's half-life, should the catalogue not have loaded it. */
  halflifeSeconds: number;
  date: string;
  today: string;
  timeZone: string;
  onClose(): void;
}

export function OpenActivityOrder(props: OpenActivityOrderProps) {
  const { card, catalog, date } = props;
  const session = useSession();
  const vials = useVialsForSlot(card.slot.id, date);
  const rights = useReleaseRights();
  const slotActions = useSlotActions();
  const writes = useReleaseWrites();
  const tracer = catalog.tracers.find((candidate) => candidate.id === props.tracerId);
  const isotope = catalog.isotopes.find((candidate) => candidate.id === tracer?.isotopeId);
  const customer = catalog.customers.find((candidate) => candidate.id === card.endpoint.customerId);
  const user = session.data?.user ?? null;
  const orderIds = new Set(card.orders.map((line) => line.order.id));
  const cardVials =
    vials.data === undefined
      ? undefined
      : {
          ...vials.data,
          assigned: vials.data.assigned.filter((vial) => orderIds.has(vial.assignedToId ?? -1)),
        };
  return (
    <ActivityOrderModal
      card={card}
      date={date}
      today={props.today}
      timeZone={props.timeZone}
      tracer={{
        id: props.tracerId,
        vialTag: tracer?.vialTag ?? null,
        halflifeSeconds: isotope?.halflifeSeconds ?? props.halflifeSeconds,
        guards: tracer ?? DEFAULT_RELEASE_GUARDS,
      }}
      customerName={
        customer?.longName || customer?.shortName || card.endpoint.customerShortName || ''
      }
      vials={cardVials}
      signer={
        user === null ? null : { id: user.id, userGroup: user.userGroup, username: user.username }
      }
      rights={rights.data ?? []}
      onClose={props.onClose}
      actions={{
        accept: () =>
          slotActions.acceptSlot.mutateAsync({ slotId: card.slot.id, deliveryDate: date }),
        reject: (orderIds) => slotActions.reject.mutateAsync({ orderIds }),
        unreject: (orderIds) => slotActions.unreject.mutateAsync({ orderIds }),
        editDose: (id, orderedActivity, limitOverride, reason) =>
          slotActions.editDose.mutateAsync({ id, orderedActivity, limitOverride, reason }),
        createVial: (input) => writes.createVial.mutateAsync(input),
        editVial: (input) => writes.editVial.mutateAsync(input),
        release: (input) =>
          writes.release.mutateAsync({ ...input, slotId: card.slot.id, deliveryDate: date }),
        correct: ({ orderIds, password, reason }) =>
          writes.correct.mutateAsync({ activityOrderIds: orderIds, password, reason }),
        deleteOrder: (id, reason) => slotActions.deleteOrder.mutateAsync({ id, reason }),
        printCertificate: () =>
          writes.printCertificate.mutateAsync({
            slotId: card.slot.id,
            date,
            releaseId: card.releaseId ?? 0,
          }),
      }}
    />
  );
}
