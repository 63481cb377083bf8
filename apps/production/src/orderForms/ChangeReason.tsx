/**
 * Asking for the reason of a change (docs/domain.md, "Reasons for changes"). Core's
 * `changeNeedsReason` says when a change needs one — an accepted order's dose, time or
 * injections, a move or a move back of accepted orders, a correction, a vial edit — and the
 * api refuses it without; these pieces ask before anything is sent, so the user is never
 * refused for a field they were not shown. The reason is checked by core's schema
 * (`changeReasonText`: 3–500 characters) and goes with the request, which the audit trail keeps.
 */
import { changeReasonText } from '@tracershop/core';
import { ConfirmDialog, TextField } from '@tracershop/ui';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './orderForms.css';

export interface ChangeReason {
  /**
   * The reason to send: undefined when the change needs none, the reason when it is
   * acceptable, null (and the field says why) when it is needed and missing or too short.
   */
  take(): string | undefined | null;
  /** The reason field, or nothing when the change needs no reason. */
  field: ReactNode;
}

/** The reason field of a form whose change needs a reason when `needed`. */
export function useChangeReason(needed: boolean): ChangeReason {
  const { t } = useTranslation('app');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    take() {
      if (!needed) {
        return undefined;
      }
      const parsed = changeReasonText.safeParse(text.trim());
      if (!parsed.success) {
        setMissing(true);
        return null;
      }
      return parsed.data;
    },
    field: needed ? (
      <TextField
        className="production-change-reason"
        label={t('orders.changeReason.label')}
        value={text}
        onChange={(value) => {
          setText(value);
          setMissing(false);
        }}
        error={missing ? t('orders.changeReason.missing') : null}
        maxLength={500}
      />
    ) : null,
  };
}

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  /** Why the reason is asked (or, when none is needed, the question), above the field. */
  question: string;
  /** Whether the change needs a reason (core `changeNeedsReason`); default true. */
  needed?: boolean;
  /** Default "Bekræft". */
  confirmLabel?: string;
  pending?: boolean;
  /** With the reason; undefined only when `needed` is false. */
  onConfirm(reason: string | undefined): void;
  onCancel(): void;
}

/**
 * A change made by a button (a move, a move back, a delete) that needs a reason: asked in a
 * modal question; Enter in the field confirms, Escape cancels. Without `needed` it is only the
 * question.
 */
export function ReasonDialog({
  open,
  title,
  question,
  needed = true,
  confirmLabel,
  pending = false,
  onConfirm,
  onCancel,
}: ReasonDialogProps) {
  if (!open) {
    return null;
  }
  return (
    <OpenReasonDialog
      title={title}
      question={question}
      needed={needed}
      confirmLabel={confirmLabel}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}

/** The dialog while open: its reason starts empty each time it opens. */
function OpenReasonDialog({
  title,
  question,
  needed,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
}: Omit<ReasonDialogProps, 'open'>) {
  const reason = useChangeReason(needed ?? true);
  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel={confirmLabel}
      pending={pending}
      onCancel={onCancel}
      onConfirm={() => {
        const text = reason.take();
        if (text !== null) {
          onConfirm(text);
        }
      }}
    >
      <p>{question}</p>
      {reason.field}
    </ConfirmDialog>
  );
}
