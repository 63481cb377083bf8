/**
 * The injection order modal (docs/domain.md): the order's details; for an Accepted order the lot
 * number (suggested from the tracer's vial tag) and the max injection volume (default 10 ml),
 * checked before "Frigiv ordre" asks for the signature (`release.injection`); "Ret ordre"
 * signs a correction of a Released order (`release.correct`); accept, reject (confirmed) and
 * un-reject; "Ændr ordre" changes the injections, time, usage and comment of an Ordered or
 * Accepted order (`InjectionOrderEditForm`, with the reason once accepted); "Slet ordre" (asked,
 * with the reason once accepted; a released order only for the site admin); for a released
 * order its release document, to open or "Udskriv certifikat". A released order shows its
 * stored lot and max volume (legacy quirk 17 fixed).
 */
import type { ProductionInjectionOrderEditInput, UserGroup } from '@tracershop/core';
import {
  isValidLotNumber,
  messageFor,
  suggestLotNumber,
  validatePositiveNumber,
  canAccept,
  canRelease,
  canUnreject,
  isReleased,
  mayProductionEdit,
} from '@tracershop/core';
import {
  AlertBox,
  ConfirmDialog,
  DanishNumberInput,
  localeOf,
  StatusIcon,
  TextField,
  useFigures,
  usePendingAction,
} from '@tracershop/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../dialogs/ModalFrame';
import type { PrintOutcome } from '../orderForms/CertificatePrint';
import { useCertificatePrint } from '../orderForms/CertificatePrint';
import { useOrderDeletion } from '../orderForms/OrderDeletion';
import { SigningStep } from '../orderForms/SigningStep';
import { injectionReleaseUrl } from './icons';
import { InjectionOrderEditForm } from './InjectionOrderEditForm';
import type { InjectionRow } from './injectionRows';

/** The legacy's default max injection volume, in ml. */
export const DEFAULT_MAX_INJECTION_VOLUME = 10;

export interface InjectionOrderModalProps {
  row: InjectionRow;
  /** The site's date: releasing for another day shows a hint. */
  today: string;
  timeZone: string;
  /** The logged-in user holds a valid release right for the tracer (or is site admin). */
  mayRelease: boolean;
  username: string;
  /** The logged-in user's role: whether "Slet ordre" is offered. */
  userGroup: UserGroup | null;
  onClose(): void;
  onAccept(): Promise<unknown>;
  onReject(): Promise<unknown>;
  onUnreject(): Promise<unknown>;
  /**
   * Production's change of the order's figures (`orders.injection.productionEdit`), with the
   * reason once it is accepted (core `changeNeedsReason`).
   */
  onEdit(input: ProductionInjectionOrderEditInput): Promise<unknown>;
  onRelease(input: {
    lotNumber: string;
    maxInjectionVolume: number;
    password: string;
  }): Promise<unknown>;
  /** A signed correction, with the signer's reason (always asked: core `changeNeedsReason`). */
  onCorrect(password: string, reason: string): Promise<unknown>;
  /** Deletes the order, with the reason once it is accepted (core `changeNeedsReason`). */
  onDelete(reason: string | undefined): Promise<unknown>;
  /** Prints the release document on the active document printer. */
  onPrint(): Promise<PrintOutcome>;
}

/** `edit`: the order and its actions; `change`: "Ændr ordre"'s form. */
type Mode = 'edit' | 'change' | 'release' | 'correct';

interface Problems {
  lot: string | null;
  volume: string | null;
}

const NO_PROBLEMS: Problems = { lot: null, volume: null };

export function InjectionOrderModal({
  row,
  today,
  timeZone,
  mayRelease,
  username,
  userGroup,
  onClose,
  onAccept,
  onReject,
  onUnreject,
  onEdit,
  onRelease,
  onCorrect,
  onDelete,
  onPrint,
}: InjectionOrderModalProps) {
  const { t, i18n } = useTranslation('app');
  const { order } = row;
  const [lot, setLot] = useState(
    () =>
      order.lotNumber ??
      (row.vialTag === '' ? null : suggestLotNumber(row.vialTag, order.deliveryDate)) ??
      '',
  );
  const [volume, setVolume] = useState(() =>
    String(order.maxInjectionVolume ?? DEFAULT_MAX_INJECTION_VOLUME).replace('.', ','),
  );
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [chosenMode, setMode] = useState<Mode>('edit');
  const [confirmReject, setConfirmReject] = useState(false);
  const action = usePendingAction();
  const [checked, setChecked] = useState<{ lotNumber: string; volume: number } | null>(null);

  const status = order.status;
  // Accepted: the order can be released, and is changed with a reason.
  const accepted = canRelease(status);
  const released = isReleased(status);
  // Production may change an order until it is released (not a rejected one: the api refuses).
  const changeable = mayProductionEdit(status);
  // An order released or rejected meanwhile (live) closes "Ændr ordre"'s form.
  const mode: Mode = chosenMode === 'change' && !changeable ? 'edit' : chosenMode;
  const editable = accepted && mode === 'edit';
  const changeButton = useRef<HTMLButtonElement>(null);
  const backFromChange = useRef(false);
  useEffect(() => {
    // Back from the form, the keyboard goes on from "Ændr ordre".
    if (backFromChange.current && mode === 'edit') {
      backFromChange.current = false;
      changeButton.current?.focus();
    }
  }, [mode]);
  const deletion = useOrderDeletion(userGroup, (_orderId, reason) => onDelete(reason));
  const printing = useCertificatePrint(released ? onPrint : null);

  function startRelease() {
    const lotNumber = lot.trim();
    const volumeCheck = validatePositiveNumber(volume, 'maxInjectionVolume');
    const next: Problems = {
      lot: isValidLotNumber(lotNumber) ? null : t('special.modal.badLot'),
      volume: volumeCheck.ok ? null : messageFor(volumeCheck.issue, localeOf(i18n.language)),
    };
    setProblems(next);
    if (next.lot === null && volumeCheck.ok) {
      setChecked({ lotNumber, volume: volumeCheck.value });
      setMode('release');
    }
  }

  // What is (or is about to be) signed: the checked values while signing, else the stored ones.
  const shown =
    mode === 'release' && accepted && checked !== null
      ? { volume: checked.volume, lotNumber: checked.lotNumber }
      : released
        ? { volume: order.maxInjectionVolume, lotNumber: order.lotNumber }
        : null;
  const figures = useFigures(timeZone);
  const freedAt = order.freedAt === null ? null : figures.instant(order.freedAt);

  const footer = (
    <>
      {changeable && mode === 'edit' ? (
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={action.pending}
          onClick={() => setConfirmReject(true)}
        >
          {t('special.modal.reject')}
        </button>
      ) : null}
      {canUnreject(status) ? (
        <button
          type="button"
          className="ts-button"
          disabled={action.pending}
          onClick={() => void action.run(onUnreject)}
        >
          {t('special.modal.unreject')}
        </button>
      ) : null}
      {changeable && mode === 'edit' ? (
        <button
          ref={changeButton}
          type="button"
          className="ts-button ts-button--light"
          disabled={action.pending}
          onClick={() => setMode('change')}
        >
          {t('special.edit.open')}
        </button>
      ) : null}
      {canAccept(status) && mode === 'edit' ? (
        <button
          type="button"
          className="ts-button"
          disabled={action.pending}
          aria-busy={action.pending}
          onClick={() => void action.run(onAccept)}
        >
          {t('special.modal.accept')}
        </button>
      ) : null}
      {accepted && mode === 'edit' ? (
        <button
          type="button"
          className="ts-button"
          disabled={!mayRelease}
          title={mayRelease ? undefined : t('special.modal.noRight')}
          onClick={startRelease}
        >
          {t('special.modal.release')}
        </button>
      ) : null}
      {mode === 'release' && accepted ? (
        <button
          type="button"
          className="ts-button ts-button--light"
          onClick={() => setMode('edit')}
        >
          {t('special.modal.backToEdit')}
        </button>
      ) : null}
      {released && mode === 'edit' ? (
        <button
          type="button"
          className="ts-button ts-button--light"
          onClick={() => setMode('correct')}
        >
          {t('special.modal.correct')}
        </button>
      ) : null}
      {released ? (
        <a
          className="ts-button"
          href={injectionReleaseUrl(order.id)}
          target="_blank"
          rel="noopener"
        >
          {t('special.modal.certificate')}
        </a>
      ) : null}
      {printing.button}
      {mode === 'edit' && deletion.offered(order) ? (
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={action.pending || deletion.pending}
          onClick={() => deletion.ask(order)}
        >
          {t('orders.delete.open')}
        </button>
      ) : null}
    </>
  );

  return (
    <>
      <ModalFrame
        title={t('special.modal.title', { id: order.id })}
        onClose={onClose}
        footer={footer}
      >
        <dl className="special-details">
          <dt>{t('special.modal.status')}</dt>
          <dd>
            <StatusIcon status={status} /> {t(`special.statuses.${status}`)}
          </dd>
          <dt>{t('special.columns.destination')}</dt>
          <dd>{row.destination}</dd>
          <dt>{t('special.modal.deliveryTime')}</dt>
          <dd>{order.deliveryTime.slice(0, 5)}</dd>
          <dt>{t('special.columns.tracer')}</dt>
          <dd>{row.tracer}</dd>
          <dt>{t('special.columns.injections')}</dt>
          <dd>{order.injections}</dd>
          <dt>{t('special.columns.usage')}</dt>
          <dd>{t(`special.usages.${order.tracerUsage}`)}</dd>
          <dt>{t('special.columns.comment')}</dt>
          <dd>{order.comment ?? ''}</dd>
          {shown === null ? null : (
            <>
              <dt>{t('special.modal.maxVolume')}</dt>
              <dd>{shown.volume === null ? '–' : figures.volume(shown.volume)}</dd>
              <dt>{t('special.modal.lot')}</dt>
              <dd>{shown.lotNumber ?? '–'}</dd>
            </>
          )}
          {released ? (
            <>
              <dt>{t('special.modal.freedBy')}</dt>
              <dd>{(order.freedByName ?? '').toUpperCase()}</dd>
              <dt>{t('special.modal.freedAt')}</dt>
              <dd>{freedAt ?? ''}</dd>
            </>
          ) : null}
        </dl>
        {mode === 'change' && changeable ? (
          <InjectionOrderEditForm
            order={order}
            onSave={onEdit}
            onDone={() => {
              backFromChange.current = true;
              setMode('edit');
            }}
          />
        ) : null}
        {editable ? (
          <div
            className="special-release-fields"
            onKeyDown={(event) => {
              // Enter in a field checks and goes on to the signature, like "Frigiv ordre".
              if (event.key === 'Enter' && mayRelease) {
                event.preventDefault();
                startRelease();
              }
            }}
          >
            <DanishNumberInput
              label={t('special.modal.maxVolume')}
              value={volume}
              onChange={setVolume}
              error={problems.volume}
            />
            <TextField
              label={t('special.modal.lot')}
              value={lot}
              onChange={setLot}
              error={problems.lot}
              autoComplete="off"
            />
          </div>
        ) : null}
        {editable && row.vialTag === '' ? (
          <AlertBox level="hint">{t('special.modal.noVialTag')}</AlertBox>
        ) : null}
        {problems.lot === null ? null : <AlertBox level="error">{problems.lot}</AlertBox>}
        {problems.volume === null ? null : <AlertBox level="error">{problems.volume}</AlertBox>}
        {accepted && !mayRelease ? (
          <AlertBox level="hint">{t('special.modal.noRight')}</AlertBox>
        ) : null}
        {action.failure === null ? null : <AlertBox level="error">{action.failure}</AlertBox>}
        {printing.message}
        {deletion.failure === null ? null : <AlertBox level="error">{deletion.failure}</AlertBox>}
        {mode === 'release' && accepted && checked !== null ? (
          <SigningStep
            title={t('special.modal.releaseTitle', { id: order.id })}
            submitLabel={t('special.modal.release')}
            username={username}
            hint={order.deliveryDate === today ? null : t('special.modal.notToday')}
            onSign={(password) =>
              onRelease({
                lotNumber: checked.lotNumber,
                maxInjectionVolume: checked.volume,
                password,
              })
            }
            onDone={() => setMode('edit')}
          />
        ) : null}
        {mode === 'correct' && released ? (
          <SigningStep
            title={t('special.modal.correctTitle', { id: order.id })}
            submitLabel={t('special.modal.correct')}
            username={username}
            reasonNeeded={t('orders.changeReason.correction')}
            onSign={(password, reason = '') => onCorrect(password, reason)}
            onDone={() => setMode('edit')}
          />
        ) : null}
      </ModalFrame>
      <ConfirmDialog
        open={confirmReject}
        title={t('special.modal.rejectQuestion')}
        confirmLabel={t('special.modal.reject')}
        cancelLabel={t('special.modal.back')}
        pending={action.pending}
        onCancel={() => setConfirmReject(false)}
        onConfirm={() => {
          setConfirmReject(false);
          void action.run(onReject);
        }}
      >
        {t('special.modal.rejectText', { id: order.id })}
      </ConfirmDialog>
      {deletion.dialog}
    </>
  );
}
