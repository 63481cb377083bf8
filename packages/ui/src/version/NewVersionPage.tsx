/** Shown when the api refuses this app's version: a newer one is deployed (docs/domain.md). */
import { useTranslation } from 'react-i18next';

export function NewVersionPage({ reload = () => globalThis.location.reload() }) {
  const { t } = useTranslation();
  return (
    <main className="ts-page ts-system-page">
      <h1>{t('version.title')}</h1>
      <p>{t('version.explanation')}</p>
      <button type="button" className="ts-button" onClick={reload}>
        {t('version.reload')}
      </button>
    </main>
  );
}
