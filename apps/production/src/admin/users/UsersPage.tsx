/**
 * "Brugere": every account with its role and whether it is active; the site admin changes
 * them per row ("Gem"). The api audits the change and ends the user's sessions, and refuses
 * changes to one's own role (no locking oneself out), which the page does not offer.
 */
import type { UserGroup } from '@tracershop/core';
import { enumValues, UserGroup as UserGroups } from '@tracershop/core';
import { AlertBox, messageOf, useSession } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryResult } from '../../session/QueryResult';
import '../admin.css';
import type { ListedUser } from '../adminApi';
import { useUserEdit, useUserList } from '../adminApi';
import { formatInstant } from '../adminTime';
import { useTimeZone } from '../useTimeZone';

const GROUPS = enumValues(UserGroups).filter((group) => group !== UserGroups.Anon);

function UserRow({
  user,
  own,
  onSaved,
}: {
  user: ListedUser;
  own: boolean;
  onSaved(username: string): void;
}) {
  const { t } = useTranslation('app');
  const timeZone = useTimeZone();
  const edit = useUserEdit();
  const [userGroup, setUserGroup] = useState<UserGroup>(user.userGroup);
  const [active, setActive] = useState(user.active);
  const changed = userGroup !== user.userGroup || active !== user.active;

  const save = () => {
    edit.mutate(
      {
        id: user.id,
        ...(userGroup === user.userGroup ? {} : { userGroup }),
        ...(active === user.active ? {} : { active }),
      },
      { onSuccess: () => onSaved(user.username) },
    );
  };

  return (
    <tr>
      <td>{user.username}</td>
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
              {t(`admin.userTable.roles.${group}`)}
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
        {edit.error === null ? null : <AlertBox level="error">{messageOf(edit.error)}</AlertBox>}
      </td>
    </tr>
  );
}

export default function UsersPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  const users = useUserList();
  const [saved, setSaved] = useState<string | null>(null);
  const ownId = session.data?.user?.id ?? null;

  return (
    <section aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{t('admin.users')}</h2>
      {saved === null ? null : (
        <AlertBox level="hint">{t('admin.userTable.saved', { username: saved })}</AlertBox>
      )}
      <QueryResult query={users}>
        {(data) => (
          <table className="production-table admin-table" aria-label={t('admin.users')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.userTable.username')}</th>
                <th scope="col">{t('admin.userTable.name')}</th>
                <th scope="col">{t('admin.userTable.role')}</th>
                <th scope="col">{t('admin.userTable.active')}</th>
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
                  onSaved={setSaved}
                />
              ))}
            </tbody>
          </table>
        )}
      </QueryResult>
    </section>
  );
}
