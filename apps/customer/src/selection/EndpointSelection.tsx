/** "Kunde" and "Destination": the user's customers and the chosen customer's endpoints. */
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../shopApi';
import type { EndpointChoice } from './endpointChoice';

export interface EndpointSelectionProps {
  catalog: Pick<Catalog, 'customers' | 'endpoints'>;
  choice: EndpointChoice;
  onCustomer(customerId: number): void;
  onEndpoint(endpointId: number): void;
}

export function EndpointSelection({
  catalog,
  choice,
  onCustomer,
  onEndpoint,
}: EndpointSelectionProps) {
  const { t } = useTranslation('app');
  const endpoints = catalog.endpoints.filter((row) => row.customerId === choice.customerId);
  return (
    <div className="shop-selection">
      <label>
        {t('selection.customer')}
        <select
          value={choice.customerId}
          onChange={(event) => onCustomer(Number(event.target.value))}
        >
          {catalog.customers.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.shortName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('selection.endpoint')}
        <select
          value={choice.endpointId ?? ''}
          onChange={(event) => onEndpoint(Number(event.target.value))}
        >
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
