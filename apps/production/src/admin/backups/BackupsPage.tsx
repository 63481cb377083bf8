/**
 * "Sikkerhedskopier" (docs/operations.md, "Scheduled backups"): the recent runs of the
 * scheduled backup, newest first — when, the result, the file, its size and how long it took
 * — and the last run's failure, when it failed, as an alert at the top.
 */
import { AlertBox } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import { QueryResult } from '../../session/QueryResult';
import '../admin.css';
import type { BackupRunRow } from '../adminApi';
import { useBackupRuns } from '../adminApi';
import { formatInstant } from '../adminTime';
import { useTimeZone } from '../useTimeZone';
import { durationParts, sizeText } from './backupFigures';

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export default function BackupsPage() {
  const { t, i18n } = useTranslation('app');
  const timeZone = useTimeZone();
  const runs = useBackupRuns();
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';

  const duration = (run: BackupRunRow) => {
    if (run.durationMs === null) {
      return '–';
    }
    const parts = durationParts(run.durationMs, locale);
    return parts.key === 'seconds'
      ? t('admin.backup.seconds', { seconds: parts.seconds })
      : t('admin.backup.minutes', { minutes: parts.minutes, seconds: parts.seconds });
  };

  return (
    <section aria-labelledby="admin-backups-title">
      <h2 id="admin-backups-title">{t('admin.backups')}</h2>
      <div className="admin-toolbar">
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={runs.isFetching}
          onClick={() => void runs.refetch()}
        >
          {t('admin.refresh')}
        </button>
      </div>
      <QueryResult query={runs}>
        {(data) => (
          <>
            {data.lastFailure === null ? null : (
              <AlertBox level="error">
                {t('admin.backup.lastFailed', {
                  time: formatInstant(data.lastFailure.startedAt, timeZone),
                  error: data.lastFailure.error ?? '',
                })}
              </AlertBox>
            )}
            <table className="production-table admin-table" aria-label={t('admin.backup.runs')}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.backup.started')}</th>
                  <th scope="col">{t('admin.backup.result')}</th>
                  <th scope="col">{t('admin.backup.file')}</th>
                  <th scope="col">{t('admin.backup.size')}</th>
                  <th scope="col">{t('admin.backup.duration')}</th>
                  <th scope="col">{t('admin.backup.error')}</th>
                </tr>
              </thead>
              <tbody>
                {data.runs.map((run) => (
                  <tr key={run.id} className={run.result === 'failed' ? 'admin-row--failure' : ''}>
                    <td>{formatInstant(run.startedAt, timeZone)}</td>
                    <td>{t(`admin.backup.results.${run.result}`)}</td>
                    <td title={run.file ?? undefined}>
                      {run.file === null || run.result === 'failed'
                        ? '–'
                        : run.fileDeletedAt === null
                          ? fileName(run.file)
                          : t('admin.backup.fileDeleted', { file: fileName(run.file) })}
                    </td>
                    <td>{run.bytes === null ? '–' : sizeText(run.bytes, locale)}</td>
                    <td>{duration(run)}</td>
                    <td>{run.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.runs.length === 0 ? <p>{t('admin.backup.none')}</p> : null}
          </>
        )}
      </QueryResult>
    </section>
  );
}
