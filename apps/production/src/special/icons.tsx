/**
 * The small icons of the order tables (docs/domain.md: thumbs-up = accept, delivery truck = the
 * release document, comment bubble = the comment on hover) and the release documents' addresses
 * (apps/api/src/documents/documentRoutes.ts), opened as plain links with the session cookie.
 */

export function injectionReleaseUrl(orderId: number): string {
  return `/documents/injection-release/${orderId}.pdf`;
}

export function isotopeReleaseUrl(deliveryId: number, date: string): string {
  return `/documents/isotope-release/${deliveryId}/${date}.pdf`;
}

export function ThumbsUpIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <path
        d="M2 10h4v11H2zM6 20h10.5a2 2 0 0 0 2-1.6l1.4-6.4A2 2 0 0 0 18 10h-5l.8-4.2A2 2 0 0 0 11.8 3L6 10"
        fill="#ffd84d"
        stroke="#333"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function ReleaseDocumentIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 16" width="24" height="16">
      <path
        d="M1 2h13v9H1zM14 5h5l3 3v3h-8zM5 14a2 2 0 1 0 0-.01M18 14a2 2 0 1 0 0-.01"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  );
}

/** A speech bubble whose tooltip and accessible name are the comment. */
export function CommentIcon({ text }: { text: string }) {
  return (
    <span className="special-comment" role="img" aria-label={text} title={text}>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
        <path
          d="M3 4h18v12H9l-5 4v-4H3z"
          fill="#eef"
          stroke="#335"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
}
