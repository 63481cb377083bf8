/**
 * A modal question ("Vil du afvise?"): title, text, "Bekræft" and "Annuller". A native modal
 * <dialog>; focus starts on its first field when the question asks for one (a reason), else
 * on "Bekræft"; Tab stays inside, Escape cancels and Enter confirms
 * (Enter on "Annuller" cancels; in a text area it is a new line). When it closes, focus
 * returns to where it was. While `pending` (the caller is waiting for the server) "Bekræft"
 * is disabled, so a double press confirms once (docs/domain.md).
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** The question or explanation under the title. */
  children?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
  /** Default "Bekræft". */
  confirmLabel?: string;
  /** Default "Annuller". */
  cancelLabel?: string;
  pending?: boolean;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function ConfirmDialog({
  open,
  title,
  children,
  onConfirm,
  onCancel,
  confirmLabel,
  cancelLabel,
  pending = false,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || dialog === null) {
      return undefined;
    }
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') {
        dialog.showModal();
      } else {
        dialog.setAttribute('open', '');
      }
    }
    const field = dialog.querySelector<HTMLElement>(
      'input:not([disabled]), textarea:not([disabled]), select:not([disabled])',
    );
    (field ?? (confirmRef.current?.disabled === true ? cancelRef : confirmRef).current)?.focus();
    return () => {
      if (typeof dialog.close === 'function') {
        dialog.close();
      } else {
        dialog.removeAttribute('open');
      }
      previous?.focus();
    };
  }, [open]);

  function confirm() {
    if (!pending) {
      onConfirm();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    // The question's keys are its own: Escape must not also close a modal it was asked over.
    if (event.key === 'Escape' || event.key === 'Enter') {
      event.stopPropagation();
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter') {
      if (event.target instanceof HTMLTextAreaElement) {
        return;
      }
      event.preventDefault();
      if (event.target === cancelRef.current) {
        onCancel();
      } else {
        confirm();
      }
    } else if (event.key === 'Tab') {
      const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (first === undefined || last === undefined) {
        event.preventDefault();
      } else if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  if (!open) {
    return null;
  }
  return (
    <dialog
      ref={dialogRef}
      className="ts-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={children === undefined ? undefined : textId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // The browser's own Escape handling: keep the dialog under React's control.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="ts-dialog__title">
        {title}
      </h2>
      {children === undefined ? null : (
        <div id={textId} className="ts-dialog__text">
          {children}
        </div>
      )}
      <div className="ts-dialog__buttons">
        <button
          ref={cancelRef}
          type="button"
          className="ts-button ts-button--light"
          onClick={onCancel}
        >
          {cancelLabel ?? t('dialog.cancel')}
        </button>
        <button
          ref={confirmRef}
          type="button"
          className="ts-button"
          disabled={pending}
          aria-busy={pending}
          onClick={confirm}
        >
          {confirmLabel ?? t('dialog.confirm')}
        </button>
      </div>
    </dialog>
  );
}
