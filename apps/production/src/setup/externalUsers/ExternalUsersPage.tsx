/**
 * "Externe Kunder" (docs/domain.md): one card per external shop user (group 6) with their customer
 * (changing it reassigns at once) and a new password, and a card that creates a user with
 * user name, customer and password. "Bruger Filter" filters the cards by user name or customer
 * (the legacy box did nothing).
 */
import { UserGroup, fieldSchemas } from '@tracershop/core';
import { AlertBox, TextField, messageOf, usePendingAction } from '@tracershop/ui';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import { useCatalog } from '../../productionApi';
import { PageLoading } from '../../session/PageLoading';
import type { ListedUser } from './externalUsersApi';
import { useExternalUserWrites, useUserList } from './externalUsersApi';
import '../setup.css';

type Customer = Catalog['customers'][number];

const PASSWORD_MIN = fieldSchemas.schemaLimits.newPasswordMin;

function CustomerSelect({
  label,
  value,
  customers,
  onChange,
  disabled = false,
  allowNone,
}: {
  label: string;
  value: string;
  customers: readonly Customer[];
  onChange(value: string): void;
  disabled?: boolean;
  /** Whether "Ingen kunde" may be chosen. */
  allowNone: boolean;
}) {
  const { t } = useTranslation('app');
  return (
    <label>
      {label}
      <select
        className="ts-input"
        value={value}
        disabled={disabled}
        aria-busy={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="" disabled={!allowNone}>
          {t('setupCatalog.externalUsers.noCustomer')}
        </option>
        {customers.map((customer) => (
          <option key={customer.id} value={customer.id}>
            {customer.shortName}
          </option>
        ))}
      </select>
    </label>
  );
}

function passwordProblem(password: string, t: TFunction<'app'>) {
  return password.length < PASSWORD_MIN
    ? t('setupCatalog.externalUsers.passwordTooShort', { min: PASSWORD_MIN })
    : null;
}

function ExternalUserCard({
  user,
  customers,
}: {
  user: ListedUser;
  customers: readonly Customer[];
}) {
  const { t } = useTranslation('app');
  const writes = useExternalUserWrites();
  const assign = usePendingAction();
  const change = usePendingAction();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const customerId = user.customerIds[0];

  function chooseCustomer(value: string) {
    const chosen = value === '' ? null : Number(value);
    void assign.run(() =>
      writes.assignCustomer.mutateAsync({ userId: user.id, customerId: chosen }),
    );
  }

  function changePassword() {
    setChanged(false);
    const problem = passwordProblem(password, t);
    setPasswordError(problem);
    if (problem !== null) {
      return;
    }
    void change.run(
      () => writes.changePassword.mutateAsync({ userId: user.id, password }),
      () => {
        setPassword('');
        setChanged(true);
      },
    );
  }

  return (
    <form
      className="setup-catalog__card"
      aria-label={user.username}
      onSubmit={(event) => {
        event.preventDefault();
        changePassword();
      }}
    >
      <h3>{user.username}</h3>
      <CustomerSelect
        label={t('setupCatalog.externalUsers.customer')}
        value={customerId === undefined ? '' : String(customerId)}
        customers={customers}
        onChange={chooseCustomer}
        disabled={assign.pending}
        allowNone
      />
      {assign.failure === null ? null : <AlertBox level="error">{assign.failure}</AlertBox>}
      <TextField
        label={t('setupCatalog.externalUsers.password')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(value) => {
          setPassword(value);
          setChanged(false);
        }}
        error={passwordError}
      />
      {passwordError === null ? null : (
        <span className="setup-catalog__error" aria-hidden="true">
          {passwordError}
        </span>
      )}
      <button
        type="submit"
        className="ts-button"
        disabled={password === '' || change.pending}
        aria-busy={change.pending}
      >
        {t('setupCatalog.externalUsers.changePassword')}
      </button>
      {change.failure === null ? null : <AlertBox level="error">{change.failure}</AlertBox>}
      {changed ? <p role="status">{t('setupCatalog.externalUsers.passwordChanged')}</p> : null}
    </form>
  );
}

function NewExternalUserCard({
  customers,
  onCreated,
}: {
  customers: readonly Customer[];
  onCreated(username: string): void;
}) {
  const { t } = useTranslation('app');
  const writes = useExternalUserWrites();
  const create = usePendingAction();
  const [username, setUsername] = useState('');
  const [customerId, setCustomerId] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});

  function submit() {
    const found = {
      username:
        username.trim() === '' ? t('setupCatalog.externalUsers.usernameMissing') : undefined,
      password: passwordProblem(password, t) ?? undefined,
    };
    setErrors(found);
    if (found.username !== undefined || found.password !== undefined) {
      return;
    }
    const name = username.trim();
    void create.run(
      () =>
        writes.create.mutateAsync({
          username: name,
          password,
          ...(customerId === '' ? {} : { customerId: Number(customerId) }),
        }),
      () => onCreated(name),
    );
  }

  return (
    <form
      className="setup-catalog__card setup-catalog__card--new"
      aria-label={t('setupCatalog.externalUsers.newUser')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{t('setupCatalog.externalUsers.newUser')}</h3>
      <TextField
        label={t('setupCatalog.externalUsers.username')}
        value={username}
        onChange={setUsername}
        error={errors.username ?? null}
        autoComplete="off"
        maxLength={150}
      />
      {errors.username === undefined ? null : (
        <span className="setup-catalog__error" aria-hidden="true">
          {errors.username}
        </span>
      )}
      <CustomerSelect
        label={t('setupCatalog.externalUsers.customer')}
        value={customerId}
        customers={customers}
        onChange={setCustomerId}
        allowNone
      />
      <TextField
        label={t('setupCatalog.externalUsers.password')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={errors.password ?? null}
      />
      {errors.password === undefined ? null : (
        <span className="setup-catalog__error" aria-hidden="true">
          {errors.password}
        </span>
      )}
      <button
        type="submit"
        className="ts-button"
        disabled={create.pending}
        aria-busy={create.pending}
      >
        {t('setupCatalog.externalUsers.create')}
      </button>
      {create.failure === null ? null : <AlertBox level="error">{create.failure}</AlertBox>}
    </form>
  );
}

export function ExternalUsersView({
  users,
  customers,
}: {
  users: readonly ListedUser[];
  customers: readonly Customer[];
}) {
  const { t } = useTranslation('app');
  const [filter, setFilter] = useState('');
  const [newCardKey, setNewCardKey] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const customerName = new Map(customers.map((customer) => [customer.id, customer.shortName]));
  const needle = filter.trim().toLocaleLowerCase('da');
  const shown = users
    .filter((user) => user.userGroup === UserGroup.ShopExternal)
    .filter(
      (user) =>
        needle === '' ||
        user.username.toLocaleLowerCase('da').includes(needle) ||
        user.customerIds.some((id) =>
          (customerName.get(id) ?? '').toLocaleLowerCase('da').includes(needle),
        ),
    );

  return (
    <section className="setup-catalog" aria-labelledby="setup-external-users-title">
      <h2 id="setup-external-users-title">{t('setup.externalUsers')}</h2>
      <div className="setup-catalog__toolbar">
        <TextField
          label={t('setupCatalog.externalUsers.filter')}
          value={filter}
          onChange={setFilter}
          autoComplete="off"
        />
      </div>
      {created === null ? null : (
        <AlertBox level="hint">
          {t('setupCatalog.externalUsers.created', { username: created })}
        </AlertBox>
      )}
      <div className="setup-catalog__cards">
        {shown.map((user) => (
          <ExternalUserCard key={user.id} user={user} customers={customers} />
        ))}
        <NewExternalUserCard
          key={newCardKey}
          customers={customers}
          onCreated={(username) => {
            setCreated(username);
            setNewCardKey((key) => key + 1);
          }}
        />
      </div>
      {shown.length === 0 && needle !== '' ? (
        <AlertBox level="hint">{t('setupCatalog.externalUsers.noneFound')}</AlertBox>
      ) : null}
    </section>
  );
}

export default function ExternalUsersPage() {
  const catalog = useCatalog();
  const users = useUserList();
  const error = catalog.error ?? users.error;
  if (error !== null) {
    return <AlertBox level="error">{messageOf(error)}</AlertBox>;
  }
  if (catalog.data === undefined || users.data === undefined) {
    return <PageLoading />;
  }
  return <ExternalUsersView users={users.data.users} customers={catalog.data.customers} />;
}
