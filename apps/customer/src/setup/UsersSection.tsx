/**
 * "Bruger": who else has access to one of the admin's customers; "Fjern adgang" takes it
 * away, "Brugernavn:" + "Giv adgang" grants a colleague (groups 4, 5) access. The api checks
 * the user: with directory login it looks a colleague who has never logged in up in the
 * hospital's directory and creates their account, without it only existing accounts can be
 * granted, and the section says which. A refusal stands beside the user name, which is kept;
 * a grant says who was added.
 */
import { AlertBox, TextField, messageOf } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../shopApi';
import { useGrantMode, useShopSetupWrites, useUserList } from '../shopApi';

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
  const grantMode = useGrantMode();
  const [customerId, setCustomerId] = useState(catalog.customers[0]?.id ?? null);
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [granted, setGranted] = useState<string | null>(null);

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
    setGranted(null);
    const typed = username.trim();
    const customer = catalog.customers.find((candidate) => candidate.id === customerId);
    try {
      const result = await writes.grantAccess.mutateAsync({ username: typed, customerId });
      setUsername('');
      setGranted(
        t(result.accountCreated ? 'setup.users.grantedNewAccount' : 'setup.users.granted', {
          username: typed,
          customer: customer?.shortName ?? '',
        }),
      );
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
            onChange={(event) => {
              setCustomerId(Number(event.target.value));
              setGranted(null);
            }}
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
      {grantMode.data === undefined ? null : (
        <AlertBox level="hint">
          {t(
            grantMode.data.directoryLookup
              ? 'setup.users.directoryLookup'
              : 'setup.users.existingOnly',
          )}
        </AlertBox>
      )}
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
      {granted === null ? null : <p role="status">{granted}</p>}
    </section>
  );
}
