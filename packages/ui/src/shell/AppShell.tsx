/**
 * The frame of every page (docs/domain.md): the navbar with the app's pages, the language,
 * "Hjælp" (the app's user guide), the user's name, "Skift kodeord" (the user's own password
 * page), "Log ud", and a red "connection lost" mark while the live connection is down.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../api/ApiProvider';
import { LanguageSelect } from '../i18n/LanguageSelect';

export interface AppShellProps {
  /** The app's page links (the app renders them with its router). */
  navigation?: ReactNode;
  /** Shown name of the logged-in user; null on the login page. */
  userName: string | null;
  /**
   * The link to the user's own password page, beside the name: the app renders it with its
   * router, with the shared text `shell.changePassword` ("Skift kodeord").
   */
  passwordLink?: ReactNode;
  /** The link to the app's help page (its user guide), after the language: the app's router link. */
  helpLink?: ReactNode;
  onLogout?: () => void;
  connection: ConnectionState;
  children: ReactNode;
}

export function ConnectionLostIndicator() {
  const { t } = useTranslation();
  return (
    <span className="ts-connection-lost" role="status" title={t('shell.connectionLostHint')}>
      <svg viewBox="0 0 24 24" aria-hidden="true" width="18" height="18">
        <path
          d="M2 8a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M9 16a4 4 0 0 1 6 0"
          fill="none"
          stroke="#c00"
          strokeWidth="2"
        />
        <path d="M3 3l18 18" stroke="#c00" strokeWidth="2.5" />
      </svg>
      {t('shell.connectionLost')}
      <span className="ts-visually-hidden">: {t('shell.connectionLostHint')}</span>
    </span>
  );
}

export function AppShell({
  navigation,
  userName,
  passwordLink,
  helpLink,
  onLogout,
  connection,
  children,
}: AppShellProps) {
  const { t } = useTranslation();
  return (
    <div className="ts-app">
      <header className="ts-navbar">
        <span className="ts-navbar__logo">{t('app.name')}</span>
        <nav className="ts-navbar__pages" aria-label={t('shell.mainNavigation')}>
          {navigation}
        </nav>
        <div className="ts-navbar__end">
          {connection === 'lost' ? <ConnectionLostIndicator /> : null}
          <LanguageSelect className="ts-navbar__language" />
          {helpLink ?? null}
          {userName === null ? null : <span className="ts-navbar__user">{userName}</span>}
          {passwordLink ?? null}
          {onLogout === undefined ? null : (
            <button type="button" className="ts-button ts-button--light" onClick={onLogout}>
              {t('shell.logout')}
            </button>
          )}
        </div>
      </header>
      <main className="ts-page">{children}</main>
    </div>
  );
}
