/**
 * "Sign with your own credentials" (legacy §2.6): a release or a correction is signed by
 * typing user name and password again. The caller names the button ("Frigiv", "Ret ordre")
 * and sends the credentials; a refusal (the api's Danish "Forkert login") is shown as it is
 * and the password field is emptied. Empty fields are refused before anything is sent, the
 * button waits while the caller does (one request per press), and the password lives only in
 * this form's state — it is never stored anywhere else and is dropped once sent.
 */
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginInput } from '@tracershop/core';
import { AlertBox } from '../alerts/AlertBox';
import { messageOf } from '../api/apiErrors';
import { CredentialFields } from '../login/CredentialFields';

export interface SignaturePanelProps {
  /** E.g. "Frigiv ordre - 12, 13"; default "Underskriv med dit eget login". */
  title?: string;
  /** The button, e.g. "Frigiv", "Frigiv ordre", "Ret ordre". */
  submitLabel: string;
  /** Sends the signature; a rejection's message is shown. */
  onSubmit(credentials: LoginInput): Promise<unknown>;
  /** Shows a "Tilbage" button. */
  onCancel?: () => void;
  /** Prefills the user name (the logged-in user's). */
  initialUsername?: string;
}

type Problem = { level: 'warning' | 'error'; text: string };

export function SignaturePanel({
  title,
  submitLabel,
  onSubmit,
  onCancel,
  initialUsername = '',
}: SignaturePanelProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const titleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) {
      return;
    }
    if (username.trim() === '') {
      setProblem({ level: 'warning', text: t('login.usernameMissing') });
      return;
    }
    if (password === '') {
      setProblem({ level: 'warning', text: t('login.passwordMissing') });
      return;
    }
    setProblem(null);
    setPending(true);
    const credentials = { username: username.trim(), password };
    try {
      await onSubmit(credentials);
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
      <CredentialFields
        usernameLabel={t('signature.username')}
        passwordLabel={t('signature.password')}
        username={username}
        password={password}
        onUsernameChange={setUsername}
        onPasswordChange={setPassword}
      />
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
