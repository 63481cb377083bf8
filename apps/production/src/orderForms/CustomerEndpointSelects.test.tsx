import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { CustomerEndpointChoice } from './CustomerEndpointSelects';
import { CustomerEndpointSelects, firstChoice } from './CustomerEndpointSelects';

const customers = [
  { id: 6, shortName: 'Rigshospitalet' },
  { id: 5, shortName: 'Herlev' },
];
const endpoints = [
  { id: 10, customerId: 6, name: 'PET1' },
  { id: 11, customerId: 6, name: 'PET2' },
  { id: 12, customerId: 5, name: null },
];

function Form({ onChange }: { onChange(choice: CustomerEndpointChoice): void }) {
  const [choice, setChoice] = useState(() => firstChoice(customers, endpoints));
  return (
    <CustomerEndpointSelects
      customers={customers}
      endpoints={endpoints}
      choice={choice}
      customerLabel="Kunde"
      endpointLabel="Destination"
      onChange={(next) => {
        setChoice(next);
        onChange(next);
      }}
    />
  );
}

const select = (name: string) => screen.getByLabelText(name) as HTMLSelectElement;
const optionsOf = (name: string) => [...select(name).options].map((option) => option.text);

describe('CustomerEndpointSelects', () => {
  it('lists customers alphabetically and the chosen one’s destinations', async () => {
    const onChange = vi.fn();
    renderWithI18n(<Form onChange={onChange} />);
    expect(optionsOf('Kunde')).toEqual(['Herlev', 'Rigshospitalet']);
    expect(optionsOf('Destination')).toEqual(['12']);

    await userEvent.selectOptions(select('Kunde'), 'Rigshospitalet');
    expect(onChange).toHaveBeenLastCalledWith({ customerId: 6, endpointId: 10 });
    expect(optionsOf('Destination')).toEqual(['PET1', 'PET2']);

    await userEvent.selectOptions(select('Destination'), 'PET2');
    expect(onChange).toHaveBeenLastCalledWith({ customerId: 6, endpointId: 11 });
  });
});
