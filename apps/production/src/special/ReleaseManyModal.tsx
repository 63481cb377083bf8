/**
 * "Frigiv flere ordre" (docs/domain.md): the ticked Accepted orders of one tracer released under
 * one batch number (suggested from the tracer's vial tag) and one max injection volume
 * (default 10 ml), signed with the user's own password (`release.injectionMany`). The fields
 * are checked before anything is sent; success closes the modal.
 */
import {
  isValidLotNumber,
  messageFor,
  suggestLotNumber,
  validatePositiveNumber,
} from '@tracershop/core';
import { AlertBox, DanishNumberInput, localeOf, SignaturePanel, TextField } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../dialogs/ModalFrame';
import type { InjectionRow } from './injectionRows';
import { DEFAULT_MAX_INJECTION_VOLUME } from './InjectionOrderModal';

export interface ReleaseManyModalProps {
  /** The ticked Accepted orders, all of one tracer. */
  rows: readonly InjectionRow[];
  date: string;
  today: string;
  username: string;
  onClose(): void;
  onRelease(input: {
    orderIds: number[];
    lotNumber: string;
    maxInjectionVolume: number;
    password: string;
  }): Promise<unknown>;
}

export function ReleaseManyModal({
  rows,
  date,
  today,
  username,
  onClose,
  onRelease,
}: ReleaseManyModalProps) {
  const { t, i18n } = useTranslation('app');
  const first = rows[0];
  const vialTag = first?.vialTag ?? '';
  const [lot, setLot] = useState(
    () => (vialTag === '' ? null : suggestLotNumber(vialTag, date)) ?? '',
  );
  const [volume, setVolume] = useState(String(DEFAULT_MAX_INJECTION_VOLUME));
  const [lotProblem, setLotProblem] = useState<string | null>(null);
  const [volumeProblem, setVolumeProblem] = useState<string | null>(null);
  const orderIds = rows.map((row) => row.order.id);

  async function release(password: string) {
    const lotNumber = lot.trim();
    const volumeCheck = validatePositiveNumber(volume, 'maxInjectionVolume');
    const badLot = isValidLotNumber(lotNumber) ? null : t('special.many.badLot');
    const badVolume = volumeCheck.ok
      ? null
      : messageFor(volumeCheck.issue, localeOf(i18n.language));
    setLotProblem(badLot);
    setVolumeProblem(badVolume);
    if (badLot !== null || !volumeCheck.ok) {
      // Shown by the signature panel too; nothing is sent.
      throw new Error(badLot ?? badVolume ?? '');
    }
    await onRelease({ orderIds, lotNumber, maxInjectionVolume: volumeCheck.value, password });
    onClose();
  }

  return (
    <ModalFrame title={t('special.many.title')} onClose={onClose}>
      {date === today ? null : <AlertBox level="warning">{t('special.many.notToday')}</AlertBox>}
      {first !== undefined && vialTag === '' ? (
        <AlertBox level="hint">{t('special.many.noVialTag', { tracer: first.tracer })}</AlertBox>
      ) : null}
      <div className="special-release-fields">
        <TextField
          label={t('special.many.lot')}
          value={lot}
          onChange={setLot}
          error={lotProblem}
          autoComplete="off"
        />
        <DanishNumberInput
          label={t('special.many.maxVolume')}
          value={volume}
          onChange={setVolume}
          error={volumeProblem}
        />
      </div>
      {lotProblem === null ? null : <AlertBox level="error">{lotProblem}</AlertBox>}
      {volumeProblem === null ? null : <AlertBox level="error">{volumeProblem}</AlertBox>}
      <table className="production-table" aria-label={t('special.many.orders')}>
        <thead>
          <tr>
            <th scope="col">{t('special.columns.id')}</th>
            <th scope="col">{t('special.columns.destination')}</th>
            <th scope="col">{t('special.many.orderTime')}</th>
            <th scope="col">{t('special.columns.injections')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.order.id}>
              <td>{row.order.id}</td>
              <td>{row.destination}</td>
              <td>{row.order.deliveryTime.slice(0, 5)}</td>
              <td>{row.order.injections}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignaturePanel
        title={t('special.many.signTitle', { ids: orderIds.join(', ') })}
        submitLabel={t('special.modal.release')}
        signer={username}
        onSubmit={({ password }) => release(password)}
      />
    </ModalFrame>
  );
}
