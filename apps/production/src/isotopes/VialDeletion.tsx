/**
 * "Slet" of an isotope vial in the isotope order modal (`vials.isotope.delete`): offered for a
 * vial not delivered with an order (a delivered one the api refuses with `VIAL_ASSIGNED` until
 * a correction takes it back). The delete is asked first; the api wants no reason for it. A
 * refusal stands in words (the api's message, `messageOf`), naming the vial.
 */
import { ConfirmDialog, usePendingAction } from '@tracershop/ui';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsotopeVial } from './isotopeApi';

export interface VialDeletion {
  /** Asks before deleting `vial`. */
  ask(vial: IsotopeVial): void;
  /** A delete is under way. */
  pending: boolean;
  /** Why the last delete failed, in words. */
  failure: string | null;
  /** The question; render it once in the dialog. */
  dialog: ReactNode;
}

/** The delete of the vials a dialog shows; `remove` calls the api with the vial's id. */
export function useVialDeletion(remove: (vialId: number) => Promise<unknown>): VialDeletion {
  const { t } = useTranslation('app');
  const action = usePendingAction();
  const [asking, setAsking] = useState<IsotopeVial | null>(null);
  // The vial of the last delete, to name it in a refusal.
  const [deleting, setDeleting] = useState<IsotopeVial | null>(null);

  return {
    ask: setAsking,
    pending: action.pending,
    failure:
      action.failure === null
        ? null
        : t('isotopes.vials.deleteFailed', {
            batch: deleting?.batchNumber ?? '',
            message: action.failure,
          }),
    dialog: (
      <ConfirmDialog
        open={asking !== null}
        title={t('isotopes.vials.deleteTitle', { batch: asking?.batchNumber ?? '' })}
        confirmLabel={t('isotopes.vials.deleteConfirm')}
        cancelLabel={t('isotopes.back')}
        pending={action.pending}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking === null) {
            return;
          }
          setAsking(null);
          setDeleting(asking);
          void action.run(() => remove(asking.id));
        }}
      >
        {t('isotopes.vials.deleteQuestion', { batch: asking?.batchNumber ?? '' })}
      </ConfirmDialog>
    ),
  };
}
