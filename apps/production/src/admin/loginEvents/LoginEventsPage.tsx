/**
 * "Login-hændelser": every login attempt, newest first — who tried, from where, whether it
 * worked and why not — filtered by username, result and day range, a page at a time.
 */
import { runtimeText, TextField } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateRange } from '../dateRange';
import { QueryResult } from '../../session/QueryResult';
import '../admin.css';
import type { LoginEventsInput } from '../adminApi';
import { useLoginEvents } from '../adminApi';
import { formatInstant } from '../adminTime';
import { Pager } from '../Pager';
import { useTimeZone } from '../useTimeZone';

const PAGE_SIZE = 50;

type Result = '' | 'success' | 'failure';

export default function LoginEventsPage() {
  const { t, i18n } = useTranslation('app');
  const timeZone = useTimeZone();
  const [username, setUsername] = useState('');
  const [result, setResult] = useState<Result>('');
  const dates = useDateRange();
  const [input, setInput] = useState<LoginEventsInput>({ page: 1, pageSize: PAGE_SIZE });
  const events = useLoginEvents(input);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const window = dates.windowIn(timeZone);
    if (window === null) {
      return; // the date field shows core's message
    }
    setInput({
      ...window,
      ...(username.trim() === '' ? {} : { username: username.trim() }),
      ...(result === '' ? {} : { success: result === 'success' }),
      page: 1,
      pageSize: PAGE_SIZE,
    });
  };

  const reasonText = (reason: string | null) => {
    if (reason === null) {
      return '';
    }
    // A script's API token in use: its name follows the prefix (the api's TOKEN_LOGIN_REASON).
    if (reason.startsWith('apiToken:')) {
      return t('admin.login.apiToken', { name: reason.slice('apiToken:'.length) });
    }
    return runtimeText(i18n, `admin.login.reasons.${reason}`, { ns: 'app' }) ?? reason;
  };

  return (
    <section aria-labelledby="admin-login-title">
      <h2 id="admin-login-title">{t('admin.loginEvents')}</h2>
      <form className="admin-filters" aria-label={t('admin.filters')} onSubmit={submit}>
        <TextField
          label={t('admin.login.username')}
          value={username}
          onChange={setUsername}
          autoComplete="off"
          maxLength={120}
        />
        <label className="ts-field">
          <span className="ts-field__label">{t('admin.login.result')}</span>
          <select
            className="ts-input"
            value={result}
            onChange={(event) => setResult(event.target.value as Result)}
          >
            <option value="">{t('admin.all')}</option>
            <option value="success">{t('admin.login.success')}</option>
            <option value="failure">{t('admin.login.failure')}</option>
          </select>
        </label>
        {dates.fields}
        <button type="submit" className="ts-button">
          {t('admin.search')}
        </button>
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={events.isFetching}
          onClick={() => void events.refetch()}
        >
          {t('admin.refresh')}
        </button>
      </form>
      <QueryResult query={events}>
        {(data) => (
          <>
            <table className="production-table admin-table" aria-label={t('admin.loginEvents')}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.time')}</th>
                  <th scope="col">{t('admin.login.username')}</th>
                  <th scope="col">{t('admin.login.result')}</th>
                  <th scope="col">{t('admin.login.reason')}</th>
                  <th scope="col">{t('admin.login.address')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.id} className={row.success ? '' : 'admin-row--failure'}>
                    <td>{formatInstant(row.at, timeZone)}</td>
                    <td>{row.username}</td>
                    <td>{row.success ? t('admin.login.success') : t('admin.login.failure')}</td>
                    <td>{reasonText(row.reason)}</td>
                    <td>{row.remoteAddress ?? ''}</td>
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
    </section>
  );
}
