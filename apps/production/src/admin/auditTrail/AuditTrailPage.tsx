/**
 * "Revisionsspor" (docs/domain.md): the audit trail, newest first, filtered by day range, user,
 * entity (and its id) and action, a page at a time. Each row shows what changed as old → new
 * per field. "Verificer kæden" walks the hash chain on the server and says whether it is
 * intact or where it breaks.
 */
import { AlertBox, DateInput, messageOf, runtimeText, TextField } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryResult } from '../../session/QueryResult';
import type adminTexts from '../../i18n/da/admin.json';
import '../admin.css';
import type { AuditChainReport, AuditRow, AuditTrailInput } from '../adminApi';
import {
  useAuditActions,
  useAuditChainVerification,
  useAuditTrail,
  useUserList,
} from '../adminApi';
import { formatInstant, instantWindowOf } from '../adminTime';
import { Pager } from '../Pager';
import { useTimeZone } from '../useTimeZone';
import { AuditReviews } from './AuditReviews';
import { auditChanges, valueText } from './auditDiff';
import { actionText } from './auditWords';

const PAGE_SIZE = 50;

type AuditEntity = keyof (typeof adminTexts)['admin']['audit']['entities'];

/** The audited entities (the api's names), offered as the entity filter in words. */
const ENTITIES: readonly AuditEntity[] = [
  'ActivityOrder',
  'InjectionOrder',
  'IsotopeOrder',
  'Vial',
  'IsotopeVial',
  'ReleaseRight',
  'User',
  'UserAssignment',
  'Customer',
  'DeliveryEndpoint',
  'ActivityDeliveryTimeSlot',
  'ActivityProduction',
  'Tracer',
  'TracerCatalogPage',
  'Isotope',
  'IsotopeProduction',
  'IsotopeDelivery',
  'Deadline',
  'ClosedDate',
  'Booking',
  'Location',
  'Procedure',
  'ProcedureIdentifier',
  'ServerSettings',
  'Printer',
  'CustomerNotice',
  'Recall',
  'AuditReview',
];

interface Draft {
  fromText: string;
  toText: string;
  actorId: string;
  entity: string;
  entityId: string;
  action: string;
}

const EMPTY_DRAFT: Draft = {
  fromText: '',
  toText: '',
  actorId: '',
  entity: '',
  entityId: '',
  action: '',
};

/** Day text as typed → 'YYYY-MM-DD', or null when empty; undefined when it is not a date. */
function dayOf(text: string, normalized: string | null): string | null | undefined {
  if (text.trim() === '') {
    return null;
  }
  return normalized ?? undefined;
}

function ChangeList({ row, timeZone }: { row: AuditRow; timeZone: string }) {
  const { t } = useTranslation('app');
  const changes = auditChanges(row.before, row.after);
  // Only a creation or a deletion says so; other one-sided rows are events (a refused
  // signature, a download) whose values are listed as they are.
  const creation =
    row.before === null && row.after !== null && /\.(create|import)$/.test(row.action);
  const deletion = row.after === null && row.before !== null && row.action.endsWith('.delete');
  return (
    <>
      {creation ? <strong>{t('admin.audit.created')}</strong> : null}
      {deletion ? <strong>{t('admin.audit.deleted')}</strong> : null}
      {changes.length === 0 ? (
        <span>{t('admin.audit.noChanges')}</span>
      ) : (
        <ul className="admin-changes">
          {changes.map((change) => (
            <li key={change.field}>
              {change.field === '' ? null : (
                <span className="admin-changes__field">{change.field}:</span>
              )}
              {'before' in change ? (
                <del className="admin-changes__old">{valueText(change.before, timeZone)}</del>
              ) : null}
              {'before' in change && 'after' in change ? (
                <span className="admin-changes__arrow">→</span>
              ) : null}
              {'after' in change ? (
                <ins className="admin-changes__new">{valueText(change.after, timeZone)}</ins>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {row.before === null || row.after === null ? null : (
        <details className="admin-snapshots">
          <summary>{t('admin.audit.snapshots')}</summary>
          <h4>{t('admin.audit.before')}</h4>
          <pre>{JSON.stringify(row.before, null, 2)}</pre>
          <h4>{t('admin.audit.after')}</h4>
          <pre>{JSON.stringify(row.after, null, 2)}</pre>
        </details>
      )}
    </>
  );
}

function ChainResult({ report }: { report: AuditChainReport }) {
  const { t } = useTranslation('app');
  if (report.ok) {
    return (
      <p role="status" className="admin-chain admin-chain--ok">
        {t('admin.audit.chainOk', { count: report.checked })}
      </p>
    );
  }
  const reason = t(`admin.audit.reasons.${report.firstBroken?.reason ?? 'head'}`);
  const id = report.firstBroken?.id ?? null;
  return (
    <AlertBox level="error">
      {id === null
        ? t('admin.audit.chainBrokenAtEnd', { reason, count: report.checked })
        : t('admin.audit.chainBroken', { id, reason, count: report.checked })}
    </AlertBox>
  );
}

export default function AuditTrailPage() {
  const { t, i18n } = useTranslation('app');
  const timeZone = useTimeZone();
  /** An entity's kind in words ("Aktivitetsordre"); the api's name for one without words. */
  const entityName = (entity: string) =>
    runtimeText(i18n, `admin.audit.entities.${entity}`, { ns: 'app' }) ?? entity;
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [fromDate, setFromDate] = useState<string | null>(null);
  const [toDate, setToDate] = useState<string | null>(null);
  const [entityIdError, setEntityIdError] = useState<string | null>(null);
  const [input, setInput] = useState<AuditTrailInput>({ page: 1, pageSize: PAGE_SIZE });
  const trail = useAuditTrail(input);
  const users = useUserList();
  const actions = useAuditActions();
  const verification = useAuditChainVerification();

  const change = (field: keyof Draft) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const apply = (next: Draft, from: string | null, to: string | null) => {
    const entityId = next.entityId.trim();
    if (entityId !== '' && !/^[1-9]\d{0,9}$/.test(entityId)) {
      setEntityIdError(t('admin.audit.entityIdInvalid'));
      return;
    }
    setEntityIdError(null);
    setInput({
      ...instantWindowOf(from, to, timeZone),
      ...(next.actorId === '' ? {} : { actorId: Number(next.actorId) }),
      ...(next.entity.trim() === '' ? {} : { entity: next.entity.trim() }),
      ...(entityId === '' ? {} : { entityId: Number(entityId) }),
      ...(next.action.trim() === '' ? {} : { action: next.action.trim() }),
      page: 1,
      pageSize: PAGE_SIZE,
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = dayOf(draft.fromText, fromDate);
    const to = dayOf(draft.toText, toDate);
    if (from === undefined || to === undefined) {
      return; // the date field shows core's message
    }
    apply(draft, from, to);
  };

  const showEntity = (row: AuditRow) => {
    const next = {
      ...draft,
      entity: row.entity,
      entityId: row.entityId === null ? '' : String(row.entityId),
    };
    setDraft(next);
    apply(next, dayOf(draft.fromText, fromDate) ?? null, dayOf(draft.toText, toDate) ?? null);
  };

  const userName = (row: AuditRow) => {
    if (row.actorId === null) {
      return row.actorName ?? t('admin.audit.system');
    }
    return row.actorName ?? `#${row.actorId}`;
  };

  return (
    <section aria-labelledby="admin-audit-title">
      <h2 id="admin-audit-title">{t('admin.auditTrail')}</h2>
      <form className="admin-filters" aria-label={t('admin.filters')} onSubmit={submit}>
        <DateInput
          label={t('admin.from')}
          value={draft.fromText}
          onChange={change('fromText')}
          onDateChange={setFromDate}
        />
        <DateInput
          label={t('admin.to')}
          value={draft.toText}
          onChange={change('toText')}
          onDateChange={setToDate}
        />
        <label className="ts-field">
          <span className="ts-field__label">{t('admin.audit.user')}</span>
          <select
            className="ts-input"
            value={draft.actorId}
            onChange={(event) => change('actorId')(event.target.value)}
          >
            <option value="">{t('admin.all')}</option>
            {(users.data?.users ?? []).map((user) => (
              <option key={user.id} value={String(user.id)}>
                {user.displayName === '' ? user.username : `${user.displayName} (${user.username})`}
              </option>
            ))}
          </select>
        </label>
        <label className="ts-field">
          <span className="ts-field__label">{t('admin.audit.entity')}</span>
          <select
            className="ts-input"
            value={draft.entity}
            onChange={(event) => change('entity')(event.target.value)}
          >
            <option value="">{t('admin.all')}</option>
            {ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {t(`admin.audit.entities.${entity}`)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t('admin.audit.entityId')}
          value={draft.entityId}
          onChange={change('entityId')}
          error={entityIdError}
          inputMode="numeric"
          size={8}
        />
        <label className="ts-field">
          <span className="ts-field__label">{t('admin.audit.action')}</span>
          <select
            className="ts-input"
            value={draft.action}
            onChange={(event) => change('action')(event.target.value)}
          >
            <option value="">{t('admin.all')}</option>
            {(actions.data ?? [])
              .map((action) => ({ action, text: actionText(i18n, action) }))
              .sort((a, b) => a.text.localeCompare(b.text, i18n.language))
              .map(({ action, text }) => (
                <option key={action} value={action}>
                  {text}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="ts-button">
          {t('admin.search')}
        </button>
        <button
          type="button"
          className="ts-button ts-button--light"
          onClick={() => {
            setDraft(EMPTY_DRAFT);
            setFromDate(null);
            setToDate(null);
            apply(EMPTY_DRAFT, null, null);
          }}
        >
          {t('admin.reset')}
        </button>
      </form>
      <div className="admin-toolbar">
        <button
          type="button"
          className="ts-button"
          disabled={verification.isPending}
          onClick={() => verification.mutate()}
        >
          {verification.isPending ? t('admin.audit.verifying') : t('admin.audit.verify')}
        </button>
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={trail.isFetching}
          onClick={() => void trail.refetch()}
        >
          {t('admin.refresh')}
        </button>
      </div>
      {verification.data === undefined ? null : <ChainResult report={verification.data} />}
      {verification.error === null ? null : (
        <AlertBox level="error">{messageOf(verification.error)}</AlertBox>
      )}
      <QueryResult query={trail}>
        {(data) => (
          <>
            <table className="production-table admin-table" aria-label={t('admin.audit.rows')}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.time')}</th>
                  <th scope="col">{t('admin.audit.user')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.entity')}</th>
                  <th scope="col">{t('admin.audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.id} data-audit-id={row.id}>
                    <td>{formatInstant(row.at, timeZone)}</td>
                    <td>{userName(row)}</td>
                    <td title={row.action}>{actionText(i18n, row.action)}</td>
                    <td>
                      <button
                        type="button"
                        className="admin-entity"
                        title={t('admin.audit.showEntity')}
                        onClick={() => showEntity(row)}
                      >
                        {row.entityId === null
                          ? entityName(row.entity)
                          : `${entityName(row.entity)} ${row.entityId}`}
                      </button>
                    </td>
                    <td>
                      <ChangeList row={row} timeZone={timeZone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.rows.length === 0 ? <p>{t('admin.none')}</p> : null}
            <Pager
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(page) => setInput((current) => ({ ...current, page }))}
            />
          </>
        )}
      </QueryResult>
      <AuditReviews />
    </section>
  );
}
