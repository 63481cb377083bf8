/**
 * The address of a release certificate (apps/api/src/documents/documentRoutes.ts): one per
 * release of a delivery (slot, date), the release named by its pivot order.
 */
export function activityCertificateUrl(slotId: number, date: string, releaseId: number): string {
  return `/documents/activity-certificate/${slotId}/${date}/${releaseId}.pdf`;
}
