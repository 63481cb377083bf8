/** "Henter…" while a page's code or data loads. */
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return <p role="status">{t('loading')}</p>;
}
