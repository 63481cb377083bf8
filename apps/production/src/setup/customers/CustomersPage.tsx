/**
 * "Levering og Kunder" (docs/domain.md): the customers filtered by "Kunde Filter"; when the
 * typed name (at least 2 characters) is no customer yet, "+" creates the customer and an
 * endpoint of the same name and opens its configuration (legacy quirk 16 fixed). The gear of
 * a row opens the customer modal.
 */
import { AlertBox, messageOf, TextField } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import { WithCatalog } from '../WithCatalog';
import { CustomerModal } from './CustomerModal';
import { useCreateCustomer } from './customersApi';
import './customers.css';

export default function CustomersPage() {
  const { t } = useTranslation('app');
  return (
    <section aria-label={t('setup.customers')}>
      <WithCatalog>{(catalog) => <CustomersView catalog={catalog} />}</WithCatalog>
    </section>
  );
}

export function CustomersView({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation('app');
  const [filter, setFilter] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const createCustomer = useCreateCustomer();
  const wanted = filter.trim().toLowerCase();
  const customers = catalog.customers
    .filter((customer) => customer.shortName.toLowerCase().includes(wanted))
    .sort((a, b) => a.shortName.localeCompare(b.shortName));
  const canCreate =
    wanted.length >= 2 &&
    !catalog.customers.some((customer) => customer.shortName.toLowerCase() === wanted);

  const create = async () => {
    if (createCustomer.isPending) {
      return;
    }
    setProblem(null);
    try {
      const customer = await createCustomer.mutateAsync(filter.trim());
      setFilter('');
      setOpenId(customer.id);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <>
      <form
        className="setup-customers__bar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (canCreate) {
            void create();
          }
        }}
      >
        <TextField
          label={t('setupDeliveries.customers.filter')}
          value={filter}
          onChange={setFilter}
        />
        {canCreate ? (
          <button
            type="submit"
            className="ts-button"
            disabled={createCustomer.isPending}
            aria-busy={createCustomer.isPending}
            aria-label={t('setupDeliveries.customers.create', { name: filter.trim() })}
            title={t('setupDeliveries.customers.create', { name: filter.trim() })}
          >
            +
          </button>
        ) : null}
      </form>
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
      <table className="production-table">
        <thead>
          <tr>
            <th scope="col">{t('setupDeliveries.customers.name')}</th>
            <th scope="col">
              <span className="ts-visually-hidden">{t('setupDeliveries.customers.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.id}>
              <td>{customer.shortName}</td>
              <td>
                <button
                  type="button"
                  className="ts-button ts-button--light"
                  aria-label={t('setupDeliveries.customers.configure', {
                    name: customer.shortName,
                  })}
                  title={t('setupDeliveries.customers.configure', { name: customer.shortName })}
                  onClick={() => setOpenId(customer.id)}
                >
                  ⚙
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {customers.length === 0 ? <p>{t('setupDeliveries.customers.none')}</p> : null}
      {openId === null || !catalog.customers.some((customer) => customer.id === openId) ? null : (
        <CustomerModal catalog={catalog} customerId={openId} onClose={() => setOpenId(null)} />
      )}
    </>
  );
}
