/**
 * "Bruger": who else has access to one of the admin's customers; "Fjern adgang" takes it
 * away, "Brugernavn:" + "Giv adgang" grants a colleague (groups 4, 5) access. The api checks
 * the user and words its refusals in Danish.
 */
import { AlertBox, TextField, messageOf } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../shopApi';
import { useShopSetupWrites, useUserList } from '../shopApi';

export function UsersSection({
  catalog,
  currentUserId,
}: {
  catalog: Catalog;
  currentUserId: number;
}) {
  const { t } = useTranslation('app');
  const users = useUserList(true);
  const writes = useShopSetupWrites();
  const [customerId, setCustomerId] = useState(catalog.customers[0]?.id ?? null);
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const assignments = (users.data?.assignments ?? []).filter(
    (assignment) => assignment.customerId === customerId && assignment.userId !== currentUserId,
  );
  const userOf = new Map((users.data?.users ?? []).map((user) => [user.id, user]));

  async function grant() {
    if (customerId === null) {
      setError(t('setup.users.noCustomer'));
      return;
    }
    if (username.trim() === '') {
      setError(t('setup.users.noUsername'));
      return;
    }
    setError(null);
    try {
      await writes.grantAccess.mutateAsync({ username: username.trim(), customerId });
      setUsername('');
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  async function revoke(id: number) {
    setFailure(null);
    try {
      await writes.revokeAccess.mutateAsync({ id });
    } catch (caught) {
      setFailure(messageOf(caught));
    }
  }

  return (
    <section aria-labelledby="setup-users">
      <h2 id="setup-users">{t('setup.sections.users')}</h2>
      <div className="shop-setup__choice">
        <label>
          {t('selection.customer')}
          <select
            className="ts-input"
            value={customerId ?? ''}
            onChange={(event) => setCustomerId(Number(event.target.value))}
          >
            {catalog.customers.map((customer) => (
              <option key={customer.id} value={customer.id}>
                {customer.shortName}
              </option>
            ))}
          </select>
        </label>
      </div>
      {users.isError ? <AlertBox level="error">{messageOf(users.error)}</AlertBox> : null}
      <ul className="shop-setup__users">
        {assignments.map((assignment) => {
          const user = userOf.get(assignment.userId);
          const name = user?.username ?? `#${assignment.userId}`;
          return (
            <li key={assignment.id}>
              <span>
                {name}
                {user?.displayName ? ` (${user.displayName})` : ''}
              </span>
              <button
                type="button"
                className="ts-button ts-button--light"
                aria-label={t('setup.users.revoke', { username: name })}
                title={t('setup.users.revoke', { username: name })}
                disabled={writes.revokeAccess.isPending}
                onClick={() => void revoke(assignment.id)}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ul>
      {users.data !== undefined && assignments.length === 0 ? (
        <AlertBox level="hint">{t('setup.users.none')}</AlertBox>
      ) : null}
      {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
      <form
        className="shop-setup__choice"
        onSubmit={(event) => {
          event.preventDefault();
          void grant();
        }}
      >
        <TextField
          label={t('setup.users.username')}
          value={username}
          onChange={setUsername}
          error={error}
          autoComplete="off"
        />
        <button type="submit" className="ts-button" disabled={writes.grantAccess.isPending}>
          {t('setup.users.grant')}
        </button>
      </form>
      {error === null ? null : <AlertBox level="error">{error}</AlertBox>}
    </section>
  );
}
