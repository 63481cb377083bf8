/**
 * A page made of sub-pages ("Opsætning", "Admin"): a row of links and the chosen sub-page,
 * each loaded on first visit; the bare address and unknown ones go to the first sub-page.
 * Links are absolute: inside a `setup/*` route a relative link resolves against the whole
 * address (`/setup/tracers/customers`), which the catch-all would send round in circles.
 */
import type { ParseKeys } from 'i18next';
import type { ComponentType, LazyExoticComponent } from 'react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { PageLoading } from './PageLoading';

export interface SubPage {
  /** The path under the page (`'customers'`). */
  path: string;
  /** The link's text key in the `app` namespace. */
  label: ParseKeys<'app'>;
  Page: LazyExoticComponent<ComponentType>;
}

export interface SubPagesProps {
  /** The page's own address (`'/setup'`). */
  basePath: string;
  /** Text keys of the page's heading (for screen readers) and of its row of links. */
  title: ParseKeys<'app'>;
  navigationLabel: ParseKeys<'app'>;
  pages: readonly SubPage[];
  className: string;
}

export function SubPages({ basePath, title, navigationLabel, pages, className }: SubPagesProps) {
  const { t } = useTranslation('app');
  const first = `${basePath}/${pages[0]?.path ?? ''}`;
  return (
    <div className={className}>
      <h1 className="ts-visually-hidden">{t(title)}</h1>
      <nav className="production-subnav" aria-label={t(navigationLabel)}>
        {pages.map((page) => (
          <NavLink key={page.path} to={`${basePath}/${page.path}`}>
            {t(page.label)}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to={first} replace />} />
          {pages.map(({ path, Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route path="*" element={<Navigate to={first} replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}
