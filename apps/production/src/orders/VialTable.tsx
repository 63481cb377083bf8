/**
 * The vials of a delivery in the activity order modal (docs/domain.md): ID | Batch | Kalibrerings
 * Tidspunkt | Volumen | Aktivitet | (edit) | Brug. Vials already delivered are listed checked;
 * the free vials of the customer and date can be chosen ("Brug", accepted collections only)
 * or corrected in place while unassigned and not chosen; a vial can be typed by hand.
 */
import { useFigures } from '@tracershop/ui';
import {
  changeNeedsReason,
  formatDanishDecimal,
  formatShortTime,
  suggestLotNumber,
} from '@tracershop/core';
import { useTranslation } from 'react-i18next';
import type { SlotVial, SlotVials } from '../productionApi';
import type { VialFields } from './VialForm';
import { VialForm } from './VialForm';

/** Which vial form is open: none, a new vial, or the correction of vial `id`. */
export type VialFormState = null | 'new' | { id: number };

export interface VialTableProps {
  vials: SlotVials | undefined;
  selected: ReadonlySet<number>;
  /** Choosing ("Brug") is possible: the collection is Accepted. */
  choosable: boolean;
  /** Adding and correcting vials is possible: the collection is not Released. */
  editable: boolean;
  form: VialFormState;
  onForm(form: VialFormState): void;
  onToggle(id: number): void;
  /** The date and vial tag of the suggested lot number of a new vial. */
  date: string;
  vialTag: string | null;
  onCreate(fields: VialFields): Promise<void>;
  /** An edit of a vial, with the reason every vial edit needs (core `changeNeedsReason`). */
  onEdit(id: number, fields: VialFields, reason: string | undefined): Promise<void>;
}

const COLUMNS = 7;

function textsOf(vial: SlotVial) {
  return {
    lotNumber: vial.lotNumber,
    fillTime: vial.fillTime.slice(0, 8),
    volume: formatDanishDecimal(vial.volume, 2).replace(/,?0+$/, ''),
    activity: formatDanishDecimal(vial.activity, 2).replace(/,?0+$/, ''),
  };
}

export function VialTable(props: VialTableProps) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  const { vials, selected, choosable, editable, form } = props;
  const assigned = vials?.assigned ?? [];
  const available = vials?.available ?? [];
  const suggestedLot =
    (props.vialTag === null ? null : suggestLotNumber(props.vialTag, props.date)) ?? '';

  const row = (vial: SlotVial, isAssigned: boolean) => {
    const checked = isAssigned || selected.has(vial.id);
    if (form !== null && form !== 'new' && form.id === vial.id) {
      return (
        <tr key={vial.id}>
          <td colSpan={COLUMNS}>
            <VialForm
              title={t('orders.vialForm.editTitle', { lot: vial.lotNumber })}
              initial={textsOf(vial)}
              submitLabel={t('orders.vialForm.save')}
              asksReason={changeNeedsReason({ change: 'vial' })}
              onCancel={() => props.onForm(null)}
              onSubmit={(fields, reason) => props.onEdit(vial.id, fields, reason)}
            />
          </td>
        </tr>
      );
    }
    return (
      <tr key={vial.id}>
        <td>{vial.id}</td>
        <td>{vial.lotNumber}</td>
        <td>{formatShortTime(vial.fillTime)}</td>
        <td>{figures.volume(vial.volume)}</td>
        <td>{figures.activity(vial.activity)}</td>
        <td>
          {editable && !isAssigned && !checked && vial.assignedToId === null ? (
            <button
              className="ts-button ts-button--light"
              type="button"
              disabled={form !== null}
              onClick={() => props.onForm({ id: vial.id })}
            >
              {t('orders.vials.edit', { lot: vial.lotNumber })}
            </button>
          ) : null}
        </td>
        <td>
          {isAssigned || choosable ? (
            <input
              type="checkbox"
              aria-label={t('orders.vials.use', { lot: vial.lotNumber })}
              checked={checked}
              disabled={isAssigned || form !== null}
              onChange={() => props.onToggle(vial.id)}
            />
          ) : null}
        </td>
      </tr>
    );
  };

  return (
    <section className="production-vials" aria-label={t('orders.vials.title')}>
      <h3>{t('orders.vials.title')}</h3>
      {assigned.length + available.length === 0 ? <p>{t('orders.vials.none')}</p> : null}
      <table className="production-table">
        <thead>
          <tr>
            <th scope="col">{t('orders.vials.id')}</th>
            <th scope="col">{t('orders.vials.lot')}</th>
            <th scope="col">{t('orders.vials.fillTime')}</th>
            <th scope="col">{t('orders.vials.volume')}</th>
            <th scope="col">{t('orders.vials.activity')}</th>
            <th scope="col">
              <span className="production-visually-hidden">{t('orders.vials.editColumn')}</span>
            </th>
            <th scope="col">{t('orders.vials.useColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {assigned.map((vial) => row(vial, true))}
          {available.map((vial) => row(vial, false))}
          {form === 'new' ? (
            <tr>
              <td colSpan={COLUMNS}>
                <VialForm
                  title={t('orders.vialForm.newTitle')}
                  initial={{ lotNumber: suggestedLot, fillTime: '', volume: '', activity: '' }}
                  submitLabel={t('orders.vialForm.add')}
                  onCancel={() => props.onForm(null)}
                  onSubmit={props.onCreate}
                />
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {editable && form === null ? (
        <button
          className="ts-button ts-button--light"
          type="button"
          onClick={() => props.onForm('new')}
        >
          {t('orders.vials.add')}
        </button>
      ) : null}
    </section>
  );
}
