/**
 * The pieces of an editable catalogue row (tracers, isotopes, printers): the fields sit in a
 * table row, so Enter in one of its inputs saves the row, and a save button shows once the row
 * differs from what is stored ("Opret" on the blank row that creates, "Gem" on the others).
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A row's key handler: Enter in one of its inputs saves (a table row cannot hold a form). */
export function saveOnEnter(save: () => void) {
  return (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      save();
    }
  };
}

export interface RowSaveButtonProps {
  /** The blank row that creates. */
  isNew: boolean;
  /** The row's name, for the accessible name of "Gem". */
  name: string;
  /** The accessible name of "Opret" on the blank row (e.g. "Opret tracer"). */
  createLabel: string;
  pending: boolean;
  onSave: () => void;
}

export function RowSaveButton({ isNew, name, createLabel, pending, onSave }: RowSaveButtonProps) {
  const { t } = useTranslation('app');
  return (
    <button
      type="button"
      className="ts-button"
      disabled={pending}
      aria-busy={pending}
      aria-label={isNew ? createLabel : t('setupCatalog.common.saveOf', { name })}
      onClick={onSave}
    >
      {isNew ? t('setupCatalog.common.create') : t('setupCatalog.common.save')}
    </button>
  );
}
