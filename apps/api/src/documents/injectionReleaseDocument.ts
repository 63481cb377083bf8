/**
 * The release document of one injection order (docs/operations.md): recipient,
 * "Hermed frigives ordre <id> – <clinical name> – <isotope> Injektion til <brug> brug", the
 * lot, the injections and the maximal injection volume, manufacturer, GMP attestation and the
 * electronic signature manifest.
 */
import {
  formatDanishDate,
  formatDanishDateTime,
  formatShortTime,
  isReleased,
} from '@tracershop/core';
import type { ApiServices } from '../services';
import type { DocumentAccess, RenderedDocument } from './documentAccess';
import { PDF_TYPE, UNLIMITED_ACCESS, notFound } from './documentAccess';
import { instantText, isotopeName, mlText } from './documentFormats';
import { A4Layout, renderPdf } from './pdfLayout';
import {
  drawReleaseClosing,
  gmpAttestation,
  loadSiteIdentity,
  recipientFields,
  signaturesOf,
  usageText,
} from './releaseDocumentParts';

const TITLE = 'FRIGIVELSESCERTIFIKAT';

/** The release document of injection order `orderId` (404 unless it is Released). */
export async function injectionReleaseDocument(
  services: ApiServices,
  orderId: number,
  access: DocumentAccess = UNLIMITED_ACCESS,
): Promise<RenderedDocument> {
  const { models } = services.db;
  const { timeZone } = services.config;
  const order = await models.InjectionOrder.findByPk(orderId);
  const endpoint = order === null ? null : await models.DeliveryEndpoint.findByPk(order.endpointId);
  if (order === null || endpoint === null) {
    throw notFound('InjectionOrder');
  }
  access.assertCustomer(endpoint.customerId);
  if (!isReleased(order.status)) {
    throw notFound('Release');
  }
  const tracer = await models.Tracer.findByPk(order.tracerId);
  const isotope = tracer === null ? null : await models.Isotope.findByPk(tracer.isotopeId);
  const customer = await models.Customer.findByPk(endpoint.customerId);
  if (tracer === null || isotope === null || customer === null) {
    throw notFound('InjectionOrder');
  }
  const site = await loadSiteIdentity(services);
  const lot = order.lotNumber ?? 'Ukendt batchnummer';
  const usage = usageText(order.tracerUsage);
  const volume =
    order.maxInjectionVolume === null
      ? ''
      : ` Maksimal injektionsvolumen: ${mlText(order.maxInjectionVolume)}.`;

  const body = await renderPdf(
    {
      size: 'A4',
      margin: 50,
      title: `${TITLE} injektionsordre ${order.id}`,
      subject: `Frigivelse af injektionsordre ${order.id} til ${customer.shortName}`,
      createdAt: services.clock.now(),
    },
    (doc) => {
      const layout = new A4Layout(doc);
      layout.title(TITLE, `Injektion – ordre ${order.id}`);
      layout.fields([
        ...recipientFields(customer, endpoint),
        ['Produktnavn', tracer.clinicalName],
        ['Isotop', isotopeName(isotope)],
        ['Batchnummer', lot],
        ['Fremstillingsdato', formatDanishDate(order.deliveryDate)],
        ['Leveringstidspunkt', formatDanishDateTime(`${order.deliveryDate} ${order.deliveryTime}`)],
      ]);
      layout.paragraph(
        `Hermed frigives ordre ${order.id} – ${tracer.clinicalName} – ` +
          `${isotopeName(isotope)} Injektion til ${usage} brug.`,
        { bold: true },
      );
      layout.paragraph(
        `${instantText(order.freedAt, timeZone)} er der frigivet ${order.injections} ` +
          `injektioner med batchnummer: ${lot}.${volume}`,
      );
      layout.heading('Ordre');
      layout.table(
        [
          { header: 'Ordre ID', share: 0.15 },
          { header: 'Bestilt', share: 0.3 },
          { header: 'Maks. volumen', share: 0.2, align: 'right' },
          { header: 'Frigivet', share: 0.35 },
        ],
        [
          [
            String(order.id),
            `${order.injections} injektioner @ ${formatShortTime(order.deliveryTime)}`,
            order.maxInjectionVolume === null ? '' : mlText(order.maxInjectionVolume),
            instantText(order.freedAt, timeZone),
          ],
        ],
      );
      drawReleaseClosing(
        layout,
        site,
        gmpAttestation(tracer.marketed, order.tracerUsage),
        signaturesOf([order]),
        timeZone,
      );
      layout.footers(`${TITLE} – injektionsordre ${order.id} – ${customer.shortName}`);
    },
  );
  return {
    fileName: `frigivelsesdokument-injektion-${order.id}.pdf`,
    contentType: PDF_TYPE,
    body,
  };
}

/** The document's PDF bytes (no customer scope). */
export async function renderInjectionRelease(
  services: ApiServices,
  orderId: number,
): Promise<Buffer> {
  return (await injectionReleaseDocument(services, orderId)).body;
}
