/**
 * "Udskriv certifikat" in the order dialogs: a released order's release document printed on
 * the active document printer (the api's `printing.activityCertificate`,
 * `injectionCertificate`, `isotopeCertificate`; docs/operations.md, "Printing"). While the
 * printer works the button waits and the dialog says "Udskriver …"; then it names the printer
 * and the job, or says why nothing was printed in the api's words (no printer chosen, the
 * printer does not answer, refused or aborted the job).
 */
import { AlertBox, usePendingAction } from '@tracershop/ui';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What the api reports of a print (`PrintResult`). */
export interface PrintOutcome {
  printerName: string;
  jobId: number;
  state: string;
  /** False when the printer had not finished within the api's wait. */
  completed: boolean;
}

export interface CertificatePrint {
  /** The button, for the dialog's footer; nothing when there is no certificate to print. */
  button: ReactNode;
  /** "Udskriver …", the printer and job, or why it failed; for the dialog's body. */
  message: ReactNode;
}

/** The print button and its message; `print` is null while the order is not released. */
export function useCertificatePrint(print: (() => Promise<PrintOutcome>) | null): CertificatePrint {
  const { t } = useTranslation('app');
  const action = usePendingAction();
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  if (print === null) {
    return { button: null, message: null };
  }
  let message: ReactNode = null;
  if (action.pending) {
    message = <p role="status">{t('orders.print.printing')}</p>;
  } else if (action.failure !== null) {
    message = (
      <AlertBox level="error">{t('orders.print.failed', { message: action.failure })}</AlertBox>
    );
  } else if (printed !== null) {
    const job = { printer: printed.printerName, job: printed.jobId, state: printed.state };
    message = (
      <p role="status">
        {printed.completed ? t('orders.print.printed', job) : t('orders.print.queued', job)}
      </p>
    );
  }
  return {
    button: (
      <button
        type="button"
        className="ts-button ts-button--light"
        disabled={action.pending}
        aria-busy={action.pending}
        onClick={() => {
          setPrinted(null);
          void action.run(async () => setPrinted(await print()));
        }}
      >
        {t('orders.print.button')}
      </button>
    ),
    message,
  };
}
