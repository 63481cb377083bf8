/**
 * "Beskeder": notices to the shop. A production admin writes a message to every customer or
 * to chosen ones, with a last day (empty: until the notice is deleted); the shop shows the
 * current ones at the top of its order page to the users of the customers named, who may
 * close them. The list shows every notice, current or expired (core's `isNoticeCurrent`), and
 * edits or deletes one, deleting behind a confirmation. "Alle kunder" names the customers
 * there are when the notice is saved.
 */
import {
  customerNoticeCreateInput,
  customerNoticeEditInput,
  formatDanishDate,
  isNoticeCurrent,
  normalizeDate,
  schemaLimits,
} from '@tracershop/core';
import type { FieldErrors, SchemaIssue } from '@tracershop/ui';
import {
  AlertBox,
  ConfirmDialog,
  DateInput,
  fieldErrorsOf,
  isClean,
  localeOf,
  messageOf,
  useFieldError,
  usePendingAction,
  useSiteNow,
} from '@tracershop/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../admin/useTimeZone';
import type { Catalog } from '../../productionApi';
import { useCatalog } from '../../productionApi';
import { PageLoading } from '../../session/PageLoading';
import type { NoticeRow } from './noticesApi';
import { useNoticeWrites, useNotices } from './noticesApi';
import '../setup.css';
import './notices.css';

type Customer = Catalog['customers'][number];
type Field = 'message' | 'customerIds' | 'expiresOn';
/** To every customer there is, or to the ones ticked. */
type Reach = 'all' | 'chosen';

interface NoticeDraft {
  message: string;
  reach: Reach;
  customerIds: number[];
  /** The last day as typed; empty: until the notice is deleted. */
  expiresOn: string;
}

/** How long a notice's excerpt in a button's or a question's words may be. */
const EXCERPT_LENGTH = 40;

/** The start of a notice's first line, to name it in buttons and questions. */
function excerptOf(message: string): string {
  const line = message.trim().split('\n')[0] ?? '';
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : line;
}

/** Whether a notice names every customer there is now ("Alle kunder"). */
function namesEveryCustomer(customerIds: readonly number[], customers: readonly Customer[]) {
  return customers.length > 0 && customers.every((customer) => customerIds.includes(customer.id));
}

function draftOf(notice: NoticeRow | undefined, customers: readonly Customer[]): NoticeDraft {
  if (notice === undefined) {
    return { message: '', reach: 'all', customerIds: [], expiresOn: '' };
  }
  return {
    message: notice.message,
    reach: namesEveryCustomer(notice.customerIds, customers) ? 'all' : 'chosen',
    customerIds: notice.customerIds,
    expiresOn: notice.expiresOn === null ? '' : formatDanishDate(notice.expiresOn),
  };
}

/** The fields the api takes: the ticked customers or every one, a last day or null. */
function inputOf(draft: NoticeDraft, customers: readonly Customer[]) {
  const typed = draft.expiresOn.trim();
  return {
    message: draft.message.trim(),
    // A text that is no date goes to the schema as typed, which names what is wrong.
    expiresOn: typed === '' ? null : (normalizeDate(typed) ?? typed),
    customerIds:
      draft.reach === 'all'
        ? customers.map((customer) => customer.id)
        : customers
            .filter((customer) => draft.customerIds.includes(customer.id))
            .map((customer) => customer.id),
  };
}

/** The form of a new notice, or of `notice` while it is being edited. */
function NoticeForm({
  notice,
  customers,
  onSaved,
  onCancel,
}: {
  notice?: NoticeRow;
  customers: readonly Customer[];
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation('app');
  const writes = useNoticeWrites();
  const save = usePendingAction();
  const [draft, setDraft] = useState(() => draftOf(notice, customers));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const messageError = useFieldError(errors.message);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const editing = notice !== undefined;
  const title = editing ? t('notices.editNotice') : t('notices.newNotice');
  const labels: Record<Field, string> = {
    message: t('notices.message'),
    customerIds: t('notices.customers'),
    expiresOn: t('notices.expiresOn'),
  };
  const set = <K extends keyof NoticeDraft>(field: K, value: NoticeDraft[K]) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  // "Ret" brings the keyboard to the text it is about to change.
  useEffect(() => {
    if (editing) {
      messageRef.current?.focus();
    }
  }, [editing]);

  /** Shows the schema's issues beside their fields; true when there are none. */
  function accept(issues: readonly SchemaIssue[], customerCount: number): boolean {
    const found = fieldErrorsOf(issues, labels, localeOf(i18n.language));
    if (found.customerIds !== undefined && customerCount === 0) {
      found.customerIds =
        draft.reach === 'chosen' ? t('notices.customersNeeded') : t('notices.noCustomers');
    }
    setErrors(found);
    return isClean(found);
  }

  function submit() {
    const input = inputOf(draft, customers);
    if (notice === undefined) {
      const parsed = customerNoticeCreateInput.safeParse(input);
      if (accept(parsed.error?.issues ?? [], input.customerIds.length) && parsed.success) {
        const created = parsed.data;
        void save.run(() => writes.create.mutateAsync(created), onSaved);
      }
      return;
    }
    const parsed = customerNoticeEditInput.safeParse({ id: notice.id, ...input });
    if (accept(parsed.error?.issues ?? [], input.customerIds.length) && parsed.success) {
      const changes = parsed.data;
      void save.run(() => writes.edit.mutateAsync(changes), onSaved);
    }
  }

  return (
    <form
      className="setup-catalog__card setup-catalog__card--new notices__form"
      aria-label={title}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{title}</h3>
      <label htmlFor={`${ids}-message`}>{labels.message}</label>
      <textarea
        ref={messageRef}
        id={`${ids}-message`}
        className={messageError.className}
        aria-invalid={messageError.invalid}
        aria-describedby={messageError.describedBy}
        rows={4}
        maxLength={schemaLimits.noticeMessage}
        value={draft.message}
        onChange={(event) => set('message', event.target.value)}
      />
      {messageError.message}
      <fieldset
        className="setup-catalog__choices"
        aria-invalid={errors.customerIds !== undefined}
        aria-describedby={errors.customerIds === undefined ? undefined : `${ids}-customers`}
      >
        <legend>{labels.customerIds}</legend>
        {(['all', 'chosen'] as const).map((reach) => (
          <label key={reach}>
            <input
              type="radio"
              name={`${ids}-reach`}
              value={reach}
              checked={draft.reach === reach}
              onChange={() => set('reach', reach)}
            />
            {reach === 'all' ? t('notices.allCustomers') : t('notices.chosenCustomers')}
          </label>
        ))}
        {draft.reach === 'chosen' ? (
          <div className="notices__customers">
            {customers.map((customer) => (
              <label key={customer.id}>
                <input
                  type="checkbox"
                  checked={draft.customerIds.includes(customer.id)}
                  onChange={(event) =>
                    set(
                      'customerIds',
                      event.target.checked
                        ? [...draft.customerIds, customer.id]
                        : draft.customerIds.filter((id) => id !== customer.id),
                    )
                  }
                />
                {customer.shortName}
              </label>
            ))}
          </div>
        ) : null}
        {errors.customerIds === undefined ? null : (
          <span id={`${ids}-customers`} className="setup-catalog__error">
            {errors.customerIds}
          </span>
        )}
      </fieldset>
      <DateInput
        label={labels.expiresOn}
        value={draft.expiresOn}
        onChange={(value) => {
          set('expiresOn', value);
          setErrors((previous) => ({ ...previous, expiresOn: undefined }));
        }}
        error={errors.expiresOn ?? null}
        title={t('notices.expiresOnHint')}
      />
      <p className="setup-catalog__hint">{t('notices.expiresOnHint')}</p>
      <div className="setup-catalog__actions">
        <button
          type="submit"
          className="ts-button"
          disabled={save.pending}
          aria-busy={save.pending}
        >
          {editing ? t('notices.save') : t('notices.create')}
        </button>
        {editing ? (
          <button type="button" className="ts-button ts-button--light" onClick={onCancel}>
            {t('notices.cancel')}
          </button>
        ) : null}
      </div>
      {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
    </form>
  );
}

export function NoticesView({
  notices,
  customers,
  today,
}: {
  notices: readonly NoticeRow[];
  customers: readonly Customer[];
  /** Today on the site calendar (`'YYYY-MM-DD'`), which decides current or expired. */
  today: string;
}) {
  const { t } = useTranslation('app');
  const writes = useNoticeWrites();
  const remove = usePendingAction();
  const [editing, setEditing] = useState<NoticeRow | null>(null);
  const [deleting, setDeleting] = useState<NoticeRow | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const customerName = new Map(customers.map((customer) => [customer.id, customer.shortName]));

  function resetForm() {
    setEditing(null);
    setFormKey((key) => key + 1);
  }

  return (
    <section className="setup-catalog" aria-labelledby="setup-notices-title">
      <h2 id="setup-notices-title">{t('setup.notices')}</h2>
      <p className="setup-catalog__hint">{t('notices.intro')}</p>
      <table className="production-table admin-table" aria-label={t('setup.notices')}>
        <thead>
          <tr>
            <th scope="col">{t('notices.message')}</th>
            <th scope="col">{t('notices.customers')}</th>
            <th scope="col">{t('notices.expiresOn')}</th>
            <th scope="col">{t('notices.status')}</th>
            <th scope="col">
              <span className="ts-visually-hidden">{t('notices.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {notices.length === 0 ? (
            <tr>
              <td colSpan={5}>{t('notices.none')}</td>
            </tr>
          ) : null}
          {notices.map((notice) => {
            const excerpt = excerptOf(notice.message);
            return (
              <tr key={notice.id}>
                <td className="notices__message">{notice.message}</td>
                <td>
                  {namesEveryCustomer(notice.customerIds, customers)
                    ? t('notices.allCustomers')
                    : notice.customerIds.map((id) => customerName.get(id) ?? `#${id}`).join(', ')}
                </td>
                <td>
                  {notice.expiresOn === null
                    ? t('notices.untilDeleted')
                    : formatDanishDate(notice.expiresOn)}
                </td>
                <td>
                  {isNoticeCurrent(notice.expiresOn, today)
                    ? t('notices.current')
                    : t('notices.expired')}
                </td>
                <td>
                  <div className="setup-catalog__actions">
                    <button
                      type="button"
                      className="ts-button ts-button--light"
                      aria-label={t('notices.editOf', { message: excerpt })}
                      onClick={() => {
                        setSaved(false);
                        setEditing(notice);
                      }}
                    >
                      {t('notices.edit')}
                    </button>
                    <button
                      type="button"
                      className="ts-button"
                      aria-label={t('notices.deleteOf', { message: excerpt })}
                      onClick={() => setDeleting(notice)}
                    >
                      {t('notices.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {remove.failure === null ? null : <AlertBox level="error">{remove.failure}</AlertBox>}
      <p role="status" className="setup-catalog__hint">
        {saved ? t('notices.saved') : ''}
      </p>
      <div className="setup-catalog__cards">
        <NoticeForm
          key={editing === null ? `new-${formKey}` : `edit-${editing.id}`}
          notice={editing ?? undefined}
          customers={customers}
          onSaved={() => {
            setSaved(true);
            resetForm();
          }}
          onCancel={resetForm}
        />
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={t('notices.deleteTitle')}
        confirmLabel={t('notices.delete')}
        pending={remove.pending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const notice = deleting;
          if (notice !== null) {
            void remove.run(
              () => writes.remove.mutateAsync({ id: notice.id }),
              () => {
                setDeleting(null);
                if (editing?.id === notice.id) {
                  resetForm();
                }
              },
            );
          }
        }}
      >
        {t('notices.deleteQuestion', { message: excerptOf(deleting?.message ?? '') })}
      </ConfirmDialog>
    </section>
  );
}

export default function NoticesPage() {
  const catalog = useCatalog();
  const notices = useNotices();
  const timeZone = useTimeZone();
  // Current or expired by the site's calendar, renewed every minute.
  const today = useSiteNow(timeZone, 60_000).slice(0, 10);
  const error = catalog.error ?? notices.error;
  if (error !== null) {
    return <AlertBox level="error">{messageOf(error)}</AlertBox>;
  }
  if (catalog.data === undefined || notices.data === undefined) {
    return <PageLoading />;
  }
  return <NoticesView notices={notices.data} customers={catalog.data.customers} today={today} />;
}
