/**
 * "Sign with your own credentials": a release or a correction is signed by the logged-in user
 * typing their own password again. The panel shows what is being signed (the caller's
 * `signing`: orders, vials, figures), the signer's user name as it is (it cannot be typed
 * over: the server signs as the logged-in user, whatever a form says), and, when the caller
 * says the figures need it, a reason field that must be filled before signing. A refusal is
 * shown as it is and the password field is emptied. The button waits while the caller does
 * (one request per press), and the password lives only in this form's state.
 */
import type { FormEvent, ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertBox } from '../alerts/AlertBox';
import { messageOf } from '../api/apiErrors';
import { useFieldError } from '../inputs/fieldError';

/** What the caller receives when the signer signs. */
export interface Signature {
  password: string;
  /** The signer's reason, when the panel asked for one. */
  reason?: string;
}

export interface SignaturePanelProps {
  /** E.g. "Frigiv ordre - 12, 13"; default "Underskriv med dit eget login". */
  title?: string;
  /** The button, e.g. "Frigiv", "Frigiv ordre", "Ret ordre". */
  submitLabel: string;
  /** The logged-in user's user name: shown, not editable. */
  signer: string;
  /** What is being signed (the orders, the vials, the figures), shown above the password. */
  signing?: ReactNode;
  /**
   * When set, the signature needs a reason (e.g. delivered strays from required): this
   * explains why, above a reason field that must be filled.
   */
  reasonNeeded?: string | null;
  /** Sends the signature; a rejection's message is shown. */
  onSubmit(signature: Signature): Promise<unknown>;
  /** Shows a "Tilbage" button. */
  onCancel?: () => void;
}

type Problem = { level: 'warning' | 'error'; text: string };

export function SignaturePanel({
  title,
  submitLabel,
  signer,
  signing = null,
  reasonNeeded = null,
  onSubmit,
  onCancel,
}: SignaturePanelProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // A missing reason or password is said in words next to its field.
  const [missing, setMissing] = useState<{ reason: string | null; password: string | null }>({
    reason: null,
    password: null,
  });
  const reasonError = useFieldError(missing.reason);
  const passwordError = useFieldError(missing.password);
  const titleId = useId();
  const fieldId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) {
      return;
    }
    const check = {
      reason:
        reasonNeeded !== null && reason.trim().length < 3 ? t('signature.reasonMissing') : null,
      password: password === '' ? t('login.passwordMissing') : null,
    };
    setMissing(check);
    setProblem(null);
    if (check.reason !== null || check.password !== null) {
      return;
    }
    setPending(true);
    try {
      await onSubmit(reasonNeeded === null ? { password } : { password, reason: reason.trim() });
      setPassword('');
    } catch (error) {
      setPassword('');
      setProblem({ level: 'error', text: messageOf(error) });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="ts-signature"
      aria-labelledby={titleId}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id={titleId} className="ts-signature__title">
        {title ?? t('signature.title')}
      </h2>
      {signing === null ? null : (
        <section className="ts-signature__signing" aria-label={t('signature.signing')}>
          {signing}
        </section>
      )}
      {reasonNeeded === null ? null : (
        <div className="ts-signature__reason">
          <AlertBox level="warning">{reasonNeeded}</AlertBox>
          <label className="ts-login__field" htmlFor={`${fieldId}-reason`}>
            {t('signature.reason')}
          </label>
          <textarea
            id={`${fieldId}-reason`}
            className={reasonError.className}
            aria-invalid={reasonError.invalid}
            aria-describedby={reasonError.describedBy}
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonError.message}
        </div>
      )}
      <label className="ts-login__field" htmlFor={`${fieldId}-signer`}>
        {t('signature.username')}
      </label>
      <input
        id={`${fieldId}-signer`}
        className="ts-input"
        name="username"
        autoComplete="username"
        value={signer}
        readOnly
        aria-readonly
      />
      <label className="ts-login__field" htmlFor={`${fieldId}-password`}>
        {t('signature.password')}
      </label>
      <input
        id={`${fieldId}-password`}
        className={passwordError.className}
        aria-invalid={passwordError.invalid}
        aria-describedby={passwordError.describedBy}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {passwordError.message}
      <div className="ts-signature__buttons">
        {onCancel === undefined ? null : (
          <button type="button" className="ts-button ts-button--light" onClick={onCancel}>
            {t('dialog.back')}
          </button>
        )}
        <button type="submit" className="ts-button" disabled={pending} aria-busy={pending}>
          {submitLabel}
        </button>
      </div>
      {problem === null ? null : <AlertBox level={problem.level}>{problem.text}</AlertBox>}
    </form>
  );
}
