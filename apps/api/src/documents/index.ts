/**
 * Documents: the release certificate (activity), the injection and isotope release
 * documents, the vial label and the monthly Excel export. The `render…` functions give the
 * bytes without any customer scope (for the printing service); the `…Document` functions
 * take the caller's access and also name the file (for the `/documents/…` routes).
 * Missing rows and releases throw `apiError('NOT_FOUND', { entity })`.
 */
export { activityCertificateDocument, renderActivityCertificate } from './releaseCertificate';
export { injectionReleaseDocument, renderInjectionRelease } from './injectionReleaseDocument';
export { isotopeReleaseDocument, renderIsotopeRelease } from './isotopeReleaseDocument';
export { VIAL_LABEL_SIZE, renderVialLabel, vialLabelDocument } from './vialLabel';
export { monthlyExportDocument, renderMonthlyExport } from './monthlyExport';
export { serveDocument } from './documentRoutes';
export type { DocumentAccess, RenderedDocument } from './documentAccess';
export { UNLIMITED_ACCESS } from './documentAccess';
