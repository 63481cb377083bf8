/**
 * "Deadlines" (docs/domain.md): one row per deadline — type (daily / weekly), time, weekday
 * (weekly only), and which global deadline it is. Choosing "Aktivitet Deadline" or
 * "Injektion Deadline" makes the row the global one at once; the global rows' choice is
 * locked (another row takes the role over) and they cannot be deleted. "Gem" saves a changed
 * row; the blank row at the bottom creates a deadline.
 */
import type { DeadlineScope, Weekday } from '@tracershop/core';
import { DeadlineType, validateTime } from '@tracershop/core';
import { AlertBox, ConfirmDialog, messageOf, TimeInput } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import { WeekdayOptions } from '../ScheduleFields';
import { WithCatalog } from '../WithCatalog';
import type { DeadlineCreate } from './deadlinesApi';
import { useDeadlineWrites } from './deadlinesApi';
import './deadlines.css';

type Deadline = Catalog['deadlines'][number];

const SCOPES: readonly DeadlineScope[] = ['activity', 'injection'];

interface Draft {
  deadlineType: DeadlineType;
  time: string;
  weekday: Weekday;
  appliesTo: DeadlineScope | null;
}

function draftOf(deadline: Deadline | undefined): Draft {
  return {
    deadlineType: deadline?.deadlineType ?? DeadlineType.Daily,
    time: deadline?.deadlineTime ?? '',
    weekday: (deadline?.weekday ?? 0) as Weekday,
    appliesTo: deadline?.appliesTo ?? null,
  };
}

export default function DeadlinesPage() {
  return <WithCatalog>{(catalog) => <DeadlinesTable stored={catalog.deadlines} />}</WithCatalog>;
}

function DeadlinesTable({ stored }: { stored: readonly Deadline[] }) {
  const { t } = useTranslation('app');
  const deadlines = [...stored].sort((a, b) => a.id - b.id);
  return (
    <section aria-label={t('setup.deadlines')}>
      <table className="production-table setup-deadlines">
        <caption className="ts-visually-hidden">{t('setupDeliveries.deadlines.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('setupDeliveries.deadlines.type')}</th>
            <th scope="col">{t('setupDeliveries.deadlines.time')}</th>
            <th scope="col">{t('setupDeliveries.deadlines.day')}</th>
            <th scope="col">{t('setupDeliveries.deadlines.global')}</th>
            <th scope="col">{t('setupDeliveries.deadlines.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((deadline, index) => (
            <DeadlineRow
              key={deadline.id}
              deadline={deadline}
              label={t('setupDeliveries.deadlines.row', { number: index + 1 })}
            />
          ))}
          <DeadlineRow
            key={`new-${deadlines.length}`}
            deadline={undefined}
            label={t('setupDeliveries.deadlines.newRow')}
          />
        </tbody>
      </table>
    </section>
  );
}

function DeadlineRow({ deadline, label }: { deadline: Deadline | undefined; label: string }) {
  const { t } = useTranslation('app');
  const writes = useDeadlineWrites();
  const [draft, setDraft] = useState<Draft>(() => draftOf(deadline));
  const [timeError, setTimeError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const pending = Object.values(writes).some((write) => write.isPending);
  const stored = draftOf(deadline);
  const weekly = draft.deadlineType === DeadlineType.Weekly;
  const changed =
    deadline === undefined ||
    draft.deadlineType !== stored.deadlineType ||
    draft.time !== stored.time ||
    (weekly && draft.weekday !== stored.weekday);
  const isGlobal = deadline !== undefined && deadline.appliesTo !== null;

  const update = (next: Partial<Draft>) => {
    setDone(null);
    setDraft((current) => ({ ...current, ...next }));
  };

  const save = async () => {
    if (pending || !changed) {
      return;
    }
    const checked = validateTime(draft.time);
    if (!checked.ok) {
      setTimeError(t('setupDeliveries.deadlines.badTime'));
      return;
    }
    setTimeError(null);
    setProblem(null);
    const fields = {
      deadlineType: draft.deadlineType,
      deadlineTime: checked.value,
      weekday: weekly ? draft.weekday : null,
    };
    try {
      if (deadline === undefined) {
        const input: DeadlineCreate =
          draft.appliesTo === null ? fields : { ...fields, appliesTo: draft.appliesTo };
        await writes.createDeadline.mutateAsync(input);
      } else {
        await writes.editDeadline.mutateAsync({ id: deadline.id, ...fields });
        setDraft((current) => ({ ...current, time: checked.value }));
        setDone(t('setupDeliveries.saved'));
      }
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const makeGlobal = async (scope: DeadlineScope | null) => {
    if (deadline === undefined) {
      update({ appliesTo: scope });
      return;
    }
    if (scope === null || pending) {
      return;
    }
    setProblem(null);
    try {
      await writes.editDeadline.mutateAsync({ id: deadline.id, appliesTo: scope });
      setDone(
        t('setupDeliveries.deadlines.madeGlobal', {
          kind: t(`setupDeliveries.deadlines.${scope}`),
        }),
      );
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const remove = async () => {
    if (deadline === undefined) {
      return;
    }
    setProblem(null);
    try {
      await writes.deleteDeadline.mutateAsync({ id: deadline.id });
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setConfirmingDelete(false);
    }
  };

  const globalValue = deadline === undefined ? draft.appliesTo : deadline.appliesTo;

  return (
    <tr
      aria-label={label}
      onKeyDown={(event) => {
        // Enter in the time field saves the row (each row is its own little form).
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <td>
        <select
          className="ts-input"
          aria-label={t('setupDeliveries.deadlines.type')}
          value={draft.deadlineType}
          onChange={(event) => update({ deadlineType: Number(event.target.value) as DeadlineType })}
        >
          <option value={DeadlineType.Daily}>{t('setupDeliveries.deadlines.daily')}</option>
          <option value={DeadlineType.Weekly}>{t('setupDeliveries.deadlines.weekly')}</option>
        </select>
      </td>
      <td>
        <TimeInput
          label={t('setupDeliveries.deadlines.time')}
          hideLabel
          value={draft.time}
          error={timeError}
          onChange={(time) => {
            setTimeError(null);
            update({ time });
          }}
        />
        {timeError === null ? null : (
          <span className="setup-deadlines__error" aria-hidden="true">
            {timeError}
          </span>
        )}
      </td>
      <td>
        {weekly ? (
          <select
            className="ts-input"
            aria-label={t('setupDeliveries.deadlines.day')}
            value={draft.weekday}
            onChange={(event) => update({ weekday: Number(event.target.value) as Weekday })}
          >
            <WeekdayOptions />
          </select>
        ) : (
          <span>{t('setupDeliveries.deadlines.noDay')}</span>
        )}
      </td>
      <td>
        <select
          className="ts-input"
          aria-label={t('setupDeliveries.deadlines.global')}
          value={globalValue ?? ''}
          disabled={isGlobal || pending}
          title={isGlobal ? t('setupDeliveries.deadlines.globalLocked') : undefined}
          onChange={(event) =>
            void makeGlobal(
              event.target.value === '' ? null : (event.target.value as DeadlineScope),
            )
          }
        >
          <option value="">{t('setupDeliveries.deadlines.notGlobal')}</option>
          {SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(`setupDeliveries.deadlines.${scope}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="setup-deadlines__actions">
        {changed ? (
          <button
            type="button"
            className="ts-button"
            disabled={pending}
            aria-busy={pending}
            onClick={() => void save()}
          >
            {deadline === undefined
              ? t('setupDeliveries.deadlines.create')
              : t('setupDeliveries.deadlines.save')}
          </button>
        ) : null}
        {deadline !== undefined && !isGlobal ? (
          <button
            type="button"
            className="ts-button ts-button--light"
            disabled={pending}
            onClick={() => setConfirmingDelete(true)}
          >
            {t('setupDeliveries.deadlines.delete')}
          </button>
        ) : null}
        {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
        {done === null ? null : <span role="status">{done}</span>}
        <ConfirmDialog
          open={confirmingDelete}
          title={t('setupDeliveries.deadlines.deleteQuestion')}
          pending={pending}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmingDelete(false)}
        />
      </td>
    </tr>
  );
}
