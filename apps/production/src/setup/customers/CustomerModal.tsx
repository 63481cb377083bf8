/**
 * "Kunde konfigurering - <kort navn>" (docs/domain.md): the customer, its delivery endpoints
 * (created, edited and deleted in `EndpointForm`) and the deliveries of the chosen endpoint and
 * product with their weekly grid. Changing the endpoint or the product starts a new delivery
 * (the form and the selection are cleared).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../../dialogs/ModalFrame';
import type { Catalog } from '../../productionApi';
import { scheduleProductsOf } from '../scheduleProducts';
import { CustomerForm } from './CustomerForm';
import { useCustomerWrites } from './customersApi';
import { DeliverySection } from './DeliverySection';
import type { EndpointChoice } from './EndpointForm';
import { EndpointForm } from './EndpointForm';
import './customers.css';

export interface CustomerModalProps {
  catalog: Catalog;
  customerId: number;
  onClose(): void;
}

export function CustomerModal({ catalog, customerId, onClose }: CustomerModalProps) {
  const { t } = useTranslation('app');
  const writes = useCustomerWrites();
  const customer = catalog.customers.find((candidate) => candidate.id === customerId);
  const endpoints = catalog.endpoints.filter((endpoint) => endpoint.customerId === customerId);
  const products = scheduleProductsOf(catalog, true);
  const [endpointChoice, setEndpointChoice] = useState<EndpointChoice>(
    () => endpoints[0]?.id ?? 'new',
  );
  const [productKey, setProductKey] = useState<string | null>(() => products[0]?.key ?? null);
  const [endpointMissing, setEndpointMissing] = useState(false);
  if (customer === undefined) {
    return null;
  }
  const endpoint = endpoints.find((candidate) => candidate.id === endpointChoice) ?? null;
  const product = products.find((candidate) => candidate.key === productKey) ?? products[0] ?? null;

  return (
    <ModalFrame
      wide
      title={t('setupDeliveries.customerModal.title', { name: customer.shortName })}
      onClose={onClose}
    >
      <div className="setup-deliveries__columns">
        <CustomerForm
          key={customer.id}
          customer={customer}
          save={(input) => writes.editCustomer.mutateAsync(input)}
        />
        <EndpointForm
          customerId={customer.id}
          endpoints={endpoints}
          selected={endpointChoice}
          missing={endpointMissing && endpoint === null}
          onSelect={(choice) => {
            setEndpointMissing(false);
            setEndpointChoice(choice);
          }}
          create={(input) => writes.createEndpoint.mutateAsync(input)}
          edit={(input) => writes.editEndpoint.mutateAsync(input)}
          remove={(input) => writes.deleteEndpoint.mutateAsync(input)}
        />
      </div>
      {products.length === 0 ? (
        <p>{t('setupDeliveries.slot.noProducts')}</p>
      ) : (
        <DeliverySection
          catalog={catalog}
          endpoint={endpoint}
          products={products}
          product={product}
          onProduct={setProductKey}
          onMissingEndpoint={() => setEndpointMissing(true)}
        />
      )}
    </ModalFrame>
  );
}
