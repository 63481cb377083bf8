/**
 * "API-nøgler" (docs/scripts.md): tokens that scripts sign in with. The site admin gives any
 * working role, a production admin the production roles (core's `tokenRolesGrantableBy`); a
 * shop role names its customers; every token has a last day, at most a year ahead. A new
 * token is shown once, to be copied into the script's settings. The list shows each token's
 * scope, expiry and last use, and revokes one behind a confirmation; its open connections end
 * at once.
 */
import type { ApiTokenAccess, Locale, UserGroup } from '@tracershop/core';
import {
  API_TOKEN_ACCESS,
  UserGroup as UserGroups,
  addDays,
  apiTokenCreateInput,
  apiTokenLastDay,
  formatDanishDate,
  instantOfLocalDateTime,
  isShopScoped,
  tokenRolesGrantableBy,
} from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  ConfirmDialog,
  fieldErrorsOf,
  isClean,
  messageOf,
  siteToday,
  TextField,
  usePendingAction,
  useSession,
  useSiteNow,
} from '@tracershop/ui';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../admin/adminTime';
import { useTimeZone } from '../../admin/useTimeZone';
import type { Catalog } from '../../productionApi';
import { useCatalog } from '../../productionApi';
import { RoleCustomersFields, roleKey } from '../../forms/RoleCustomersFields';
import { PageLoading } from '../../session/PageLoading';
import type { ApiTokenRow, CreatedApiToken } from './apiTokensApi';
import { useApiTokenWrites, useApiTokens } from './apiTokensApi';
import '../setup.css';

type Customer = Catalog['customers'][number];

type Field = 'name' | 'customerIds' | 'expiresOn';

/** A new token's first suggested last day: a quarter ahead. */
const SUGGESTED_DAYS = 90;

function NewTokenForm({
  creatorGroup,
  customers,
  today,
  onCreated,
}: {
  creatorGroup: UserGroup;
  customers: readonly Customer[];
  today: string;
  onCreated(created: CreatedApiToken): void;
}) {
  const { t, i18n } = useTranslation('app');
  const roles = tokenRolesGrantableBy(creatorGroup);
  const writes = useApiTokenWrites();
  const create = usePendingAction();
  const [name, setName] = useState('');
  // Read-only production access is what most scripts need.
  const [userGroup, setUserGroup] = useState<UserGroup | undefined>(
    roles.includes(UserGroups.ProductionUser) ? UserGroups.ProductionUser : roles[0],
  );
  const [access, setAccess] = useState<ApiTokenAccess>('read');
  const [customerIds, setCustomerIds] = useState<number[]>([]);
  const [expiresOn, setExpiresOn] = useState(addDays(today, SUGGESTED_DAYS));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const scoped = userGroup !== undefined && isShopScoped(userGroup);
  const labels: Record<Field, string> = {
    name: t('apiTokens.name'),
    customerIds: t('apiTokens.customers'),
    expiresOn: t('apiTokens.expiresOn'),
  };

  function submit() {
    const draft = {
      name: name.trim(),
      userGroup,
      access,
      customerIds: scoped ? customerIds : [],
      expiresOn,
    };
    const parsed = apiTokenCreateInput.safeParse(draft);
    const found = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, i18n.language as Locale);
    if (scoped && customerIds.length === 0) {
      found.customerIds = t('apiTokens.customersNeeded');
    }
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    void create.run(async () => {
      onCreated(await writes.create.mutateAsync(parsed.data));
    });
  }

  return (
    <form
      className="setup-catalog__card setup-catalog__card--new"
      aria-label={t('apiTokens.newToken')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{t('apiTokens.newToken')}</h3>
      <TextField
        label={labels.name}
        value={name}
        onChange={setName}
        error={errors.name ?? null}
        autoComplete="off"
        maxLength={60}
      />
      <fieldset className="setup-catalog__choices">
        <legend>{t('apiTokens.access')}</legend>
        {API_TOKEN_ACCESS.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="access"
              value={choice}
              checked={access === choice}
              onChange={() => setAccess(choice)}
            />
            {t(`apiTokens.accessWords.${choice}`)}
          </label>
        ))}
      </fieldset>
      <RoleCustomersFields
        roleLabel={t('apiTokens.role')}
        customersLabel={labels.customerIds}
        everyCustomer={t('apiTokens.everyCustomer')}
        roles={roles}
        userGroup={userGroup}
        onRoleChange={setUserGroup}
        customers={customers}
        customerIds={customerIds}
        onCustomersChange={setCustomerIds}
        error={errors.customerIds}
      />
      <TextField
        label={labels.expiresOn}
        type="date"
        value={expiresOn}
        min={today}
        max={addDays(today, 366)}
        onChange={setExpiresOn}
        error={errors.expiresOn ?? null}
      />
      <button
        type="submit"
        className="ts-button"
        disabled={create.pending || userGroup === undefined}
        aria-busy={create.pending}
      >
        {t('apiTokens.create')}
      </button>
      {create.failure === null ? null : <AlertBox level="error">{create.failure}</AlertBox>}
    </form>
  );
}

/** The token just created, shown this once with a copy button. */
function CreatedToken({ created, onDone }: { created: CreatedApiToken; onDone(): void }) {
  const { t } = useTranslation('app');
  const [copied, setCopied] = useState(false);
  return (
    <AlertBox level="hint">
      <p>{t('apiTokens.shownOnce', { name: created.listing.name })}</p>
      <p className="setup-catalog__token">
        <input
          className="ts-input"
          readOnly
          aria-label={t('apiTokens.theToken')}
          value={created.token}
          size={52}
          onFocus={(event) => event.target.select()}
        />
        <button
          type="button"
          className="ts-button"
          onClick={() => {
            void navigator.clipboard?.writeText(created.token).then(() => setCopied(true));
          }}
        >
          {copied ? t('apiTokens.copied') : t('apiTokens.copy')}
        </button>
        <button type="button" className="ts-button ts-button--secondary" onClick={onDone}>
          {t('apiTokens.done')}
        </button>
      </p>
    </AlertBox>
  );
}

function statusOf(token: ApiTokenRow, now: number, timeZone: string, t: TFunction<'app'>) {
  if (token.revokedAt !== null) {
    return t('apiTokens.revokedBy', {
      name: token.revokedByName ?? '',
      at: formatInstant(token.revokedAt, timeZone),
    });
  }
  return Date.parse(token.expiresAt) <= now ? t('apiTokens.expired') : t('apiTokens.active');
}

export function ApiTokensView({
  tokens,
  customers,
  creatorGroup,
  timeZone,
  now,
}: {
  tokens: readonly ApiTokenRow[];
  customers: readonly Customer[];
  creatorGroup: UserGroup;
  timeZone: string;
  /** The moment the page judges expiry by (epoch milliseconds). */
  now: number;
}) {
  const { t } = useTranslation('app');
  const writes = useApiTokenWrites();
  const revoke = usePendingAction();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [revoking, setRevoking] = useState<ApiTokenRow | null>(null);
  const customerName = new Map(customers.map((customer) => [customer.id, customer.shortName]));
  const today = siteToday(timeZone, now);

  return (
    <section className="setup-catalog" aria-labelledby="setup-api-tokens-title">
      <h2 id="setup-api-tokens-title">{t('setup.apiTokens')}</h2>
      <p className="setup-catalog__hint">{t('apiTokens.intro')}</p>
      {created === null ? null : <CreatedToken created={created} onDone={() => setCreated(null)} />}
      <table className="production-table admin-table" aria-label={t('setup.apiTokens')}>
        <thead>
          <tr>
            <th scope="col">{t('apiTokens.name')}</th>
            <th scope="col">{t('apiTokens.owner')}</th>
            <th scope="col">{t('apiTokens.role')}</th>
            <th scope="col">{t('apiTokens.access')}</th>
            <th scope="col">{t('apiTokens.customers')}</th>
            <th scope="col">{t('apiTokens.expiresOn')}</th>
            <th scope="col">{t('apiTokens.lastUse')}</th>
            <th scope="col">{t('apiTokens.status')}</th>
            <th scope="col">
              <span className="ts-visually-hidden">{t('apiTokens.revoke')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 ? (
            <tr>
              <td colSpan={9}>{t('apiTokens.none')}</td>
            </tr>
          ) : null}
          {tokens.map((token) => {
            const ended = token.revokedAt !== null || Date.parse(token.expiresAt) <= now;
            return (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.ownerName}</td>
                <td>{t(roleKey(token.userGroup))}</td>
                <td>{t(`apiTokens.accessWords.${token.access}`)}</td>
                <td>
                  {token.customerIds.length === 0
                    ? t('apiTokens.allCustomers')
                    : token.customerIds.map((id) => customerName.get(id) ?? `#${id}`).join(', ')}
                </td>
                <td>{formatDanishDate(apiTokenLastDay(token.expiresAt, timeZone))}</td>
                <td>
                  {token.lastUsedAt === null
                    ? t('apiTokens.neverUsed')
                    : t('apiTokens.usedFrom', {
                        at: formatInstant(token.lastUsedAt, timeZone),
                        from: token.lastUsedFrom ?? '',
                      })}
                </td>
                <td>{statusOf(token, now, timeZone, t)}</td>
                <td>
                  {ended ? null : (
                    <button
                      type="button"
                      className="ts-button"
                      aria-label={t('apiTokens.revokeOf', { name: token.name })}
                      onClick={() => setRevoking(token)}
                    >
                      {t('apiTokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {revoke.failure === null ? null : <AlertBox level="error">{revoke.failure}</AlertBox>}
      <div className="setup-catalog__cards">
        <NewTokenForm
          key={formKey}
          creatorGroup={creatorGroup}
          customers={customers}
          today={today}
          onCreated={(token) => {
            setCreated(token);
            setFormKey((key) => key + 1);
          }}
        />
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={t('apiTokens.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiTokens.revoke')}
        pending={revoke.pending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          const token = revoking;
          if (token !== null) {
            void revoke.run(
              () => writes.revoke.mutateAsync({ id: token.id }),
              () => setRevoking(null),
            );
          }
        }}
      >
        {t('apiTokens.revokeQuestion')}
      </ConfirmDialog>
    </section>
  );
}

export default function ApiTokensPage() {
  const session = useSession();
  const catalog = useCatalog();
  const tokens = useApiTokens();
  const timeZone = useTimeZone();
  // Expiry is judged by the site's clock, renewed every minute.
  const siteNow = useSiteNow(timeZone, 60_000);
  const error = catalog.error ?? tokens.error;
  const creatorGroup = session.data?.user?.userGroup;
  if (error !== null) {
    return <AlertBox level="error">{messageOf(error)}</AlertBox>;
  }
  if (catalog.data === undefined || tokens.data === undefined || creatorGroup === undefined) {
    return <PageLoading />;
  }
  return (
    <ApiTokensView
      tokens={tokens.data}
      customers={catalog.data.customers}
      creatorGroup={creatorGroup}
      timeZone={timeZone}
      now={instantOfLocalDateTime(siteNow, timeZone).epochMilliseconds}
    />
  );
}
