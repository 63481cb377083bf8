/**
 * The release document of the isotope orders of one isotope delivery on one date
 * (docs/operations.md): recipient, "Hermed frigives isotop <isotope> til den
 * <date> – <time>", the orders, the vials sent with them (batch, activity at calibration and
 * decayed forward to the delivery time – the legacy's sign error is not copied), manufacturer,
 * GMP attestation and the electronic signature manifest.
 */
import {
  decayedActivity,
  formatDanishDate,
  formatShortTime,
  instantOfLocalDateTime,
  isDeadOrder,
  localDateTimeOf,
  OrderStatus,
} from '@tracershop/core';
import type { IsotopeVial } from '@tracershop/db';
import type { ApiServices } from '../services';
import type { DocumentAccess, RenderedDocument } from './documentAccess';
import { PDF_TYPE, UNLIMITED_ACCESS, notFound } from './documentAccess';
import { fileNamePart, instantText, isotopeName, mbqText, mlText } from './documentFormats';
import { A4Layout, renderPdf } from './pdfLayout';
import {
  drawReleaseClosing,
  gmpAttestation,
  loadSiteIdentity,
  recipientFields,
  signaturesOf,
} from './releaseDocumentParts';

const TITLE = 'FRIGIVELSESCERTIFIKAT';

/** An isotope vial's activity at `deliveryEpochMs`: decayed forward, never backwards. */
export function isotopeActivityAt(
  vial: Pick<IsotopeVial, 'activity' | 'calibratedAt'>,
  deliveryEpochMs: number,
  halflifeSeconds: number,
): number {
  const elapsed = (deliveryEpochMs - vial.calibratedAt.getTime()) / 1000;
  return elapsed > 0 ? decayedActivity(vial.activity, halflifeSeconds, elapsed) : vial.activity;
}

/** The isotope release document of delivery `isotopeDeliveryId` on `date`. */
export async function isotopeReleaseDocument(
  services: ApiServices,
  isotopeDeliveryId: number,
  date: string,
  access: DocumentAccess = UNLIMITED_ACCESS,
): Promise<RenderedDocument> {
  const { models } = services.db;
  const { timeZone } = services.config;
  const delivery = await models.IsotopeDelivery.findByPk(isotopeDeliveryId);
  const endpoint =
    delivery === null ? null : await models.DeliveryEndpoint.findByPk(delivery.endpointId);
  if (delivery === null || endpoint === null) {
    throw notFound('IsotopeDelivery');
  }
  access.assertCustomer(endpoint.customerId);
  const production = await models.IsotopeProduction.findByPk(delivery.isotopeProductionId);
  const isotope = production === null ? null : await models.Isotope.findByPk(production.isotopeId);
  const customer = await models.Customer.findByPk(endpoint.customerId);
  if (isotope === null || customer === null) {
    throw notFound('IsotopeDelivery');
  }
  const released = await models.IsotopeOrder.findAll({
    where: { isotopeDeliveryId: delivery.id, deliveryDate: date, status: OrderStatus.Released },
    order: [['id', 'ASC']],
  });
  const sent =
    released.length === 0
      ? []
      : await models.IsotopeVial.findAll({
          where: { deliveredWithId: released.map((order) => order.id) },
          order: [
            ['calibratedAt', 'ASC'],
            ['id', 'ASC'],
          ],
        });
  const sentWith = (orderId: number) =>
    sent
      .filter((vial) => vial.deliveredWithId === orderId)
      .reduce((sum, vial) => sum + vial.activity, 0);
  const orders = released.filter((order) => !isDeadOrder(order, sentWith(order.id)));
  if (orders.length === 0) {
    throw notFound('Release');
  }
  const orderIds = new Set(orders.map((order) => order.id));
  const vials = sent.filter(
    (vial) => vial.deliveredWithId !== null && orderIds.has(vial.deliveredWithId),
  );
  const site = await loadSiteIdentity(services);
  const deliveryAt = instantOfLocalDateTime(
    localDateTimeOf(date, delivery.deliveryTime),
    timeZone,
  ).epochMilliseconds;
  const name = isotopeName(isotope);
  const time = formatShortTime(delivery.deliveryTime);

  const body = await renderPdf(
    {
      size: 'A4',
      margin: 50,
      title: `${TITLE} ${name} ${date} ${time}`,
      subject: `Frigivelse af ${name} til ${customer.shortName}`,
      createdAt: services.clock.now(),
    },
    (doc) => {
      const layout = new A4Layout(doc);
      layout.title(TITLE, `Isotop – ${name}`);
      layout.fields([
        ...recipientFields(customer, endpoint),
        ['Produktnavn', name],
        [
          'Batchnummer',
          vials.length === 0
            ? 'Ukendt batchnummer'
            : [...new Set(vials.map((vial) => vial.batchNumber))].join(', '),
        ],
        ['Leveringstidspunkt', `${formatDanishDate(date)} ${time}`],
      ]);
      layout.paragraph(
        `Hermed frigives isotop: ${name} til den ${formatDanishDate(date)} – ${time}.`,
        {
          bold: true,
        },
      );
      layout.heading('Ordrer');
      layout.table(
        [
          { header: 'Ordre ID', share: 0.2 },
          { header: 'Bestilt', share: 0.4 },
          { header: 'Frigivet', share: 0.4 },
        ],
        orders.map((order) => [
          String(order.id),
          `${mbqText(order.orderedActivity)} @ ${time}`,
          instantText(order.freedAt, timeZone),
        ]),
      );
      layout.heading('Til disse ordrer frigives disse hætteglas');
      layout.table(
        [
          { header: 'Batchnummer', share: 0.24 },
          { header: 'Aktivitet ved kalibrering', share: 0.2, align: 'right' },
          { header: `Aktivitet kl. ${time}`, share: 0.2, align: 'right' },
          { header: 'Volumen', share: 0.14, align: 'right' },
          { header: 'Kalibreret', share: 0.22 },
        ],
        vials.map((vial) => [
          vial.batchNumber,
          mbqText(vial.activity),
          mbqText(isotopeActivityAt(vial, deliveryAt, isotope.halflifeSeconds)),
          mlText(vial.volume),
          instantText(vial.calibratedAt, timeZone),
        ]),
      );
      drawReleaseClosing(layout, site, gmpAttestation(false), signaturesOf(orders), timeZone);
      layout.footers(`${TITLE} – ${name} – ${customer.shortName} ${formatDanishDate(date)}`);
    },
  );
  return {
    fileName: `frigivelsesdokument-${fileNamePart(name)}-${fileNamePart(customer.shortName)}-${date}.pdf`,
    contentType: PDF_TYPE,
    body,
  };
}

/** The document's PDF bytes (no customer scope). */
export async function renderIsotopeRelease(
  services: ApiServices,
  isotopeDeliveryId: number,
  date: string,
): Promise<Buffer> {
  return (await isotopeReleaseDocument(services, isotopeDeliveryId, date)).body;
}
