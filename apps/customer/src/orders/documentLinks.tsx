/**
 * The release documents the api serves (apps/api/src/documents/documentRoutes.ts), opened as
 * plain links: the browser sends the session cookie and shows or saves the PDF.
 */
import { useTranslation } from 'react-i18next';

/** The certificate of one release of a delivery (slot, date), named by its pivot order. */
export function activityCertificateUrl(slotId: number, date: string, releaseId: number): string {
  return `/documents/activity-certificate/${slotId}/${date}/${releaseId}.pdf`;
}

export function injectionReleaseUrl(orderId: number): string {
  return `/documents/injection-release/${orderId}.pdf`;
}

export function isotopeReleaseUrl(deliveryId: number, date: string): string {
  return `/documents/isotope-release/${deliveryId}/${date}.pdf`;
}

/** The delivery-truck link ("Frigivelsescertifikat") to a release document. */
export function ReleaseDocumentLink({ href }: { href: string }) {
  const { t } = useTranslation('app');
  return (
    <a
      className="shop-document-link"
      href={href}
      target="_blank"
      rel="noopener"
      title={t('documents.certificate')}
    >
      <svg aria-hidden="true" viewBox="0 0 24 16" width="24" height="16" focusable="false">
        <path
          d="M1 2h13v9H1zM14 5h5l3 3v3h-8zM5 14a2 2 0 1 0 0-.01M18 14a2 2 0 1 0 0-.01"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
      <span>{t('documents.certificate')}</span>
    </a>
  );
}
