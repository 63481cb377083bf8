/**
 * "Skift kodeord", the logged-in user's own password (`auth.changePassword`), the same page in
 * both apps: the current password, the new one and the new one again. The draft is checked
 * with the api's own input schema (core `changePasswordInput`) and "the two new ones are the
 * same" before anything is sent; each problem stands beside its field in the user's language.
 * The api's refusal is shown in words: a wrong current password beside that field, the
 * lock-out with its minutes, and a directory (LDAP) account is told its password is changed
 * in the directory. On success the page says so and empties the fields; the user's other
 * sessions have ended, this one goes on. Enter submits; focus starts in the first field.
 *
 * `PasswordChangeGate` shows only this page to a user whose password someone else chose (a
 * new account, a reset by the site admin) until they have replaced it: the api refuses every
 * other call of such a session (PASSWORD_CHANGE_REQUIRED).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@tracershop/core';
import {
  changePasswordInput,
  messageFor,
  newPasswordProblem,
  schemaLimits,
} from '@tracershop/core';
import type { TFunction } from 'i18next';
import type { FormEvent, ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertBox } from '../alerts/AlertBox';
import { messageOf, reasonOf } from '../api/apiErrors';
import { useTRPC } from '../api/trpc';
import { localeOf } from '../i18n/i18n';
import { TextField } from '../inputs/TextField';
import type { FieldErrors } from '../inputs/fieldIssues';
import { fieldErrorsOf, isClean } from '../inputs/fieldIssues';
import { useSession } from './session';

/** The page's fields: the two of the api's input and the repetition. */
type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';

interface Draft {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

type Problem = { level: 'warning' | 'error'; text: string };

const EMPTY: Draft = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** The problems of a draft: the api's schema, then "repeat the new one, the same". */
function checkDraft(
  draft: Draft,
  username: string,
  labels: Readonly<Record<Field, string>>,
  locale: Locale,
  t: TFunction,
): FieldErrors<Field> {
  const parsed = changePasswordInput.safeParse({
    currentPassword: draft.currentPassword,
    newPassword: draft.newPassword,
  });
  const errors: FieldErrors<Field> = parsed.success
    ? {}
    : fieldErrorsOf(parsed.error.issues, labels, locale);
  if (
    errors.newPassword === undefined &&
    newPasswordProblem(draft.newPassword, username) === 'sameAsUsername'
  ) {
    errors.newPassword = t('password.sameAsUsername');
  }
  if (draft.repeatPassword === '') {
    errors.repeatPassword = messageFor(
      { key: 'input.empty', params: { field: labels.repeatPassword } },
      locale,
    );
  } else if (draft.repeatPassword !== draft.newPassword) {
    errors.repeatPassword = t('password.mismatch');
  }
  return errors;
}

/** The three fields as the form shows them, in order. */
const FIELDS: ReadonlyArray<{ field: Field; name: string; autoComplete: string }> = [
  { field: 'currentPassword', name: 'current-password', autoComplete: 'current-password' },
  { field: 'newPassword', name: 'new-password', autoComplete: 'new-password' },
  { field: 'repeatPassword', name: 'repeat-password', autoComplete: 'new-password' },
];

export function ChangePasswordPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  // A password someone else chose: the page says why it is the only one shown.
  const required = session.data?.user?.mustChangePassword === true;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [changed, setChanged] = useState(false);
  const [pending, setPending] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const username = session.data?.user?.username ?? '';

  useEffect(() => {
    currentRef.current?.focus();
  }, []);

  const labels: Record<Field, string> = {
    currentPassword: required ? t('password.givenPassword') : t('password.current'),
    newPassword: t('password.new'),
    repeatPassword: t('password.repeat'),
  };

  function edit(field: Field, value: string) {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
    setChanged(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) {
      return;
    }
    setProblem(null);
    setChanged(false);
    const found = checkDraft(draft, username, labels, localeOf(i18n.language), t);
    setErrors(found);
    if (!isClean(found)) {
      return;
    }
    setPending(true);
    try {
      await change.mutateAsync({
        currentPassword: draft.currentPassword,
        newPassword: draft.newPassword,
      });
      setDraft(EMPTY);
      setChanged(true);
      if (required) {
        // The gate opens once the session no longer says "must change".
        await queryClient.invalidateQueries(trpc.auth.whoami.pathFilter());
      }
    } catch (error) {
      const reason = reasonOf(error);
      if (reason === 'WRONG_PASSWORD') {
        setDraft((previous) => ({ ...previous, currentPassword: '' }));
        setErrors({ currentPassword: messageOf(error) });
        currentRef.current?.focus();
      } else if (reason === 'NEW_PASSWORD_REFUSED') {
        setErrors({ newPassword: messageOf(error) });
      } else if (reason === 'DIRECTORY_ACCOUNT') {
        // The api refuses a directory account: its password lives in the directory.
        setProblem({ level: 'warning', text: t('password.directory') });
      } else {
        setProblem({ level: 'error', text: messageOf(error) });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="ts-password" aria-labelledby="ts-password-title">
      <h1 id="ts-password-title">{t('password.title')}</h1>
      {required ? <AlertBox level="warning">{t('password.required')}</AlertBox> : null}
      <p className="ts-password__rules">
        {t('password.rules', { min: schemaLimits.newPasswordMin })}
      </p>
      <form className="ts-password__form" onSubmit={(event) => void submit(event)} noValidate>
        {/* Lets a password manager store the new password for the right account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={username}
          readOnly
          hidden
        />
        {FIELDS.map(({ field, name, autoComplete }) => (
          <TextField
            key={field}
            ref={field === 'currentPassword' ? currentRef : undefined}
            label={labels[field]}
            type="password"
            name={name}
            autoComplete={autoComplete}
            value={draft[field]}
            onChange={(value) => edit(field, value)}
            error={errors[field]}
          />
        ))}
        <button type="submit" className="ts-button" disabled={pending} aria-busy={pending}>
          {t('password.submit')}
        </button>
      </form>
      {problem === null ? null : <AlertBox level={problem.level}>{problem.text}</AlertBox>}
      <p className="ts-password__changed" role="status">
        {changed ? t('password.changed') : null}
      </p>
    </section>
  );
}

/**
 * The pages of a logged-in user, or only "Skift kodeord" while the session's password is one
 * someone else chose (its live events wait too: the api would refuse them).
 */
export function PasswordChangeGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.data?.user?.mustChangePassword === true) {
    return <ChangePasswordPage />;
  }
  return children;
}
