/**
 * The dose calculator ("Dosislommeregner", docs/domain.md): the user lists when
 * activity is needed (time and MBq, default 300) and gets the one activity to order for the
 * reference time — the slot's delivery time on the chosen date. Validation and the decay
 * sum are core's (`validateCalculatorEntry`, `calculateActivity`); this only renders them.
 *
 * Enter adds the typed line, or — with an empty time field — hands the result back, as
 * "Udregn" does: `onCommit` receives the unfloored sum (the shop floors it, production keeps
 * decimals); the running total shows it floored.
 */
import type { CalculatorEntry, ValidationIssue } from '@tracershop/core';
import {
  DEFAULT_TIME_ZONE,
  formatDanishDateTime,
  calculateActivity,
  formatActivity,
  messageFor,
  validateCalculatorEntry,
} from '@tracershop/core';
import type { KeyboardEvent } from 'react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertBox } from '../alerts/AlertBox';
import { localeOf } from '../i18n/i18n';
import { DanishNumberInput } from '../inputs/DanishNumberInput';
import { TimeInput } from '../inputs/TimeInput';

export interface DoseCalculatorProps {
  /** `'YYYY-MM-DD HH:MM:SS'`: the slot's delivery time on the selected date. */
  referenceTime: string;
  halflifeSeconds: number;
  /** Shown in the header when given. */
  tracerName?: string;
  /** Receives the unfloored activity (MBq) needed at the reference time. */
  onCommit(total: number): void;
  /** Shows "Tilbage": close without a result. */
  onCancel?: () => void;
  /** The activity a new line starts with; default "300". */
  defaultActivity?: string;
  timeZone?: string;
}

interface Line extends CalculatorEntry {
  id: number;
  /** The activity as typed (Danish decimal comma). */
  activityText: string;
}

function shortTime(time: string): string {
  return time.endsWith(':00') ? time.slice(0, 5) : time;
}

export function DoseCalculator({
  referenceTime,
  halflifeSeconds,
  tracerName,
  onCommit,
  onCancel,
  defaultActivity = '300',
  timeZone = DEFAULT_TIME_ZONE,
}: DoseCalculatorProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const titleId = useId();
  const timeRef = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const [lines, setLines] = useState<Line[]>([]);
  const [time, setTime] = useState('');
  const [activity, setActivity] = useState(defaultActivity);
  const [issue, setIssue] = useState<ValidationIssue | null>(null);

  const total = useMemo(() => {
    try {
      return calculateActivity({ referenceTime, halflifeSeconds, entries: lines, timeZone });
    } catch {
      // The reference time moved past a line: nothing can be committed until it is removed.
      return null;
    }
  }, [referenceTime, halflifeSeconds, lines, timeZone]);

  const message = issue === null ? null : messageFor(issue, locale);
  const timeError = issue !== null && issue.field === 'time' ? message : null;
  const activityError = issue !== null && issue.field === 'activity' ? message : null;

  function add() {
    const result = validateCalculatorEntry({ referenceTime, time, activity, timeZone });
    if (!result.ok) {
      setIssue(result.issue);
      return;
    }
    setIssue(null);
    const id = nextId.current;
    nextId.current += 1;
    setLines((current) => [...current, { ...result.value, id, activityText: activity.trim() }]);
    setTime('');
    setActivity(defaultActivity);
    timeRef.current?.focus();
  }

  function commit() {
    if (total !== null) {
      onCommit(total);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') {
      return;
    }
    event.preventDefault();
    if (time.trim() === '') {
      commit();
    } else {
      add();
    }
  }

  return (
    <section className="ts-calculator" aria-labelledby={titleId}>
      <h2 id={titleId} className="ts-calculator__title">
        {t('calculator.title')}
      </h2>
      <dl className="ts-calculator__facts">
        {tracerName === undefined ? null : (
          <>
            <dt>{t('calculator.tracer')}</dt>
            <dd>{tracerName}</dd>
          </>
        )}
        <dt>{t('calculator.referenceTime')}</dt>
        <dd>{formatDanishDateTime(referenceTime, true)}</dd>
        <dt>{t('calculator.halflife')}</dt>
        <dd>{t('calculator.seconds', { seconds: halflifeSeconds })}</dd>
        <dt>{t('calculator.total')}</dt>
        <dd>
          <output aria-live="polite" data-testid="calculator-total">
            {total === null ? '–' : formatActivity(total)}
          </output>
        </dd>
      </dl>
      <table className="ts-calculator__entries">
        <caption className="ts-visually-hidden">{t('calculator.entries')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calculator.time')}</th>
            <th scope="col">{t('calculator.activity')}</th>
            <th scope="col">
              <span className="ts-visually-hidden">{t('calculator.removeColumn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 ? (
            <tr>
              <td colSpan={3}>{t('calculator.none')}</td>
            </tr>
          ) : (
            lines.map((line) => (
              <tr key={line.id}>
                <td>{shortTime(line.time)}</td>
                <td>{line.activityText}</td>
                <td>
                  <button
                    type="button"
                    className="ts-calculator__remove"
                    aria-label={t('calculator.remove', { time: shortTime(line.time) })}
                    onClick={() =>
                      setLines((current) => current.filter((other) => other.id !== line.id))
                    }
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))
          )}
          <tr>
            <td>
              <TimeInput
                ref={timeRef}
                label={t('calculator.time')}
                hideLabel
                value={time}
                onChange={(next) => {
                  setTime(next);
                  setIssue(null);
                }}
                onKeyDown={onKeyDown}
                error={timeError}
                aria-keyshortcuts="Enter"
              />
            </td>
            <td>
              <DanishNumberInput
                label={t('calculator.activity')}
                hideLabel
                value={activity}
                onChange={(next) => {
                  setActivity(next);
                  setIssue(null);
                }}
                onKeyDown={onKeyDown}
                error={activityError}
              />
            </td>
            <td>
              <button type="button" className="ts-button" onClick={add}>
                {t('calculator.add')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="ts-calculator__hint">{t('calculator.enterHint')}</p>
      {message === null ? null : <AlertBox level="error">{message}</AlertBox>}
      <div className="ts-calculator__buttons">
        {onCancel === undefined ? null : (
          <button type="button" className="ts-button ts-button--light" onClick={onCancel}>
            {t('calculator.back')}
          </button>
        )}
        <button type="button" className="ts-button" disabled={total === null} onClick={commit}>
          {t('calculator.commit')}
        </button>
      </div>
    </section>
  );
}
