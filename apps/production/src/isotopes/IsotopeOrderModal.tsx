/**
 * The isotope order modal "Isotop ordre til: <destination> - <date>" (docs/domain.md): the
 * delivery's details and orders, the isotope vials of the day (undelivered ones to choose;
 * the delivered ones once released), a vial by hand, edited or deleted ("Slet", asked; only one
 * not delivered: `VialDeletion.tsx`), "Slet ordre N" per order (asked,
 * with the reason once accepted; a released order only for the site admin), and the footer:
 * Afvis (confirmed) / Fortryd afvisning / Ret ordre (signed correction), Accepter, Frigiv (the
 * Accepted orders with the chosen vials, signed: `release.isotope`), Frigivelsecertifikat and
 * Udskriv certifikat.
 */
import type { UserGroup } from '@tracershop/core';
import {
  canAccept,
  canRelease as isReleasable,
  canUnreject,
  isReleased,
  localDateTimeOfInstant,
} from '@tracershop/core';
import { AlertBox, ConfirmDialog, StatusIcon, usePendingAction, useFigures } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../dialogs/ModalFrame';
import type { PrintOutcome } from '../orderForms/CertificatePrint';
import { useCertificatePrint } from '../orderForms/CertificatePrint';
import { useOrderDeletion } from '../orderForms/OrderDeletion';
import { SigningStep } from '../orderForms/SigningStep';
import { slashDate } from '../special/injectionRows';
import { CommentIcon, isotopeReleaseUrl } from '../special/icons';
import type { IsotopeCardData, IsotopeVial } from './isotopeApi';
import { destinationOf, orderIdsOf } from './isotopeCards';
import type { IsotopeVialValues } from './IsotopeVialForm';
import { IsotopeVialForm } from './IsotopeVialForm';
import { useVialDeletion } from './VialDeletion';

export interface IsotopeOrderModalProps {
  card: IsotopeCardData;
  isotopeName: string;
  date: string;
  today: string;
  timeZone: string;
  /** The isotope vials calibrated on the date (delivered or not). */
  vials: readonly IsotopeVial[];
  mayRelease: boolean;
  username: string;
  /** The logged-in user's role: which orders "Slet ordre" is offered for. */
  userGroup: UserGroup | null;
  onClose(): void;
  onAccept(orderIds: number[]): Promise<unknown>;
  onReject(orderIds: number[]): Promise<unknown>;
  onUnreject(orderIds: number[]): Promise<unknown>;
  onRelease(input: {
    orderIds: number[];
    isotopeVialIds: number[];
    password: string;
  }): Promise<unknown>;
  /** A signed correction, with the signer's reason (always asked: core `changeNeedsReason`). */
  onCorrect(input: { orderIds: number[]; password: string; reason: string }): Promise<unknown>;
  onCreateVial(values: IsotopeVialValues): Promise<{ id: number }>;
  /** An edit of an isotope vial, with the reason every vial edit needs. */
  onEditVial(id: number, values: IsotopeVialValues, reason: string | undefined): Promise<unknown>;
  /** Deletes an isotope vial not delivered with an order (`vials.isotope.delete`). */
  onDeleteVial(id: number): Promise<unknown>;
  /** Deletes one order, with the reason once it is accepted (core `changeNeedsReason`). */
  onDelete(orderId: number, reason: string | undefined): Promise<unknown>;
  /** Prints the delivery's release document on the active document printer. */
  onPrint(): Promise<PrintOutcome>;
}

type Signing = 'release' | 'correct' | null;

export function IsotopeOrderModal({
  card,
  isotopeName,
  date,
  today,
  timeZone,
  vials,
  mayRelease,
  username,
  userGroup,
  onClose,
  onAccept,
  onReject,
  onUnreject,
  onRelease,
  onCorrect,
  onCreateVial,
  onEditVial,
  onDeleteVial,
  onDelete,
  onPrint,
}: IsotopeOrderModalProps) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  const action = usePendingAction();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [signing, setSigning] = useState<Signing>(null);
  const [confirmReject, setConfirmReject] = useState(false);
  const [vialForm, setVialForm] = useState<'new' | number | null>(null);

  const ordered = orderIdsOf(card, canAccept);
  const accepted = orderIdsOf(card, isReleasable);
  const released = orderIdsOf(card, isReleased);
  const rejected = orderIdsOf(card, canUnreject);
  const rejectable = [...ordered, ...accepted];
  const available = vials.filter((vial) => vial.deliveredWithId === null);
  const selectedIds = available.filter((vial) => selected.has(vial.id)).map((vial) => vial.id);
  const canRelease = accepted.length > 0 && selectedIds.length > 0 && mayRelease;
  const time = card.delivery.deliveryTime.slice(0, 5);
  const destination = destinationOf(card);
  const editedVial = available.find((vial) => vial.id === vialForm);
  const deletion = useOrderDeletion(userGroup, onDelete);
  const vialDeletion = useVialDeletion(onDeleteVial);
  const printing = useCertificatePrint(released.length > 0 ? onPrint : null);
  const deletable = card.orders.some((order) => deletion.offered(order));

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

  const localTime = (instant: string) => localDateTimeOfInstant(instant, timeZone).slice(11, 16);

  const footer = (
    <>
      {rejectable.length > 0 && signing === null ? (
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={action.pending}
          onClick={() => setConfirmReject(true)}
        >
          {t('isotopes.modal.reject')}
        </button>
      ) : null}
      {rejected.length > 0 ? (
        <button
          type="button"
          className="ts-button"
          disabled={action.pending}
          onClick={() => void action.run(() => onUnreject(rejected))}
        >
          {t('isotopes.modal.unreject')}
        </button>
      ) : null}
      {released.length > 0 && signing === null ? (
        <button
          type="button"
          className="ts-button ts-button--light"
          onClick={() => setSigning('correct')}
        >
          {t('isotopes.modal.correct')}
        </button>
      ) : null}
      {ordered.length > 0 ? (
        <button
          type="button"
          className="ts-button"
          disabled={action.pending}
          aria-busy={action.pending}
          onClick={() => void action.run(() => onAccept(ordered))}
        >
          {t('isotopes.modal.accept')}
        </button>
      ) : null}
      {accepted.length > 0 && signing === null ? (
        <button
          type="button"
          className="ts-button"
          disabled={!canRelease}
          onClick={() => setSigning('release')}
        >
          {t('isotopes.modal.release')}
        </button>
      ) : null}
      {signing === 'release' ? (
        <button
          type="button"
          className="ts-button ts-button--light"
          onClick={() => setSigning(null)}
        >
          {t('isotopes.modal.backToEdit')}
        </button>
      ) : null}
      {released.length > 0 ? (
        <a
          className="ts-button"
          href={isotopeReleaseUrl(card.delivery.id, date)}
          target="_blank"
          rel="noopener"
        >
          {t('isotopes.modal.certificate')}
        </a>
      ) : null}
      {printing.button}
    </>
  );

  return (
    <>
      <ModalFrame
        wide
        title={t('isotopes.modal.title', {
          destination,
          date: slashDate(date),
        })}
        onClose={onClose}
        footer={footer}
      >
        <dl className="special-details">
          <dt>{t('isotopes.modal.destination')}</dt>
          <dd>{destination}</dd>
          <dt>{t('isotopes.modal.deliveryTime')}</dt>
          <dd>{time}</dd>
          <dt>{t('isotopes.modal.isotope')}</dt>
          <dd>{isotopeName}</dd>
          <dt>{t('isotopes.modal.totalOrdered')}</dt>
          <dd>{figures.activity(card.summary.orderedActivity)}</dd>
        </dl>
        <table className="production-table" aria-label={t('isotopes.modal.orders')}>
          <thead>
            <tr>
              <th scope="col">{t('isotopes.modal.status')}</th>
              <th scope="col">{t('isotopes.modal.orderId')}</th>
              <th scope="col">{t('isotopes.modal.activity')}</th>
              <th scope="col">{t('isotopes.modal.comment')}</th>
              {deletable ? (
                <th scope="col">
                  <span className="ts-visually-hidden">{t('orders.delete.column')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {card.orders.map((order) => (
              <tr key={order.id}>
                <td>
                  <StatusIcon status={order.status} />
                </td>
                <td>{order.id}</td>
                <td>{figures.activity(order.orderedActivity)}</td>
                <td>{order.comment ? <CommentIcon text={order.comment} /> : null}</td>
                {deletable ? (
                  <td>
                    {deletion.offered(order) && signing === null ? (
                      <button
                        type="button"
                        className="ts-button ts-button--light"
                        disabled={action.pending || deletion.pending}
                        onClick={() => deletion.ask(order)}
                      >
                        {t('orders.delete.openOf', { id: order.id })}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('isotopes.vials.title')}</h3>
        {available.length + card.vials.length === 0 ? (
          <p>{t('isotopes.vials.none')}</p>
        ) : (
          <table className="production-table" aria-label={t('isotopes.vials.title')}>
            <thead>
              <tr>
                <th scope="col">{t('isotopes.vials.batch')}</th>
                <th scope="col">{t('isotopes.vials.time')}</th>
                <th scope="col">{t('isotopes.vials.volume')}</th>
                <th scope="col">{t('isotopes.vials.activity')}</th>
                <th scope="col">
                  <span className="ts-visually-hidden">{t('isotopes.vials.editColumn')}</span>
                </th>
                <th scope="col">
                  <span className="ts-visually-hidden">{t('isotopes.vials.deleteColumn')}</span>
                </th>
                <th scope="col">{t('isotopes.vials.selected')}</th>
              </tr>
            </thead>
            <tbody>
              {card.vials.map((vial) => (
                <tr key={vial.id}>
                  <td>{vial.batchNumber}</td>
                  <td>{localTime(vial.calibratedAt)}</td>
                  <td>{String(vial.volume).replace('.', ',')} ml</td>
                  <td>{figures.activity(vial.activity)}</td>
                  <td />
                  <td />
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('isotopes.vials.select', { batch: vial.batchNumber })}
                      checked
                      disabled
                    />
                  </td>
                </tr>
              ))}
              {released.length > 0 && accepted.length === 0
                ? null
                : available.map((vial) => (
                    <tr key={vial.id}>
                      <td>{vial.batchNumber}</td>
                      <td>{localTime(vial.calibratedAt)}</td>
                      <td>{String(vial.volume).replace('.', ',')} ml</td>
                      <td>{figures.activity(vial.activity)}</td>
                      <td>
                        {selected.has(vial.id) || signing !== null ? null : (
                          <button
                            type="button"
                            className="ts-button ts-button--light"
                            onClick={() => setVialForm(vial.id)}
                          >
                            {t('isotopes.vials.editButton', { batch: vial.batchNumber })}
                          </button>
                        )}
                      </td>
                      <td>
                        {selected.has(vial.id) || signing !== null ? null : (
                          <button
                            type="button"
                            className="ts-button ts-button--light"
                            disabled={vialDeletion.pending}
                            onClick={() => vialDeletion.ask(vial)}
                          >
                            {t('isotopes.vials.deleteButton', { batch: vial.batchNumber })}
                          </button>
                        )}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('isotopes.vials.select', { batch: vial.batchNumber })}
                          checked={selected.has(vial.id)}
                          disabled={accepted.length === 0 || signing !== null}
                          onChange={() => toggle(vial.id)}
                        />
                      </td>
                    </tr>
                  ))}
            </tbody>
          </table>
        )}
        {vialForm === null && signing === null && (accepted.length > 0 || ordered.length > 0) ? (
          <button
            type="button"
            className="ts-button ts-button--light"
            onClick={() => setVialForm('new')}
          >
            {t('isotopes.vials.add')}
          </button>
        ) : null}
        {vialForm === 'new' ? (
          <IsotopeVialForm
            date={date}
            timeZone={timeZone}
            onCancel={() => setVialForm(null)}
            onSave={async (values) => {
              const vial = await onCreateVial(values);
              if (accepted.length > 0) {
                setSelected((current) => new Set([...current, vial.id]));
              }
            }}
          />
        ) : null}
        {editedVial === undefined ? null : (
          <IsotopeVialForm
            key={editedVial.id}
            vial={editedVial}
            date={date}
            timeZone={timeZone}
            onCancel={() => setVialForm(null)}
            onSave={(values, reason) => onEditVial(editedVial.id, values, reason)}
          />
        )}
        {accepted.length > 0 && selectedIds.length === 0 ? (
          <AlertBox level="hint">{t('isotopes.modal.chooseVial')}</AlertBox>
        ) : null}
        {accepted.length > 0 && !mayRelease ? (
          <AlertBox level="hint">{t('isotopes.modal.noRight')}</AlertBox>
        ) : null}
        {action.failure === null ? null : <AlertBox level="error">{action.failure}</AlertBox>}
        {printing.message}
        {deletion.failure === null ? null : <AlertBox level="error">{deletion.failure}</AlertBox>}
        {vialDeletion.failure === null ? null : (
          <AlertBox level="error">{vialDeletion.failure}</AlertBox>
        )}
        {signing === 'release' && canRelease ? (
          <SigningStep
            title={t('isotopes.modal.releaseTitle', { ids: accepted.join(', ') })}
            submitLabel={t('isotopes.modal.release')}
            username={username}
            hint={date === today ? null : t('isotopes.modal.notToday')}
            onSign={async (password) => {
              await onRelease({ orderIds: accepted, isotopeVialIds: selectedIds, password });
              setSelected(new Set());
            }}
            onDone={() => setSigning(null)}
          />
        ) : null}
        {signing === 'correct' && released.length > 0 ? (
          <SigningStep
            title={t('isotopes.modal.correctTitle', { ids: released.join(', ') })}
            submitLabel={t('isotopes.modal.correct')}
            username={username}
            reasonNeeded={t('orders.changeReason.correction')}
            onSign={(password, reason = '') => onCorrect({ orderIds: released, password, reason })}
            onDone={() => setSigning(null)}
          />
        ) : null}
      </ModalFrame>
      <ConfirmDialog
        open={confirmReject}
        title={t('isotopes.rejectQuestion')}
        confirmLabel={t('isotopes.modal.reject')}
        cancelLabel={t('isotopes.back')}
        pending={action.pending}
        onCancel={() => setConfirmReject(false)}
        onConfirm={() => {
          setConfirmReject(false);
          void action.run(() => onReject(rejectable));
        }}
      >
        {t('isotopes.rejectOrders', { ids: rejectable.join(', ') })}
      </ConfirmDialog>
      {deletion.dialog}
      {vialDeletion.dialog}
    </>
  );
}
