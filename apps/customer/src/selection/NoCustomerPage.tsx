/** A shop user without any assigned customer (docs/domain.md): whom to contact depends on the kind of user. */
import { useTranslation } from 'react-i18next';
import { AlertBox } from '@tracershop/ui';

export function NoCustomerPage({ external }: { external: boolean }) {
  const { t } = useTranslation('app');
  return (
    <section>
      <h1>{t('noCustomer.title')}</h1>
      <AlertBox level="hint">
        {t('noCustomer.notConnected')}{' '}
        {external ? t('noCustomer.contactChemistry') : t('noCustomer.contactSuperUser')}
      </AlertBox>
    </section>
  );
}
