/**
 * "Telemetri" (docs/domain.md): per api procedure over a period (default the last seven days) the
 * number of calls, failures, the average and the 95th-percentile handling time, sortable by
 * any column.
 */
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateRange } from '../dateRange';
import { QueryResult } from '../../session/QueryResult';
import '../admin.css';
import type { TelemetryInput } from '../adminApi';
import { useTelemetry } from '../adminApi';
import { formatInstant } from '../adminTime';
import { useTimeZone } from '../useTimeZone';
import type { Column, Direction } from './sortTelemetry';
import { sortTelemetry } from './sortTelemetry';

const COLUMNS: readonly Column[] = ['procedure', 'calls', 'failures', 'meanMs', 'p95Ms'];

function msText(value: number | null, locale: string): string {
  return value === null
    ? '–'
    : value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export default function TelemetryPage() {
  const { t, i18n } = useTranslation('app');
  const timeZone = useTimeZone();
  const dates = useDateRange();
  const [input, setInput] = useState<TelemetryInput>({});
  const [sort, setSort] = useState<{ column: Column; direction: Direction }>({
    column: 'calls',
    direction: 'descending',
  });
  const telemetry = useTelemetry(input);
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const window = dates.windowIn(timeZone);
    if (window === null) {
      return; // the date field shows core's message
    }
    setInput(window);
  };

  const sortBy = (column: Column) =>
    setSort((current) => ({
      column,
      direction:
        current.column === column
          ? current.direction === 'ascending'
            ? 'descending'
            : 'ascending'
          : column === 'procedure'
            ? 'ascending'
            : 'descending',
    }));

  const rows =
    telemetry.data === undefined
      ? []
      : sortTelemetry(telemetry.data.procedures, sort.column, sort.direction);

  return (
    <section aria-labelledby="admin-telemetry-title">
      <h2 id="admin-telemetry-title">{t('admin.telemetry')}</h2>
      <form className="admin-filters" aria-label={t('admin.filters')} onSubmit={submit}>
        {dates.fields}
        <button type="submit" className="ts-button">
          {t('admin.search')}
        </button>
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={telemetry.isFetching}
          onClick={() => void telemetry.refetch()}
        >
          {t('admin.refresh')}
        </button>
      </form>
      <QueryResult query={telemetry}>
        {(data) => (
          <>
            <p>
              {t('admin.telemetryTable.period', {
                from: formatInstant(data.from, timeZone),
                to: formatInstant(data.to, timeZone),
              })}
            </p>
            <table className="production-table admin-table" aria-label={t('admin.telemetry')}>
              <thead>
                <tr>
                  {COLUMNS.map((column) => (
                    <th
                      key={column}
                      scope="col"
                      aria-sort={sort.column === column ? sort.direction : 'none'}
                    >
                      <button
                        type="button"
                        className="admin-sort"
                        title={t('admin.telemetryTable.sortBy', {
                          column: t(`admin.telemetryTable.${column}`),
                        })}
                        onClick={() => sortBy(column)}
                      >
                        {t(`admin.telemetryTable.${column}`)}
                        {sort.column === column
                          ? sort.direction === 'ascending'
                            ? ' ▲'
                            : ' ▼'
                          : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.procedure} className={row.failures > 0 ? 'admin-row--failure' : ''}>
                    <td>{row.procedure}</td>
                    <td>{row.calls}</td>
                    <td>{row.failures}</td>
                    <td>{msText(row.meanMs, locale)}</td>
                    <td>{msText(row.p95Ms, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 ? <p>{t('admin.none')}</p> : null}
          </>
        )}
      </QueryResult>
    </section>
  );
}
