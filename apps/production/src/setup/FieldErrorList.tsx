/** The field errors of a set-up form, listed under it ("Fejl i indtastningen"). */
import { useTranslation } from 'react-i18next';

export function FieldErrorList({ errors }: { errors: Partial<Record<string, string>> }) {
  const { t } = useTranslation('app');
  const messages = Object.values(errors).filter((message) => message !== undefined);
  if (messages.length === 0) {
    return null;
  }
  return (
    <ul className="setup-catalog__errors" aria-label={t('setupCatalog.common.errors')}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
