/** "Forrige" / "Næste" and where the user is, for the admin's paged reads (newest first). */
import { useTranslation } from 'react-i18next';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}

export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const { t } = useTranslation('app');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="admin-pager" aria-label={t('admin.paging')}>
      <button
        type="button"
        className="ts-button ts-button--light"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('admin.previous')}
      </button>
      <span>{t('admin.pageOf', { page, pages, total })}</span>
      <button
        type="button"
        className="ts-button ts-button--light"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('admin.next')}
      </button>
    </nav>
  );
}
