/**
 * Kunde → Destination of production's order forms (docs/domain.md): the customers by
 * short name, and the chosen customer's destinations; choosing a customer chooses its first
 * destination. The forms decide which customers and destinations may be chosen.
 */
import { IdSelectField } from '../forms/SelectField';

export interface CustomerOption {
  id: number;
  shortName: string;
}

export interface EndpointOption {
  id: number;
  customerId: number;
  name: string | null;
}

export interface CustomerEndpointChoice {
  customerId: number | null;
  endpointId: number | null;
}

/** The customers in the order the select lists them (Danish alphabetical). */
export function sortedCustomers<C extends CustomerOption>(customers: readonly C[]): C[] {
  return [...customers].sort((a, b) => a.shortName.localeCompare(b.shortName, 'da'));
}

/** The choice after choosing `customerId`: the customer and its first destination. */
export function choiceOfCustomer(
  endpoints: readonly EndpointOption[],
  customerId: number | null,
): CustomerEndpointChoice {
  const first = endpoints.find((endpoint) => endpoint.customerId === customerId);
  return { customerId, endpointId: first?.id ?? null };
}

/** The form's first choice: the first customer listed and its first destination. */
export function firstChoice(
  customers: readonly CustomerOption[],
  endpoints: readonly EndpointOption[],
): CustomerEndpointChoice {
  return choiceOfCustomer(endpoints, sortedCustomers(customers)[0]?.id ?? null);
}

export interface CustomerEndpointSelectsProps {
  customers: readonly CustomerOption[];
  endpoints: readonly EndpointOption[];
  choice: CustomerEndpointChoice;
  customerLabel: string;
  endpointLabel: string;
  onChange(choice: CustomerEndpointChoice): void;
}

export function CustomerEndpointSelects({
  customers,
  endpoints,
  choice,
  customerLabel,
  endpointLabel,
  onChange,
}: CustomerEndpointSelectsProps) {
  return (
    <>
      <IdSelectField
        label={customerLabel}
        value={choice.customerId}
        onChange={(customerId) => onChange(choiceOfCustomer(endpoints, customerId))}
        options={sortedCustomers(customers).map((customer) => ({
          value: customer.id,
          label: customer.shortName,
        }))}
      />
      <IdSelectField
        label={endpointLabel}
        value={choice.endpointId}
        onChange={(endpointId) => onChange({ customerId: choice.customerId, endpointId })}
        options={endpoints
          .filter((endpoint) => endpoint.customerId === choice.customerId)
          .map((endpoint) => ({ value: endpoint.id, label: endpoint.name ?? String(endpoint.id) }))}
      />
    </>
  );
}
