/**
 * "Frigivelse rettigheder" (docs/domain.md): the existing rights (Frigiver, Produkt, Udløbsdato;
 * sortable; the expiry changed per row with "Gem", empty for no expiry; revoked after a
 * question) and a form that grants one: a production user, a tracer that is not archived or an
 * isotope, and an optional expiry date. Nobody but the site admin grants or changes a right of
 * their own (core's `mayGrantReleaseRight`, which the api applies too); revoking one's own is
 * allowed.
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
import { saveOnEnter } from '../EditableRow';
import type { ListedUser } from '../externalUsers/externalUsersApi';
import { useUserList } from '../externalUsers/externalUsersApi';
import { isotopeLabel } from '../scheduleProducts';
import type { ReleaseRight } from './releaseRightsApi';
import { useReleaseRightWrites, useReleaseRights } from './releaseRightsApi';
import '../setup.css';

type SortKey = 'user' | 'product' | 'expiry';

/** The logged-in user, who grants and changes. */
interface Me {
  id: number;
  userGroup: UserGroup;
}

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
  return isotope === undefined ? '' : isotopeLabel(isotope);
}

function compareRows(key: SortKey) {
  return (a: RightRow, b: RightRow): number => {
    if (key === 'expiry' && (a.expiry === '') !== (b.expiry === '')) {
      return a.expiry === '' ? 1 : -1;
    }
    return a[key].localeCompare(b[key], 'da');
  };
}

/** The expiry text's error in words ("Udløbsdato er ikke …"), or undefined; empty is none. */
function useExpiryCheck(): (text: string) => string | undefined {
  const { t, i18n } = useTranslation('app');
  return (text) => {
    const check = text.trim() === '' ? null : validateDate(text, 'date');
    return check === null || check.ok
      ? undefined
      : messageFor(
          { key: check.issue.key, params: { field: t('setupCatalog.releaseRights.expiry') } },
          localeOf(i18n.language),
        );
  };
}

/** The expiry a text means: null when empty (never expires), undefined when not a date. */
function expiryOf(text: string): string | null | undefined {
  return text.trim() === '' ? null : (normalizeDate(text) ?? undefined);
}

/**
 * One right: its expiry as a date field with "Gem" (Enter saves; empty = no expiry), unless
 * `locked` says why it may not be changed, and "✕" to revoke it.
 */
function RightRowView({
  row,
  locked,
  revokePending,
  onRevoke,
  onSaved,
}: {
  row: RightRow;
  locked: string | undefined;
  revokePending: boolean;
  onRevoke(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('app');
  const writes = useReleaseRightWrites();
  const save = usePendingAction();
  const checkExpiry = useExpiryCheck();
  const [draft, setDraft] = useState(row.expiry === '' ? '' : formatDanishDate(row.expiry));
  const [error, setError] = useState<string | null>(null);
  const names = { user: row.user, product: row.product };
  const wanted = expiryOf(draft);
  const changed = wanted !== row.right.expiryDate;
  const editable = locked === undefined;

  function submit() {
    if (!editable || !changed || save.pending) {
      return;
    }
    const issue = checkExpiry(draft);
    setError(issue ?? null);
    if (issue !== undefined || wanted === undefined) {
      return;
    }
    const id = row.right.id;
    void save.run(() => writes.edit.mutateAsync({ id, expiryDate: wanted }), onSaved);
  }

  return (
    <tr onKeyDown={saveOnEnter(submit)}>
      <td>{row.user}</td>
      <td>{row.product}</td>
      <td>
        <div className="setup-catalog__actions">
          <DateInput
            label={t('setupCatalog.releaseRights.expiryOf', names)}
            hideLabel
            value={draft}
            onChange={(value) => {
              setDraft(value);
              setError(null);
            }}
            error={error}
            placeholder={t('setupCatalog.releaseRights.noExpiry')}
            title={locked ?? t('setupCatalog.releaseRights.expiryHint')}
            disabled={!editable || save.pending}
          />
          <button
            type="button"
            className="ts-button"
            aria-label={t('setupCatalog.releaseRights.saveExpiryOf', names)}
            title={locked}
            disabled={!editable || !changed || save.pending}
            aria-busy={save.pending}
            onClick={submit}
          >
            {t('setupCatalog.common.save')}
          </button>
        </div>
        {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
      </td>
      <td>
        <button
          type="button"
          className="ts-button ts-button--light"
          aria-label={t('setupCatalog.releaseRights.revokeOf', names)}
          title={t('setupCatalog.releaseRights.revokeOf', names)}
          disabled={revokePending}
          onClick={onRevoke}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}

function ExistingRights({
  rights,
  users,
  catalog,
  me,
}: {
  rights: readonly ReleaseRight[];
  users: readonly ListedUser[];
  catalog: Catalog;
  me: Me;
}) {
  const { t } = useTranslation('app');
  const writes = useReleaseRightWrites();
  const revoke = usePendingAction();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'user',
    descending: false,
  });
  const [asking, setAsking] = useState<RightRow | null>(null);
  const [saved, setSaved] = useState<RightRow | null>(null);
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

  /** Why `row`'s expiry may not be changed by me, or undefined when it may. */
  function lockedReason(row: RightRow): string | undefined {
    const granteeId = row.right.userId;
    const mayChange = mayGrantReleaseRight({
      granterGroup: me.userGroup,
      granterId: me.id,
      granteeId,
      granteeGroup: users.find((user) => user.id === granteeId)?.userGroup,
    });
    if (mayChange) {
      return undefined;
    }
    return granteeId === me.id
      ? t('setupCatalog.releaseRights.ownRight')
      : t('setupCatalog.releaseRights.notProduction', { user: row.user });
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
              {header('product', t('setupCatalog.releaseRights.product'))}
              {header('expiry', t('setupCatalog.releaseRights.expiry'))}
              <th scope="col">
                <span className="ts-visually-hidden">{t('setupCatalog.tracers.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <RightRowView
                // A changed expiry from the api starts a fresh draft.
                key={`${row.right.id}-${row.expiry}`}
                row={row}
                locked={lockedReason(row)}
                revokePending={revoke.pending}
                onRevoke={() => setAsking(row)}
                onSaved={() => setSaved(row)}
              />
            ))}
          </tbody>
        </table>
      )}
      {saved === null ? null : (
        <p role="status">
          {t('setupCatalog.releaseRights.expirySaved', {
            user: saved.user,
            product: saved.product,
          })}
        </p>
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

/** The product choice's value: `tracer:<id>` or `isotope:<id>`. */
function productInput(choice: string): { tracerId: number } | { isotopeId: number } {
  const [kind, id] = choice.split(':');
  return kind === 'isotope' ? { isotopeId: Number(id) } : { tracerId: Number(id) };
}

function NewRightForm({
  users,
  catalog,
  me,
}: {
  users: readonly ListedUser[];
  catalog: Catalog;
  me: Me;
}) {
  const { t } = useTranslation('app');
  const writes = useReleaseRightWrites();
  const create = usePendingAction();
  const checkExpiry = useExpiryCheck();
  const [userId, setUserId] = useState('');
  const [product, setProduct] = useState('');
  const [expiry, setExpiry] = useState('');
  const [errors, setErrors] = useState<{ user?: string; product?: string; expiry?: string }>({});
  const userError = useFieldError(errors.user);
  const productError = useFieldError(errors.product);
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
    const found = {
      user: userId === '' ? t('setupCatalog.releaseRights.userMissing') : undefined,
      product: product === '' ? t('setupCatalog.releaseRights.productMissing') : undefined,
      expiry: checkExpiry(expiry),
    };
    setErrors(found);
    if (Object.values(found).some((message) => message !== undefined)) {
      return;
    }
    void create.run(
      () =>
        writes.create.mutateAsync({
          userId: Number(userId),
          ...productInput(product),
          expiryDate: expiryOf(expiry) ?? null,
        }),
      () => {
        setUserId('');
        setProduct('');
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
        {t('setupCatalog.releaseRights.product')}
        <select
          className={productError.className}
          aria-invalid={productError.invalid}
          aria-describedby={productError.describedBy}
          value={product}
          onChange={(event) => setProduct(event.target.value)}
        >
          <option value="">{t('setupCatalog.common.choose')}</option>
          {tracers.length === 0 ? null : (
            <optgroup label={t('setupCatalog.releaseRights.tracers')}>
              {tracers.map((tracer) => (
                <option key={tracer.id} value={`tracer:${tracer.id}`}>
                  {tracer.shortname}
                </option>
              ))}
            </optgroup>
          )}
          {catalog.isotopes.length === 0 ? null : (
            <optgroup label={t('setupCatalog.releaseRights.isotopes')}>
              {catalog.isotopes.map((isotope) => (
                <option key={isotope.id} value={`isotope:${isotope.id}`}>
                  {isotopeLabel(isotope)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {productError.message}
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
  me: Me;
}

export function ReleaseRightsView({ rights, users, catalog, me }: ReleaseRightsViewProps) {
  const { t } = useTranslation('app');
  return (
    <section className="setup-catalog" aria-labelledby="setup-release-rights-title">
      <h2 id="setup-release-rights-title">{t('setup.releaseRights')}</h2>
      <ExistingRights rights={rights} users={users} catalog={catalog} me={me} />
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
