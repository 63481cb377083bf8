/**
 * "Revisionsspor" (docs/domain.md, "The audit trail in words"): the audit trail as the api
 * words it, newest first — who did what to which record, by the record's name, and what
 * changed as the screens name the fields — filtered by day range, user, kind of record and one
 * record, action, customer and lot, a page at a time. "Detaljer" shows the stored event for the
 * expert. The filtered view is exported as PDF or CSV (the api records each export with the
 * file's SHA-256). "Verificer kæden" walks the hash chain on the server and says whether it is
 * intact or where it breaks.
 */
import { AlertBox, DateInput, messageOf, TextField } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryResult } from '../../session/QueryResult';
import '../admin.css';
import type { AuditChainReport, AuditRow, AuditTrailInput } from '../adminApi';
import {
  auditExportUrl,
  useAuditChainVerification,
  useAuditFilters,
  useAuditTrail,
  useUserList,
} from '../adminApi';
import { instantWindowOf } from '../adminTime';
import { Pager } from '../Pager';
import { useTimeZone } from '../useTimeZone';
import { AuditReviews } from './AuditReviews';

const PAGE_SIZE = 50;

interface Draft {
  fromText: string;
  toText: string;
  actorId: string;
  entity: string;
  entityId: string;
  action: string;
  customerId: string;
  lot: string;
}

const EMPTY_DRAFT: Draft = {
  fromText: '',
  toText: '',
  actorId: '',
  entity: '',
  entityId: '',
  action: '',
  customerId: '',
  lot: '',
};

/** Day text as typed → 'YYYY-MM-DD', or null when empty; undefined when it is not a date. */
function dayOf(text: string, normalized: string | null): string | null | undefined {
  if (text.trim() === '') {
    return null;
  }
  return normalized ?? undefined;
}

function ChangeList({ row }: { row: AuditRow }) {
  const { t } = useTranslation('app');
  return (
    <>
      {row.lifecycle === null ? null : <strong>{row.lifecycle}</strong>}
      {row.reason === null ? null : (
        <p className="admin-reason">
          <strong>{t('admin.audit.reason')}:</strong> {row.reason}
        </p>
      )}
      {row.changes.length === 0 ? (
        <span>{t('admin.audit.noChanges')}</span>
      ) : (
        <ul className="admin-changes">
          {row.changes.map((change) => (
            <li key={change.field} title={change.field}>
              {change.label === '' ? null : (
                <span className="admin-changes__field">{change.label}:</span>
              )}
              {change.before === undefined ? null : (
                <del className="admin-changes__old">{change.before}</del>
              )}
              {change.before !== undefined && change.after !== undefined ? (
                <span className="admin-changes__arrow">→</span>
              ) : null}
              {change.after === undefined ? null : (
                <ins className="admin-changes__new">{change.after}</ins>
              )}
            </li>
          ))}
        </ul>
      )}
      <details className="admin-snapshots">
        <summary>{t('admin.audit.details')}</summary>
        <dl>
          <dt>{t('admin.audit.storedAction')}</dt>
          <dd>
            <code>{row.action}</code>
          </dd>
          <dt>{t('admin.audit.storedEntity')}</dt>
          <dd>
            <code>
              {row.entity}
              {row.entityId === null ? '' : ` ${row.entityId}`}
            </code>
          </dd>
          <dt>{t('admin.audit.hash')}</dt>
          <dd>
            <code>{row.hash}</code>
          </dd>
        </dl>
        {row.before === null ? null : (
          <>
            <h4>{t('admin.audit.before')}</h4>
            <pre tabIndex={0}>{JSON.stringify(row.before, null, 2)}</pre>
          </>
        )}
        {row.after === null ? null : (
          <>
            <h4>{t('admin.audit.after')}</h4>
            <pre tabIndex={0}>{JSON.stringify(row.after, null, 2)}</pre>
          </>
        )}
      </details>
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
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'da';
  const timeZone = useTimeZone();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [fromDate, setFromDate] = useState<string | null>(null);
  const [toDate, setToDate] = useState<string | null>(null);
  const [entityIdError, setEntityIdError] = useState<string | null>(null);
  const [input, setInput] = useState<AuditTrailInput>({ page: 1, pageSize: PAGE_SIZE });
  const trail = useAuditTrail({ ...input, language });
  const users = useUserList();
  const choices = useAuditFilters(language);
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
      ...(next.entity === '' ? {} : { entity: next.entity }),
      ...(entityId === '' ? {} : { entityId: Number(entityId) }),
      ...(next.action === '' ? {} : { action: next.action }),
      ...(next.customerId === '' ? {} : { customerId: Number(next.customerId) }),
      ...(next.lot.trim() === '' ? {} : { lot: next.lot.trim() }),
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

  const select = (
    field: 'actorId' | 'entity' | 'action' | 'customerId',
    label: string,
    options: readonly { value: string; text: string }[],
  ) => (
    <label className="ts-field">
      <span className="ts-field__label">{label}</span>
      <select
        className="ts-input"
        value={draft[field]}
        onChange={(event) => change(field)(event.target.value)}
      >
        <option value="">{t('admin.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  );

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
        {select(
          'actorId',
          t('admin.audit.user'),
          (users.data?.users ?? []).map((user) => ({
            value: String(user.id),
            text:
              user.displayName === '' ? user.username : `${user.displayName} (${user.username})`,
          })),
        )}
        {select(
          'entity',
          t('admin.audit.entity'),
          (choices.data?.kinds ?? []).map((kind) => ({ value: kind.entity, text: kind.text })),
        )}
        <TextField
          label={t('admin.audit.entityId')}
          value={draft.entityId}
          onChange={change('entityId')}
          error={entityIdError}
          inputMode="numeric"
          size={8}
        />
        {select(
          'action',
          t('admin.audit.action'),
          (choices.data?.actions ?? []).map((action) => ({
            value: action.action,
            text: action.text,
          })),
        )}
        {select(
          'customerId',
          t('admin.audit.customer'),
          (choices.data?.customers ?? []).map((customer) => ({
            value: String(customer.id),
            text: customer.name,
          })),
        )}
        <TextField
          label={t('admin.audit.lot')}
          value={draft.lot}
          onChange={change('lot')}
          size={16}
        />
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
        <a
          className="ts-button ts-button--light"
          href={auditExportUrl('pdf', input, language)}
          download
        >
          {t('admin.audit.exportPdf')}
        </a>
        <a
          className="ts-button ts-button--light"
          href={auditExportUrl('csv', input, language)}
          download
        >
          {t('admin.audit.exportCsv')}
        </a>
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
                  <th scope="col">{t('admin.audit.event')}</th>
                  <th scope="col">{t('admin.audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.id} data-audit-id={row.id}>
                    <td>{row.atText}</td>
                    <td>{row.actorText}</td>
                    <td>
                      <button
                        type="button"
                        className="admin-entity"
                        title={t('admin.audit.showEntity')}
                        onClick={() => showEntity(row)}
                      >
                        {row.subject}
                      </button>
                      : <span className="admin-action">{row.actionText}</span>
                    </td>
                    <td>
                      <ChangeList row={row} />
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
