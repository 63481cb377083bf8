/**
 * "Frigivelse rettigheder" (docs/domain.md): the existing rights (Frigiver, Tracer, Udløbsdato or
 * "Aldrig", sortable, revoked after a question) and a form that grants one: a production user
 * (never oneself unless site admin: core's `mayGrantReleaseRight`, which the api applies too),
 * a tracer that is not archived and an optional expiry date.
 */
import type { UserGroup } from '@tracershop/core';
import {
  formatDanishDate,
  isProductionAdmin,
  isProductionMember,
  mayGrantReleaseRight,
  messageFor,
  normalizeDate,
  validateDate,
} from '@tracershop/core';
import {
  AlertBox,
  ConfirmDialog,
  DateInput,
  localeOf,
  messageOf,
  useSession,
  usePendingAction,
  useFieldError,
} from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import { useCatalog } from '../../productionApi';
import { PageLoading } from '../../session/PageLoading';
import type { ListedUser } from '../externalUsers/externalUsersApi';
import { useUserList } from '../externalUsers/externalUsersApi';
import type { ReleaseRight } from './releaseRightsApi';
import { useReleaseRightWrites, useReleaseRights } from './releaseRightsApi';
import '../setup.css';

type SortKey = 'user' | 'product' | 'expiry';

interface RightRow {
  right: ReleaseRight;
  user: string;
  product: string;
  /** '' when the right never expires (sorts last). */
  expiry: string;
}

function productName(right: ReleaseRight, catalog: Catalog): string {
  if (right.tracerId != null) {
    return catalog.tracers.find((tracer) => tracer.id === right.tracerId)?.shortname ?? '';
  }
  const isotope = catalog.isotopes.find((candidate) => candidate.id === right.isotopeId);
  return isotope === undefined ? '' : `${isotope.atomicLetter}-${isotope.atomicMass}`;
}

function compareRows(key: SortKey) {
  return (a: RightRow, b: RightRow): number => {
    if (key === 'expiry' && (a.expiry === '') !== (b.expiry === '')) {
      return a.expiry === '' ? 1 : -1;
    }
    return a[key].localeCompare(b[key], 'da');
  };
}

function ExistingRights({
  rights,
  catalog,
}: {
  rights: readonly ReleaseRight[];
  catalog: Catalog;
}) {
  const { t } = useTranslation('app');
  const writes = useReleaseRightWrites();
  const revoke = usePendingAction();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'user',
    descending: false,
  });
  const [asking, setAsking] = useState<RightRow | null>(null);
  const rows: RightRow[] = rights.map((right) => ({
    right,
    user: right.userName,
    product: productName(right, catalog),
    expiry: right.expiryDate ?? '',
  }));
  rows.sort(compareRows(sort.key));
  if (sort.descending) {
    rows.reverse();
  }

  function header(key: SortKey, label: string) {
    const current = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={current ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <button
          type="button"
          className="setup-catalog__sort"
          onClick={() => setSort({ key, descending: current ? !sort.descending : false })}
        >
          {label}
          {current ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  }

  return (
    <details className="setup-catalog__collapsible" open>
      <summary>{t('setupCatalog.releaseRights.existing')}</summary>
      {rows.length === 0 ? (
        <AlertBox level="hint">{t('setupCatalog.releaseRights.none')}</AlertBox>
      ) : (
        <table className="production-table">
          <thead>
            <tr>
              {header('user', t('setupCatalog.releaseRights.releaser'))}
              {header('product', t('setupCatalog.releaseRights.tracer'))}
              {header('expiry', t('setupCatalog.releaseRights.expiry'))}
              <th scope="col">
                <span className="ts-visually-hidden">{t('setupCatalog.tracers.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.right.id}>
                <td>{row.user}</td>
                <td>{row.product}</td>
                <td>
                  {row.expiry === ''
                    ? t('setupCatalog.releaseRights.never')
                    : formatDanishDate(row.expiry)}
                </td>
                <td>
                  <button
                    type="button"
                    className="ts-button ts-button--light"
                    aria-label={t('setupCatalog.releaseRights.revokeOf', {
                      user: row.user,
                      product: row.product,
                    })}
                    title={t('setupCatalog.releaseRights.revokeOf', {
                      user: row.user,
                      product: row.product,
                    })}
                    disabled={revoke.pending}
                    onClick={() => setAsking(row)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.failure === null ? null : <AlertBox level="error">{revoke.failure}</AlertBox>}
      <ConfirmDialog
        open={asking !== null}
        title={t('setupCatalog.releaseRights.revokeTitle')}
        pending={revoke.pending}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking === null) {
            return;
          }
          const id = asking.right.id;
          void revoke.run(
            () => writes.remove.mutateAsync({ id }),
            () => setAsking(null),
          );
        }}
      >
        {asking === null
          ? null
          : t('setupCatalog.releaseRights.revokeQuestion', {
              user: asking.user,
              product: asking.product,
            })}
      </ConfirmDialog>
    </details>
  );
}

function userLabel(user: ListedUser, adminSuffix: string): string {
  const name = user.displayName ? `${user.username} (${user.displayName})` : user.username;
  return isProductionAdmin(user.userGroup) ? `${name} - ${adminSuffix}` : name;
}

function NewRightForm({
  users,
  catalog,
  me,
}: {
  users: readonly ListedUser[];
  catalog: Catalog;
  me: { id: number; userGroup: UserGroup };
}) {
  const { t, i18n } = useTranslation('app');
  const writes = useReleaseRightWrites();
  const create = usePendingAction();
  const [userId, setUserId] = useState('');
  const [tracerId, setTracerId] = useState('');
  const [expiry, setExpiry] = useState('');
  const [errors, setErrors] = useState<{ user?: string; tracer?: string; expiry?: string }>({});
  const userError = useFieldError(errors.user);
  const tracerError = useFieldError(errors.tracer);
  const [created, setCreated] = useState(false);
  const candidates = users.filter(
    (user) =>
      user.active &&
      isProductionMember(user.userGroup) &&
      mayGrantReleaseRight({
        granterGroup: me.userGroup,
        granterId: me.id,
        granteeId: user.id,
        granteeGroup: user.userGroup,
      }),
  );
  const tracers = catalog.tracers.filter((tracer) => !tracer.archived);

  function submit() {
    setCreated(false);
    const dateCheck = expiry.trim() === '' ? null : validateDate(expiry, 'date');
    const found = {
      user: userId === '' ? t('setupCatalog.releaseRights.userMissing') : undefined,
      tracer: tracerId === '' ? t('setupCatalog.releaseRights.tracerMissing') : undefined,
      expiry:
        dateCheck === null || dateCheck.ok
          ? undefined
          : messageFor(
              {
                key: dateCheck.issue.key,
                params: { field: t('setupCatalog.releaseRights.expiry') },
              },
              localeOf(i18n.language),
            ),
    };
    setErrors(found);
    if (Object.values(found).some((message) => message !== undefined)) {
      return;
    }
    void create.run(
      () =>
        writes.create.mutateAsync({
          userId: Number(userId),
          tracerId: Number(tracerId),
          expiryDate: expiry.trim() === '' ? null : normalizeDate(expiry),
        }),
      () => {
        setUserId('');
        setTracerId('');
        setExpiry('');
        setCreated(true);
      },
    );
  }

  return (
    <form
      className="setup-catalog__form"
      aria-labelledby="setup-release-rights-new"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id="setup-release-rights-new" className="setup-catalog__full">
        {t('setupCatalog.releaseRights.newTitle')}
      </h3>
      <label>
        {t('setupCatalog.releaseRights.user')}
        <select
          className={userError.className}
          aria-invalid={userError.invalid}
          aria-describedby={userError.describedBy}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
        >
          <option value="">{t('setupCatalog.common.choose')}</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {userLabel(user, t('setupCatalog.releaseRights.adminSuffix'))}
            </option>
          ))}
        </select>
        {userError.message}
      </label>
      <label>
        {t('setupCatalog.releaseRights.tracer')}
        <select
          className={tracerError.className}
          aria-invalid={tracerError.invalid}
          aria-describedby={tracerError.describedBy}
          value={tracerId}
          onChange={(event) => setTracerId(event.target.value)}
        >
          <option value="">{t('setupCatalog.common.choose')}</option>
          {tracers.map((tracer) => (
            <option key={tracer.id} value={tracer.id}>
              {tracer.shortname}
            </option>
          ))}
        </select>
        {tracerError.message}
      </label>
      <DateInput
        label={t('setupCatalog.releaseRights.expiry')}
        value={expiry}
        onChange={(value) => {
          setExpiry(value);
          setErrors((previous) => ({ ...previous, expiry: undefined }));
        }}
        error={errors.expiry ?? null}
        title={t('setupCatalog.releaseRights.expiryHint')}
      />
      <button
        type="submit"
        className="ts-button"
        disabled={create.pending}
        aria-busy={create.pending}
      >
        {t('setupCatalog.releaseRights.create')}
      </button>
      <p className="setup-catalog__full setup-catalog__hint">
        {t('setupCatalog.releaseRights.expiryHint')}
      </p>
      {create.failure === null ? null : <AlertBox level="error">{create.failure}</AlertBox>}
      {created ? <p role="status">{t('setupCatalog.releaseRights.created')}</p> : null}
    </form>
  );
}

export interface ReleaseRightsViewProps {
  rights: readonly ReleaseRight[];
  users: readonly ListedUser[];
  catalog: Catalog;
  me: { id: number; userGroup: UserGroup };
}

export function ReleaseRightsView({ rights, users, catalog, me }: ReleaseRightsViewProps) {
  const { t } = useTranslation('app');
  return (
    <section className="setup-catalog" aria-labelledby="setup-release-rights-title">
      <h2 id="setup-release-rights-title">{t('setup.releaseRights')}</h2>
      <ExistingRights rights={rights} catalog={catalog} />
      <NewRightForm users={users} catalog={catalog} me={me} />
    </section>
  );
}

export default function ReleaseRightsPage() {
  const session = useSession();
  const catalog = useCatalog();
  const users = useUserList();
  const rights = useReleaseRights();
  const error = catalog.error ?? users.error ?? rights.error;
  const me = session.data?.user ?? null;
  if (error !== null) {
    return <AlertBox level="error">{messageOf(error)}</AlertBox>;
  }
  if (
    me === null ||
    catalog.data === undefined ||
    users.data === undefined ||
    rights.data === undefined
  ) {
    return <PageLoading />;
  }
  return (
    <ReleaseRightsView
      rights={rights.data}
      users={users.data.users}
      catalog={catalog.data}
      me={{ id: me.id, userGroup: me.userGroup }}
    />
  );
}
