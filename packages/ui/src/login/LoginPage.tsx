/**
 * The one login page of both apps: the product's name, the language (Dansk / English,
 * remembered), "Brugernavn", "Kodeord", "Log ind"; empty fields are refused before anything
 * is sent, and the api's refusal ("Forkert brugernavn eller kodeord.") is shown in words. The
 * button is disabled while waiting, so a double click sends one request.
 */
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginInput } from '@tracershop/core';
import { AlertBox } from '../alerts/AlertBox';
import { messageOf } from '../api/apiErrors';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { CredentialFields } from './CredentialFields';

export interface LoginPageProps {
  login(input: LoginInput): Promise<unknown>;
}

type Problem = { level: 'warning' | 'error'; text: string };

export function LoginPage({ login }: LoginPageProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

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
    try {
      await login({ username: username.trim(), password });
    } catch (error) {
      setProblem({ level: 'error', text: messageOf(error) });
      setPending(false);
    }
  }

  return (
    <section className="ts-login">
      <form
        className="ts-login__box"
        aria-labelledby="ts-login-title"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <div className="ts-login__head">
          <p className="ts-login__product">{t('app.name')}</p>
          <LanguageSelect className="ts-login__language" />
        </div>
        <h1 id="ts-login-title">{t('login.title')}</h1>
        <CredentialFields
          usernameLabel={t('login.username')}
          passwordLabel={t('login.password')}
          username={username}
          password={password}
          onUsernameChange={setUsername}
          onPasswordChange={setPassword}
        />
        <button type="submit" className="ts-button" disabled={pending} aria-busy={pending}>
          {t('login.submit')}
        </button>
        {problem === null ? null : <AlertBox level={problem.level}>{problem.text}</AlertBox>}
      </form>
    </section>
  );
}
