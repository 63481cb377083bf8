/**
 * The fields the schedule set-up forms share (productions, delivery slots, deadlines): the
 * product select, the weekday options, the label of a run ("Mandag - 08:00") and the form's
 * save / new / delete buttons.
 */
import { formatShortTime } from '@tracershop/core';
import { weekdayNameKey } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../forms/SelectField';
import type { ScheduleProduct, ScheduleRun } from './scheduleProducts';
import { WEEKDAYS } from './scheduleProducts';

export interface ProductSelectProps {
  id: string;
  label: string;
  products: readonly ScheduleProduct[];
  /** The chosen product's key, '' for none. */
  value: string;
  onChange: (key: string) => void;
}

export function ProductSelect({ id, label, products, value, onChange }: ProductSelectProps) {
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={products.map((product) => ({ value: product.key, label: product.label }))}
    />
  );
}

/** "Mandag" … "Søndag" as the options of a select (value 0 … 6). */
export function WeekdayOptions() {
  const { t } = useTranslation('app');
  return WEEKDAYS.map((weekday) => (
    <option key={weekday} value={weekday}>
      {t(weekdayNameKey(weekday))}
    </option>
  ));
}

/** The label of a run: "Mandag - 08:00". */
export function useRunLabel(): (run: Pick<ScheduleRun, 'weekday' | 'productionTime'>) => string {
  const { t } = useTranslation('app');
  return (run) => `${t(weekdayNameKey(run.weekday))} - ${formatShortTime(run.productionTime)}`;
}

export interface ScheduleEntryButtonsProps {
  /** The entry is stored (not a new one): "new" and "delete" are offered. */
  stored: boolean;
  canSave: boolean;
  pending: boolean;
  labels: { save: string; new: string; delete: string };
  onNew(): void;
  onDelete(): void;
}

/** "Gem" (the form's submit), and for a stored entry "Ny" and "Slet". */
export function ScheduleEntryButtons(props: ScheduleEntryButtonsProps) {
  const { stored, canSave, pending, labels } = props;
  return (
    <>
      <button
        type="submit"
        className="ts-button"
        disabled={!canSave || pending}
        aria-busy={pending}
      >
        {labels.save}
      </button>
      {stored ? (
        <>
          <button
            type="button"
            className="ts-button ts-button--light"
            disabled={pending}
            onClick={props.onNew}
          >
            {labels.new}
          </button>
          <button
            type="button"
            className="ts-button ts-button--light"
            disabled={pending}
            onClick={props.onDelete}
          >
            {labels.delete}
          </button>
        </>
      ) : null}
    </>
  );
}
