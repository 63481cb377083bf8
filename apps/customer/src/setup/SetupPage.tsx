/**
 * "Opsætning" of the shop (docs/domain.md; shop admins, groups 1 and 4): "Lokationer" (friendly
 * name and destination of the rooms), "Procedure" (study → tracer, units, delay per
 * destination) and "Bruger" (colleagues' access to the admin's customers).
 */
import { isShopAdmin } from '@tracershop/core';
import { AlertBox, messageOf, useSession } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCatalog } from '../shopApi';
import { LocationsSection } from './LocationsSection';
import { ProceduresSection } from './ProceduresSection';
import { UsersSection } from './UsersSection';

const SECTIONS = ['locations', 'procedures', 'users'] as const;
type Section = (typeof SECTIONS)[number];

export default function SetupPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  const catalog = useCatalog();
  const [section, setSection] = useState<Section>('locations');
  const user = session.data?.user ?? null;
  if (user !== null && !isShopAdmin(user.userGroup)) {
    return <Navigate to="/" replace />;
  }
  if (catalog.isPending || user === null) {
    return <p role="status">{t('loading', { ns: 'translation' })}</p>;
  }
  if (catalog.data === undefined) {
    return <AlertBox level="error">{messageOf(catalog.error)}</AlertBox>;
  }
  return (
    <section className="shop-setup" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <div className="shop-products" role="group" aria-label={t('setup.sections.label')}>
        {SECTIONS.map((name) => (
          <button
            key={name}
            type="button"
            className={name === section ? 'ts-button ts-button--selected' : 'ts-button'}
            aria-pressed={name === section}
            onClick={() => setSection(name)}
          >
            {t(`setup.sections.${name}`)}
          </button>
        ))}
      </div>
      {section === 'locations' ? (
        <LocationsSection catalog={catalog.data} />
      ) : section === 'procedures' ? (
        <ProceduresSection catalog={catalog.data} />
      ) : (
        <UsersSection catalog={catalog.data} currentUserId={user.id} />
      )}
    </section>
  );
}
