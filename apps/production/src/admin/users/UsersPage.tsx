/**
 * "Brugere": every account with its role and whether it is active; the site admin changes
 * them per row ("Gem"), creates local accounts of every role ("Ny bruger", shop roles with
 * their customers) and resets a local account's password ("Nulstil kodeord"). A password
 * chosen here must be replaced by its owner at the next login (the api lets such a session do
 * nothing else). The api audits every change, ends the user's sessions on a role change, a
 * deactivation or a reset, and refuses changes to one's own account, which the page does not
 * offer.
 */
import type { Locale, UserGroup } from '@tracershop/core';
import {
  UserSource,
  UserGroup as UserGroups,
  enumValues,
  isShopScoped,
  newPasswordProblem,
  roleCustomersProblem,
  userCreateInput,
  userPasswordResetInput,
} from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  TextField,
  fieldErrorsOf,
  isClean,
  messageOf,
  reasonOf,
  usePendingAction,
  useSession,
} from '@tracershop/ui';
import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleCustomersFields, roleKey } from '../../forms/RoleCustomersFields';
import type { Catalog } from '../../productionApi';
import { useCatalog } from '../../productionApi';
import { QueryResult } from '../../session/QueryResult';
import '../admin.css';
import '../../setup/setup.css';
import type { ListedUser } from '../adminApi';
import { useAccountWrites, useUserList } from '../adminApi';
import { formatInstant } from '../adminTime';
import { useTimeZone } from '../useTimeZone';

const GROUPS = enumValues(UserGroups).filter((group) => group !== UserGroups.Anon);

type Customer = Catalog['customers'][number];
type NewUserField = 'username' | 'displayName' | 'password' | 'customerIds';

/** Which field an api refusal of a new account belongs beside, if any. */
const FIELD_OF_REASON: Partial<Record<string, NewUserField>> = {
  ALREADY_EXISTS: 'username',
  NEW_PASSWORD_REFUSED: 'password',
  CUSTOMERS_NEEDED: 'customerIds',
  CUSTOMERS_NOT_USED: 'customerIds',
};

function NewUserForm({
  customers,
  onCreated,
}: {
  customers: readonly Customer[];
  onCreated(username: string): void;
}) {
  const { t, i18n } = useTranslation('app');
  const { create } = useAccountWrites();
  const action = usePendingAction();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [userGroup, setUserGroup] = useState<UserGroup>(UserGroups.ShopUser);
  const [customerIds, setCustomerIds] = useState<number[]>([]);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<NewUserField>>({});
  const labels: Record<NewUserField, string> = {
    username: t('admin.userTable.username'),
    displayName: t('admin.userTable.name'),
    password: t('admin.userTable.firstPassword'),
    customerIds: t('admin.userTable.customers'),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const draft = {
      username: username.trim(),
      displayName: displayName.trim() === '' ? undefined : displayName.trim(),
      userGroup,
      password,
      customerIds:
        roleCustomersProblem(userGroup, customerIds) === 'customersNotUsed' ? [] : customerIds,
    };
    const parsed = userCreateInput.safeParse(draft);
    const found = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, i18n.language as Locale);
    if (roleCustomersProblem(userGroup, draft.customerIds) === 'customersNeeded') {
      found.customerIds = t('admin.userTable.customersNeeded');
    }
    if (
      found.password === undefined &&
      newPasswordProblem(password, draft.username) === 'sameAsUsername'
    ) {
      found.password = t('password.sameAsUsername', { ns: 'translation' });
    }
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    void action.run(
      () => create.mutateAsync(parsed.data),
      () => {
        onCreated(parsed.data.username);
        setUsername('');
        setDisplayName('');
        setPassword('');
        setCustomerIds([]);
      },
      (error) => {
        const field = FIELD_OF_REASON[reasonOf(error) ?? ''];
        if (field === undefined) {
          return false;
        }
        setErrors({ [field]: messageOf(error) });
        return true;
      },
    );
  }

  return (
    <form
      className="setup-catalog__card setup-catalog__card--new"
      aria-label={t('admin.userTable.newUser')}
      noValidate
      onSubmit={submit}
    >
      <h3>{t('admin.userTable.newUser')}</h3>
      <p className="setup-catalog__hint">{t('admin.userTable.newUserHint')}</p>
      <TextField
        label={labels.username}
        value={username}
        onChange={(value) => {
          setUsername(value);
          setErrors((previous) => ({ ...previous, username: undefined }));
        }}
        error={errors.username ?? null}
        autoComplete="off"
      />
      <TextField
        label={labels.displayName}
        value={displayName}
        onChange={setDisplayName}
        error={errors.displayName ?? null}
        autoComplete="off"
      />
      <RoleCustomersFields
        roleLabel={t('admin.userTable.role')}
        customersLabel={labels.customerIds}
        everyCustomer={t('admin.userTable.everyCustomer')}
        roles={GROUPS}
        userGroup={userGroup}
        onRoleChange={setUserGroup}
        customers={customers}
        customerIds={customerIds}
        onCustomersChange={(ids) => {
          setCustomerIds(ids);
          setErrors((previous) => ({ ...previous, customerIds: undefined }));
        }}
        error={errors.customerIds}
      />
      <TextField
        label={labels.password}
        type="password"
        value={password}
        onChange={(value) => {
          setPassword(value);
          setErrors((previous) => ({ ...previous, password: undefined }));
        }}
        error={errors.password ?? null}
        autoComplete="new-password"
      />
      <button
        type="submit"
        className="ts-button"
        disabled={action.pending}
        aria-busy={action.pending}
      >
        {t('admin.userTable.create')}
      </button>
      {action.failure === null ? null : <AlertBox level="error">{action.failure}</AlertBox>}
    </form>
  );
}

/** "Nulstil kodeord" opened in a row: the new password, "Nulstil", "Annuller" (Escape). */
function PasswordReset({
  user,
  onDone,
  onCancel,
}: {
  user: ListedUser;
  onDone(): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation('app');
  const { resetPassword } = useAccountWrites();
  const action = usePendingAction();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const label = t('admin.userTable.newPasswordOf', { username: user.username });

  useEffect(() => {
    input.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = userPasswordResetInput.safeParse({ id: user.id, password });
    if (!parsed.success) {
      setError(
        fieldErrorsOf(parsed.error.issues, { password: label }, i18n.language as Locale).password ??
          null,
      );
      return;
    }
    if (newPasswordProblem(password, user.username) === 'sameAsUsername') {
      setError(t('password.sameAsUsername', { ns: 'translation' }));
      return;
    }
    void action.run(() => resetPassword.mutateAsync(parsed.data), onDone);
  }

  return (
    <form
      className="admin-users__reset"
      aria-label={t('admin.userTable.resetPasswordOf', { username: user.username })}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          onCancel();
        }
      }}
    >
      <TextField
        ref={input}
        label={label}
        type="password"
        value={password}
        onChange={(value) => {
          setPassword(value);
          setError(null);
        }}
        error={error}
        autoComplete="new-password"
      />
      <button
        type="submit"
        className="ts-button"
        disabled={action.pending}
        aria-busy={action.pending}
      >
        {t('admin.userTable.reset')}
      </button>
      <button type="button" className="ts-button ts-button--secondary" onClick={onCancel}>
        {t('admin.userTable.cancel')}
      </button>
      {action.failure === null ? null : <AlertBox level="error">{action.failure}</AlertBox>}
    </form>
  );
}

/** The customers a user acts for, by short name; "alle" for a role that sees every one. */
function customersText(
  user: ListedUser,
  customers: readonly Customer[],
  t: TFunction<'app'>,
): string {
  if (!isShopScoped(user.userGroup)) {
    return t('admin.userTable.allCustomers');
  }
  const names = user.customerIds.map(
    (id) => customers.find((customer) => customer.id === id)?.shortName ?? `#${id}`,
  );
  return names.length === 0 ? t('admin.userTable.noCustomers') : names.join(', ');
}

function UserRow({
  user,
  own,
  customers,
  onNotice,
}: {
  user: ListedUser;
  own: boolean;
  customers: readonly Customer[];
  onNotice(text: string): void;
}) {
  const { t } = useTranslation('app');
  const timeZone = useTimeZone();
  const { edit } = useAccountWrites();
  const [userGroup, setUserGroup] = useState<UserGroup>(user.userGroup);
  const [active, setActive] = useState(user.active);
  const [resetting, setResetting] = useState(false);
  const changed = userGroup !== user.userGroup || active !== user.active;
  const local = user.source === UserSource.Local;

  const save = () => {
    edit.mutate(
      {
        id: user.id,
        ...(userGroup === user.userGroup ? {} : { userGroup }),
        ...(active === user.active ? {} : { active }),
      },
      { onSuccess: () => onNotice(t('admin.userTable.saved', { username: user.username })) },
    );
  };

  return (
    <tr>
      <td>
        {user.username}
        {user.mustChangePassword ? (
          <span className="admin-users__badge">{t('admin.userTable.mustChange')}</span>
        ) : null}
        {local ? null : (
          <span className="admin-users__badge" title={t('admin.userTable.directoryHint')}>
            {t('admin.userTable.directory')}
          </span>
        )}
      </td>
      <td>{user.displayName}</td>
      <td>
        <select
          className="ts-input"
          aria-label={t('admin.userTable.roleOf', { username: user.username })}
          value={String(userGroup)}
          disabled={own || edit.isPending}
          title={own ? t('admin.userTable.ownAccount') : undefined}
          onChange={(event) => setUserGroup(Number(event.target.value) as UserGroup)}
        >
          {GROUPS.map((group) => (
            <option key={group} value={String(group)}>
              {t(roleKey(group))}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('admin.userTable.activeOf', { username: user.username })}
          checked={active}
          disabled={own || edit.isPending}
          title={own ? t('admin.userTable.ownAccount') : undefined}
          onChange={(event) => setActive(event.target.checked)}
        />
      </td>
      <td>{customersText(user, customers, t)}</td>
      <td>{user.lastLoginAt === null ? '' : formatInstant(user.lastLoginAt, timeZone)}</td>
      <td>
        <button
          type="button"
          className="ts-button"
          aria-label={t('admin.userTable.saveOf', { username: user.username })}
          disabled={!changed || edit.isPending}
          onClick={save}
        >
          {t('admin.userTable.save')}
        </button>
        {own || !local || resetting ? null : (
          <button
            type="button"
            className="ts-button ts-button--secondary"
            aria-label={t('admin.userTable.resetPasswordOf', { username: user.username })}
            onClick={() => setResetting(true)}
          >
            {t('admin.userTable.resetPassword')}
          </button>
        )}
        {resetting ? (
          <PasswordReset
            user={user}
            onCancel={() => setResetting(false)}
            onDone={() => {
              setResetting(false);
              onNotice(t('admin.userTable.resetDone', { username: user.username }));
            }}
          />
        ) : null}
        {edit.error === null ? null : <AlertBox level="error">{messageOf(edit.error)}</AlertBox>}
      </td>
    </tr>
  );
}

export default function UsersPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  const users = useUserList();
  const catalog = useCatalog();
  const [notice, setNotice] = useState<string | null>(null);
  const ownId = session.data?.user?.id ?? null;

  return (
    <section aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{t('admin.users')}</h2>
      {notice === null ? null : <AlertBox level="hint">{notice}</AlertBox>}
      <NewUserForm
        customers={catalog.data?.customers ?? []}
        onCreated={(username) => setNotice(t('admin.userTable.created', { username }))}
      />
      <QueryResult query={users}>
        {(data) => (
          <table className="production-table admin-table" aria-label={t('admin.users')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.userTable.username')}</th>
                <th scope="col">{t('admin.userTable.name')}</th>
                <th scope="col">{t('admin.userTable.role')}</th>
                <th scope="col">{t('admin.userTable.active')}</th>
                <th scope="col">{t('admin.userTable.customers')}</th>
                <th scope="col">{t('admin.userTable.lastLogin')}</th>
                <th scope="col">
                  <span className="ts-visually-hidden">{t('admin.userTable.save')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((user) => (
                <UserRow
                  // A changed row from the api starts a fresh draft.
                  key={`${user.id}-${user.userGroup}-${String(user.active)}`}
                  user={user}
                  own={user.id === ownId}
                  customers={catalog.data?.customers ?? []}
                  onNotice={setNotice}
                />
              ))}
            </tbody>
          </table>
        )}
      </QueryResult>
    </section>
  );
}
