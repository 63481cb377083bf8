/**
 * The activity order modal (docs/domain.md), opened from a card: the delivery's information rows
 * (each order's figures and facts, dose correction while Ordered or Accepted, "Afvis ordre N"
 * (confirmed), "Fortryd afvisning af ordre N" and "Slet ordre N" (asked, with the reason once
 * accepted; a released order only for the site admin) for one order), the vial table (choose,
 * add, correct), and the footer: "Afvis" (every rejectable order, confirmed) / "Fortryd
 * afvisning" / "Ret ordre" (signed correction of a release) on the left, "Accepter", "Frigiv"
 * (signed release, only with a vial, no open vial form and a valid release right),
 * "Frigivelsecertifikat" and "Udskriv certifikat" on the right. Which orders each action may
 * touch is `slotActionIds`.
 */
import type { ReleaseGuardSettings, UserGroup } from '@tracershop/core';
import {
  checkDispensing,
  deliveredActivity,
  formatDanishDate,
  formatShortTime,
  canRelease,
  canUnreject,
  isRejected,
  isReleased,
} from '@tracershop/core';
import { AlertBox, ConfirmDialog, messageOf, SignaturePanel, useFigures } from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../dialogs/ModalFrame';
import type { PrintOutcome } from '../orderForms/CertificatePrint';
import { useCertificatePrint } from '../orderForms/CertificatePrint';
import { useOrderDeletion } from '../orderForms/OrderDeletion';
import { activityCertificateUrl } from './certificateLink';
import type { ProductionSlotCard, SlotVials, VialCreate, VialEdit } from '../productionApi';
import type { OrderInfoProps } from './OrderInfo';
import { OrderInfo } from './OrderInfo';
import type { ReleaseRightRow } from './releaseGate';
import { mayReleaseTracer, releaseBlockOf } from './releaseGate';
import { slotActionIds } from './slotActions';
import type { VialFormState } from './VialTable';
import { VialTable } from './VialTable';
import './orders.css';

export interface ActivityOrderActions {
  /** "Accepter": every Ordered order of the delivery. */
  accept(): Promise<unknown>;
  reject(orderIds: number[]): Promise<unknown>;
  unreject(orderIds: number[]): Promise<unknown>;
  editDose: OrderInfoProps['editDose'];
  createVial(input: VialCreate): Promise<{ id: number }>;
  editVial(input: VialEdit): Promise<unknown>;
  release(input: {
    orderIds: number[];
    vialIds: number[];
    password: string;
    deviationReason?: string;
  }): Promise<unknown>;
  /** A signed correction, with the signer's reason (always asked: core `changeNeedsReason`). */
  correct(input: { orderIds: number[]; password: string; reason: string }): Promise<unknown>;
  /** Deletes one order, with the reason once it is accepted (core `changeNeedsReason`). */
  deleteOrder(orderId: number, reason: string | undefined): Promise<unknown>;
  /** Prints the release's certificate on the active document printer. */
  printCertificate(): Promise<PrintOutcome>;
}

export interface ActivityOrderModalProps {
  card: ProductionSlotCard;
  /** The active date `'YYYY-MM-DD'`. */
  date: string;
  /** The site's today `'YYYY-MM-DD'` (release rights, the "not today" hint). */
  today: string;
  timeZone: string;
  /** The tracer, with what its release guards need (core `releaseGuards.ts`). */
  tracer: {
    id: number;
    vialTag: string | null;
    halflifeSeconds: number;
    guards: Pick<
      ReleaseGuardSettings,
      'underDeliveryTolerancePercent' | 'overDeliveryTolerancePercent'
    >;
  };
  customerName: string;
  vials: SlotVials | undefined;
  /** The logged-in user, who signs (and whose role decides whether a delete is offered). */
  signer: { id: number; userGroup: UserGroup; username: string } | null;
  rights: readonly ReleaseRightRow[];
  onClose(): void;
  actions: ActivityOrderActions;
}

type Signing = null | 'release' | 'correct';

/** What "Vil du afvise?" is asked about: the delivery's rejectable orders, or one order. */
type RejectQuestion = null | 'delivery' | { orderId: number };

export function ActivityOrderModal(props: ActivityOrderModalProps) {
  const { card, date, actions } = props;
  const { t } = useTranslation('app');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [vialForm, setVialForm] = useState<VialFormState>(null);
  const [editingOrderId, setEditingOrderId] = useState<number | null>(null);
  const [signing, setSigning] = useState<Signing>(null);
  const [rejecting, setRejecting] = useState<RejectQuestion>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const blockId = useId();
  const deletion = useOrderDeletion(props.signer?.userGroup, actions.deleteOrder);

  const ids = slotActionIds(card);
  const status = card.summary.status;
  const released = isReleased(status);
  const accepted = canRelease(status) && ids.releasable.length > 0;
  const printing = useCertificatePrint(
    released && card.releaseId !== null ? actions.printCertificate : null,
  );
  const deletable = card.orders.filter((line) => deletion.offered(line.order));
  const releasedHere = card.orders
    .filter((line) => line.activeSlotId === card.slot.id && isReleased(line.order.status))
    .map((line) => line.order.id);
  const available = props.vials?.available ?? [];
  const chosen = available.filter((vial) => selected.has(vial.id));
  const mayRelease = mayReleaseTracer(props.signer, props.rights, props.tracer.id, props.today);
  const figures = useFigures(props.timeZone);
  // What the release signs for, at the delivery time: required by the orders released
  // (ordered, decay-scaled, with overhead) against the chosen vials' delivered activity.
  const dispensing = checkDispensing({
    required: card.orders
      .filter((line) => ids.releasable.includes(line.order.id))
      .reduce((sum, line) => sum + line.withOverhead, 0),
    delivered: deliveredActivity(chosen, {
      date,
      deliveryTime: card.slot.deliveryTime,
      halflifeSeconds: props.tracer.halflifeSeconds,
      timeZone: props.timeZone,
    }),
    settings: props.tracer.guards,
  });
  const deliveryTime = figures.time(card.slot.deliveryTime);
  const block = releaseBlockOf({
    accepted,
    selectedVials: chosen.length,
    vialFormOpen: vialForm !== null,
    mayRelease,
  });

  const run = async (action: () => Promise<unknown>) => {
    if (pending) {
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      await action();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setPending(false);
    }
  };
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });

  const left = (
    <div className="production-modal__foot-left">
      {ids.rejectable.length > 0 && !released ? (
        <button
          className="ts-button ts-button--light"
          type="button"
          disabled={pending}
          onClick={() => setRejecting('delivery')}
        >
          {t('modal.reject')}
        </button>
      ) : null}
      {canUnreject(status) && ids.rejected.length > 0 ? (
        <button
          className="ts-button ts-button--light"
          type="button"
          disabled={pending}
          onClick={() => void run(() => actions.unreject(ids.rejected))}
        >
          {t('modal.unreject')}
        </button>
      ) : null}
      {released && releasedHere.length > 0 && signing !== 'correct' ? (
        <button
          className="ts-button ts-button--light"
          type="button"
          disabled={signing !== null}
          onClick={() => setSigning('correct')}
        >
          {t('modal.correct')}
        </button>
      ) : null}
    </div>
  );
  const right = (
    <div className="production-modal__foot-right">
      {ids.acceptable.length > 0 ? (
        <>
          <button
            className="ts-button"
            type="button"
            disabled={pending || editingOrderId !== null}
            title={editingOrderId === null ? undefined : t('modal.acceptWhileEditing')}
            onClick={() => void run(actions.accept)}
          >
            {t('modal.accept')}
          </button>
          {editingOrderId === null ? null : (
            <span className="production-modal__reason">{t('modal.acceptWhileEditing')}</span>
          )}
        </>
      ) : null}
      {!released && !isRejected(status) && !card.summary.onlyDead && signing !== 'release' ? (
        <>
          <button
            className="ts-button"
            type="button"
            disabled={block !== null}
            aria-describedby={block === null ? undefined : blockId}
            onClick={() => setSigning('release')}
          >
            {t('modal.release')}
          </button>
          {block === null ? null : (
            <span id={blockId} className="production-modal__reason">
              {t(`modal.block.${block}`)}
            </span>
          )}
        </>
      ) : null}
      {released && card.releaseId !== null ? (
        <a
          className="ts-button"
          href={activityCertificateUrl(card.slot.id, date, card.releaseId)}
          target="_blank"
          rel="noreferrer"
        >
          {t('modal.certificate')}
        </a>
      ) : null}
      {printing.button}
    </div>
  );

  return (
    <ModalFrame
      wide
      title={t('modal.title', {
        date: formatDanishDate(date),
        time: formatShortTime(card.slot.deliveryTime),
      })}
      onClose={props.onClose}
      footer={
        <>
          {left}
          {right}
        </>
      }
    >
      <OrderInfo
        card={card}
        customerName={props.customerName}
        timeZone={props.timeZone}
        allocatedActivity={accepted ? chosen.reduce((sum, vial) => sum + vial.activity, 0) : null}
        editingOrderId={editingOrderId}
        onEditing={setEditingOrderId}
        editDose={actions.editDose}
        rejectable={ids.rejectable}
        rejected={ids.rejected}
        onReject={(orderId) => setRejecting({ orderId })}
        onUnreject={(orderId) => void run(() => actions.unreject([orderId]))}
        deletable={deletable.map((line) => line.order.id)}
        onDelete={(orderId) => {
          const line = deletable.find((candidate) => candidate.order.id === orderId);
          if (line !== undefined) {
            deletion.ask(line.order);
          }
        }}
        pending={pending || deletion.pending}
      />
      <VialTable
        vials={props.vials}
        selected={selected}
        choosable={accepted && signing === null}
        editable={!released && signing === null}
        form={vialForm}
        onForm={setVialForm}
        onToggle={toggle}
        date={date}
        vialTag={props.tracer.vialTag}
        onCreate={async (fields) => {
          const vial = await actions.createVial({
            ...fields,
            tracerId: props.tracer.id,
            customerId: card.endpoint.customerId,
            fillDate: date,
          });
          setVialForm(null);
          if (accepted) {
            setSelected((current) => new Set([...current, vial.id]));
          }
        }}
        onEdit={async (id, fields, reason) => {
          await actions.editVial({ id, ...fields, reason });
          setVialForm(null);
        }}
      />
      {released ? <p role="status">{t('modal.released')}</p> : null}
      {printing.message}
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
      {deletion.failure === null ? null : <AlertBox level="error">{deletion.failure}</AlertBox>}
      {signing === 'release' && block === null ? (
        <div className="production-modal__signature">
          {date === props.today ? null : <AlertBox level="warning">{t('modal.notToday')}</AlertBox>}
          <SignaturePanel
            title={t('modal.releaseOrders', { ids: ids.releasable.join(', ') })}
            submitLabel={t('modal.release')}
            signer={props.signer?.username ?? ''}
            signing={
              <>
                <p>{t('modal.signing.orders', { ids: ids.releasable.join(', ') })}</p>
                <table className="production-table">
                  <caption>{t('modal.signing.vials')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('orders.vials.lot')}</th>
                      <th scope="col">{t('orders.vials.activity')}</th>
                      <th scope="col">{t('orders.vials.fillTime')}</th>
                      <th scope="col">{t('orders.vials.volume')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {chosen.map((vial) => (
                      <tr key={vial.id}>
                        <th scope="row">{vial.lotNumber}</th>
                        <td className="ts-figure">{figures.activity(vial.activity)}</td>
                        <td>{figures.time(vial.fillTime)}</td>
                        <td className="ts-figure">{figures.volume(vial.volume)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>
                  {t('modal.signing.figures', {
                    time: deliveryTime,
                    required: figures.activity(dispensing.required),
                    delivered: figures.activity(dispensing.delivered),
                  })}
                </p>
              </>
            }
            reasonNeeded={
              dispensing.kind === 'withinTolerance'
                ? null
                : t(`modal.signing.${dispensing.kind}`, {
                    time: deliveryTime,
                    required: figures.activity(dispensing.required),
                    delivered: figures.activity(dispensing.delivered),
                    deviation: figures.percent(Math.abs(dispensing.deviationPercent)),
                    tolerance: figures.percent(
                      dispensing.kind === 'under'
                        ? props.tracer.guards.underDeliveryTolerancePercent
                        : props.tracer.guards.overDeliveryTolerancePercent,
                    ),
                  })
            }
            onCancel={() => setSigning(null)}
            onSubmit={async ({ password, reason }) => {
              await actions.release({
                orderIds: ids.releasable,
                vialIds: chosen.map((vial) => vial.id),
                password,
                ...(reason === undefined ? {} : { deviationReason: reason }),
              });
              setSigning(null);
              setSelected(new Set());
            }}
          />
        </div>
      ) : null}
      {signing === 'correct' ? (
        <div className="production-modal__signature">
          <SignaturePanel
            title={t('modal.correct')}
            submitLabel={t('modal.correct')}
            signer={props.signer?.username ?? ''}
            signing={<p>{t('modal.signing.correct', { ids: releasedHere.join(', ') })}</p>}
            reasonNeeded={t('orders.changeReason.correction')}
            onCancel={() => setSigning(null)}
            onSubmit={async ({ password, reason = '' }) => {
              await actions.correct({ orderIds: releasedHere, password, reason });
              setSigning(null);
            }}
          />
        </div>
      ) : null}
      <ConfirmDialog
        open={rejecting !== null}
        title={
          rejecting === null || rejecting === 'delivery'
            ? t('modal.rejectQuestion')
            : t('modal.rejectOrderQuestion', { id: rejecting.orderId })
        }
        confirmLabel={t('modal.reject')}
        cancelLabel={t('modal.back')}
        pending={pending}
        onCancel={() => setRejecting(null)}
        onConfirm={() => {
          if (rejecting === null) {
            return;
          }
          const orderIds = rejecting === 'delivery' ? ids.rejectable : [rejecting.orderId];
          setRejecting(null);
          void run(() => actions.reject(orderIds));
        }}
      />
      {deletion.dialog}
    </ModalFrame>
  );
}
