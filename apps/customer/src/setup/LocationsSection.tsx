/**
 * "Lokationer": the rooms of the admin's destinations, filtered by room code or friendly
 * name; "Kalde navn" and "Destination" are edited per row and saved with "Gem".
 */
import { AlertBox, TextField, messageOf } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../shopApi';
import { useShopSetupWrites } from '../shopApi';

type Location = Catalog['locations'][number];

function LocationRow({
  location,
  endpoints,
}: {
  location: Location;
  endpoints: Catalog['endpoints'];
}) {
  const { t } = useTranslation('app');
  const writes = useShopSetupWrites();
  const [name, setName] = useState(location.commonName ?? '');
  const [endpointId, setEndpointId] = useState(String(location.endpointId ?? ''));
  const [failure, setFailure] = useState<string | null>(null);
  const changed =
    name !== (location.commonName ?? '') || endpointId !== String(location.endpointId ?? '');
  const save = async () => {
    setFailure(null);
    try {
      await writes.editLocation.mutateAsync({
        id: location.id,
        commonName: name.trim() === '' ? null : name.trim(),
        endpointId: endpointId === '' ? null : Number(endpointId),
      });
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <tr>
      <th scope="row">{location.locationCode}</th>
      <td>
        <TextField
          label={t('setup.locations.nameOf', { code: location.locationCode })}
          hideLabel
          value={name}
          onChange={setName}
          maxLength={120}
        />
      </td>
      <td>
        <select
          className="ts-input"
          aria-label={t('setup.locations.endpointOf', { code: location.locationCode })}
          value={endpointId}
          onChange={(event) => setEndpointId(event.target.value)}
        >
          <option value="">{t('setup.none')}</option>
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        {changed ? (
          <button
            type="button"
            className="ts-button"
            disabled={writes.editLocation.isPending}
            onClick={() => void save()}
          >
            {t('setup.save')}
          </button>
        ) : null}
        {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
      </td>
    </tr>
  );
}

export function LocationsSection({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation('app');
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase('da');
  const locations = catalog.locations.filter(
    (location) =>
      needle === '' ||
      location.locationCode.toLocaleLowerCase('da').includes(needle) ||
      (location.commonName ?? '').toLocaleLowerCase('da').includes(needle),
  );
  return (
    <section aria-labelledby="setup-locations">
      <h2 id="setup-locations">{t('setup.sections.locations')}</h2>
      <TextField label={t('setup.locations.filter')} value={filter} onChange={setFilter} />
      <table className="shop-table">
        <thead>
          <tr>
            <th scope="col">{t('setup.locations.code')}</th>
            <th scope="col">{t('setup.locations.name')}</th>
            <th scope="col">{t('setup.locations.endpoint')}</th>
            <th scope="col">
              <span className="ts-visually-hidden">{t('setup.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {locations.map((location) => (
            <LocationRow
              key={`${location.id}/${location.commonName ?? ''}/${location.endpointId ?? ''}`}
              location={location}
              endpoints={catalog.endpoints}
            />
          ))}
        </tbody>
      </table>
      {locations.length === 0 ? (
        <AlertBox level="hint">{t('setup.locations.none')}</AlertBox>
      ) : null}
    </section>
  );
}
