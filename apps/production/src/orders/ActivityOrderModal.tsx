/**
 * The activity order modal (legacy §4.4), opened from a card: the delivery's order lines with
 * their figures, the vials of the delivery (vials.forSlot) to choose from, a vial by hand
 * (vials.create, lot suggested from the tracer's vial tag), and "Frigiv": the signed release
 * (release.activity) of the Accepted orders with the chosen vials.
 */
import { formatMBq, OrderStatus, suggestLotNumber } from '@tracershop/core';
import { AlertBox, messageOf, SignaturePanel, StatusIcon } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductionSlotCard, SlotVial, SlotVials, VialCreate } from '../productionApi';
import { shortTime } from './SlotCard';
import { slotActionIds } from './slotActions';

export interface ActivityOrderModalProps {
  card: ProductionSlotCard;
  date: string;
  tracerId: number;
  /** The tracer's vial tag, for the suggested lot number. */
  vialTag: string | null;
  vials: SlotVials | undefined;
  username: string;
  onClose(): void;
  createVial(input: VialCreate): Promise<{ id: number }>;
  release(input: { orderIds: number[]; vialIds: number[]; password: string }): Promise<unknown>;
}

/** `'8,5'` / `'8.5'` → 8.5; null unless a positive number. */
function positiveNumber(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : null;
}

function VialRow({
  vial,
  checked,
  disabled,
  onToggle,
}: {
  vial: SlotVial;
  checked: boolean;
  disabled: boolean;
  onToggle?: () => void;
}) {
  const { t } = useTranslation('app');
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={t('modal.selectVial', { lot: vial.lotNumber })}
          checked={checked}
          disabled={disabled}
          onChange={onToggle}
        />
      </td>
      <td>{vial.lotNumber}</td>
      <td>{shortTime(vial.fillTime)}</td>
      <td>{formatMBq(vial.activity)}</td>
      <td>{vial.volume} ml</td>
    </tr>
  );
}

function AddVialForm({
  suggestedLot,
  onAdd,
}: {
  suggestedLot: string;
  onAdd(input: {
    lotNumber: string;
    fillTime: string;
    activity: number;
    volume: number;
  }): Promise<void>;
}) {
  const { t } = useTranslation('app');
  const [lotNumber, setLotNumber] = useState(suggestedLot);
  const [fillTime, setFillTime] = useState('');
  const [activity, setActivity] = useState('');
  const [volume, setVolume] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const time = /^([01]\d|2[0-3]):[0-5]\d$/.test(fillTime.trim()) ? `${fillTime.trim()}:00` : null;
    const mbq = positiveNumber(activity);
    const ml = positiveNumber(volume);
    if (time === null) {
      setProblem(t('modal.invalidTime'));
      return;
    }
    if (mbq === null || ml === null) {
      setProblem(t('modal.invalidNumber'));
      return;
    }
    setPending(true);
    try {
      await onAdd({ lotNumber: lotNumber.trim(), fillTime: time, activity: mbq, volume: ml });
      setProblem(null);
      setFillTime('');
      setActivity('');
      setVolume('');
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="production-vial-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void submit(event)}
    >
      <h4 id={titleId}>{t('modal.addVial')}</h4>
      <label>
        {t('modal.lotNumber')}
        <input value={lotNumber} onChange={(event) => setLotNumber(event.target.value)} />
      </label>
      <label>
        {t('modal.fillTimeInput')}
        <input value={fillTime} onChange={(event) => setFillTime(event.target.value)} />
      </label>
      <label>
        {t('modal.activityInput')}
        <input
          inputMode="decimal"
          value={activity}
          onChange={(event) => setActivity(event.target.value)}
        />
      </label>
      <label>
        {t('modal.volumeInput')}
        <input
          inputMode="decimal"
          value={volume}
          onChange={(event) => setVolume(event.target.value)}
        />
      </label>
      <button type="submit" disabled={pending}>
        {t('modal.add')}
      </button>
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
    </form>
  );
}

export function ActivityOrderModal({
  card,
  date,
  tracerId,
  vialTag,
  vials,
  username,
  onClose,
  createVial,
  release,
}: ActivityOrderModalProps) {
  const { t } = useTranslation('app');
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [signing, setSigning] = useState(false);
  const time = shortTime(card.slot.deliveryTime);
  const ids = slotActionIds(card);
  const accepted = card.summary.status === OrderStatus.Accepted && ids.releasable.length > 0;
  const available = vials?.available ?? [];
  const selectedIds = available.filter((vial) => selected.has(vial.id)).map((vial) => vial.id);
  const canRelease = accepted && selectedIds.length > 0;

  useEffect(() => {
    dialogRef.current?.focus();
  }, []);

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

  const suggestedLot = (vialTag === null ? null : suggestLotNumber(vialTag, date)) ?? '';

  return (
    <div className="production-modal__backdrop">
      <div
        ref={dialogRef}
        className="production-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="production-modal__head">
          <h2 id={titleId}>{t('modal.title', { time, endpoint: card.endpoint.name ?? '' })}</h2>
          <button type="button" onClick={onClose}>
            {t('modal.close')}
          </button>
        </header>
        <h3>{t('modal.orders')}</h3>
        <table className="production-table">
          <thead>
            <tr>
              <th scope="col">{t('modal.id')}</th>
              <th scope="col">{t('modal.status')}</th>
              <th scope="col">{t('modal.orderedActivity')}</th>
              <th scope="col">{t('modal.withoutOverhead')}</th>
              <th scope="col">{t('modal.withOverhead')}</th>
              <th scope="col">{t('modal.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {card.orders.map((line) => (
              <tr key={line.order.id}>
                <td>{line.order.id}</td>
                <td>
                  <StatusIcon status={line.order.status} moved={line.movedToTime !== null} />
                  {line.movedToTime === null ? null : (
                    <span> {t('modal.movedTo', { time: shortTime(line.movedToTime) })}</span>
                  )}
                </td>
                <td>{formatMBq(line.order.orderedActivity)}</td>
                <td>{formatMBq(line.withoutOverhead)}</td>
                <td>{formatMBq(line.withOverhead)}</td>
                <td>{line.order.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('modal.vials')}</h3>
        {available.length + (vials?.assigned.length ?? 0) === 0 ? (
          <p>{t('modal.noVials')}</p>
        ) : (
          <table className="production-table">
            <thead>
              <tr>
                <th scope="col">{t('modal.select')}</th>
                <th scope="col">{t('modal.lot')}</th>
                <th scope="col">{t('modal.fillTime')}</th>
                <th scope="col">{t('modal.activity')}</th>
                <th scope="col">{t('modal.volume')}</th>
              </tr>
            </thead>
            <tbody>
              {vials?.assigned.map((vial) => (
                <VialRow key={vial.id} vial={vial} checked disabled />
              ))}
              {available.map((vial) => (
                <VialRow
                  key={vial.id}
                  vial={vial}
                  checked={selected.has(vial.id)}
                  disabled={!accepted}
                  onToggle={() => toggle(vial.id)}
                />
              ))}
            </tbody>
          </table>
        )}
        {card.summary.status === OrderStatus.Released ? null : (
          <AddVialForm
            suggestedLot={suggestedLot}
            onAdd={async (input) => {
              const vial = await createVial({
                ...input,
                tracerId,
                customerId: card.endpoint.customerId,
                fillDate: date,
              });
              setSelected((current) => new Set([...current, vial.id]));
            }}
          />
        )}
        {card.summary.status === OrderStatus.Released ? (
          <p role="status">{t('modal.released')}</p>
        ) : (
          <div className="production-modal__release">
            {accepted ? null : <p>{t('modal.notAccepted')}</p>}
            {accepted && selectedIds.length === 0 ? <p>{t('modal.noVialSelected')}</p> : null}
            {signing && canRelease ? (
              <SignaturePanel
                title={t('modal.releaseOrders', { ids: ids.releasable.join(', ') })}
                submitLabel={t('modal.release')}
                initialUsername={username}
                onCancel={() => setSigning(false)}
                onSubmit={async ({ password }) => {
                  await release({ orderIds: ids.releasable, vialIds: selectedIds, password });
                  setSigning(false);
                  setSelected(new Set());
                }}
              />
            ) : (
              <button type="button" disabled={!canRelease} onClick={() => setSigning(true)}>
                {t('modal.release')}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
