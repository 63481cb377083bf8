/**
 * Dansk / English: the chosen language applies at once and is remembered for the next visit,
 * in both apps (on the login page and in the navigation bar).
 */
import { useTranslation } from 'react-i18next';
import type { Language } from './i18n';
import { LANGUAGES, rememberLanguage } from './i18n';

export function LanguageSelect({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <label className={className}>
      <span className="ts-visually-hidden">{t('shell.language')}</span>
      <select
        className="ts-input"
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value as Language;
          rememberLanguage(language);
          void i18n.changeLanguage(language);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`shell.languages.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
