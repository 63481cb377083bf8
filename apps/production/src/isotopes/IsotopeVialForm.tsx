/**
 * An isotope vial by hand (docs/domain.md "+" and pen): batch number (lot format), dispensing
 * time on the delivery day, volume and activity, checked with core's validators. Used both to
 * add a vial and to edit one that is not delivered yet (an edit asks for its reason: core
 * `changeNeedsReason`); typed values survive a refusal.
 */
import {
  changeNeedsReason,
  instantTextOfLocalDateTime,
  localDateTimeOf,
  localDateTimeOfInstant,
  messageFor,
  siteDateOf,
  validateLotNumber,
  validatePositiveNumber,
  validateTime,
} from '@tracershop/core';
import {
  AlertBox,
  DanishNumberInput,
  localeOf,
  TextField,
  TimeInput,
  usePendingAction,
} from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeReason } from '../orderForms/ChangeReason';
import type { IsotopeVial } from './isotopeApi';

export interface IsotopeVialValues {
  batchNumber: string;
  calibratedAt: string;
  volume: number;
  activity: number;
}

export interface IsotopeVialFormProps {
  /** The vial being edited; absent for a new one. */
  vial?: IsotopeVial;
  date: string;
  timeZone: string;
  /** The checked values and, for an edit, the reason of the change. */
  onSave(values: IsotopeVialValues, reason: string | undefined): Promise<unknown>;
  onCancel(): void;
}

interface Problems {
  batchNumber: string | null;
  time: string | null;
  volume: string | null;
  activity: string | null;
}

const NO_PROBLEMS: Problems = { batchNumber: null, time: null, volume: null, activity: null };

const decimal = (value: number) => String(value).replace('.', ',');

export function IsotopeVialForm({ vial, date, timeZone, onSave, onCancel }: IsotopeVialFormProps) {
  const { t, i18n } = useTranslation('app');
  const titleId = useId();
  const [batchNumber, setBatchNumber] = useState(vial?.batchNumber ?? '');
  const [time, setTime] = useState(
    vial === undefined ? '' : localDateTimeOfInstant(vial.calibratedAt, timeZone).slice(11, 16),
  );
  const [volume, setVolume] = useState(vial === undefined ? '' : decimal(vial.volume));
  const [activity, setActivity] = useState(vial === undefined ? '' : decimal(vial.activity));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const save = usePendingAction();
  const reason = useChangeReason(vial !== undefined && changeNeedsReason({ change: 'vial' }));

  function submit() {
    const locale = localeOf(i18n.language);
    const batch = validateLotNumber(batchNumber, 'batchNumber');
    const clock = validateTime(time, 'time');
    const ml = validatePositiveNumber(volume, 'volume');
    const mbq = validatePositiveNumber(activity, 'activity');
    setProblems({
      batchNumber: batch.ok ? null : messageFor(batch.issue, locale),
      time: clock.ok ? null : messageFor(clock.issue, locale),
      volume: ml.ok ? null : messageFor(ml.issue, locale),
      activity: mbq.ok ? null : messageFor(mbq.issue, locale),
    });
    const why = reason.take();
    if (!batch.ok || !clock.ok || !ml.ok || !mbq.ok || why === null) {
      return;
    }
    // The day of a vial being edited stays its own; a new vial is dispensed on the delivery day.
    const day = vial === undefined ? date : siteDateOf(vial.calibratedAt, timeZone);
    void save.run(
      () =>
        onSave(
          {
            batchNumber: batch.value,
            calibratedAt: instantTextOfLocalDateTime(localDateTimeOf(day, clock.value), timeZone),
            volume: ml.value,
            activity: mbq.value,
          },
          why,
        ),
      onCancel,
    );
  }

  const problemList = Object.values(problems).filter(
    (problem): problem is string => problem !== null,
  );

  return (
    <form
      className="production-vial-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h4 id={titleId}>
        {vial === undefined
          ? t('isotopes.vials.new')
          : t('isotopes.vials.edit', { batch: vial.batchNumber })}
      </h4>
      <TextField
        label={t('isotopes.vials.batch')}
        value={batchNumber}
        onChange={setBatchNumber}
        error={problems.batchNumber}
        autoComplete="off"
      />
      <TimeInput
        label={t('isotopes.vials.time')}
        value={time}
        onChange={setTime}
        error={problems.time}
      />
      <DanishNumberInput
        label={t('isotopes.vials.volumeInput')}
        value={volume}
        onChange={setVolume}
        error={problems.volume}
      />
      <DanishNumberInput
        label={t('isotopes.vials.activityInput')}
        value={activity}
        onChange={setActivity}
        error={problems.activity}
      />
      {reason.field}
      <button type="submit" className="ts-button" disabled={save.pending} aria-busy={save.pending}>
        {t('isotopes.vials.save')}
      </button>
      <button type="button" className="ts-button ts-button--light" onClick={onCancel}>
        {t('isotopes.card.cancel')}
      </button>
      {problemList.map((problem) => (
        <AlertBox key={problem} level="error">
          {problem}
        </AlertBox>
      ))}
      {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
    </form>
  );
}
