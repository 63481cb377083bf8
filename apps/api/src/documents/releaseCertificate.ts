/**
 * The release certificate ("FRIGIVELSESCERTIFIKAT") of one release of the activity orders of
 * a delivery (slot, date): docs/operations.md, docs/domain.md
 *
 * A delivery is usually released once; an order placed after the release is released on its
 * own and gets a certificate of its own, so a certificate is addressed by (slot, date, release),
 * the release named by its pivot order (core `splitSlot`). Its orders are the release's orders
 * the slot delivers (moved-in orders included, moved-away ones not), dead orders left out; its
 * vials are the vials assigned to them, each with its activity at the delivery time, and the
 * total is core's delivered activity with the reference time beside it. Unlike the legacy,
 * orders and vials are two tables (the legacy printed the i-th order next to the i-th vial),
 * and the scanned signature is replaced by the electronic signature manifest.
 */
import {
  activeSlotIdOf,
  formatDanishDate,
  formatShortTime,
  splitSlot,
  vialActivityAtDelivery,
  isReleased,
} from '@tracershop/core';
import type { ActivityOrder } from '@tracershop/db';
import { Op } from 'sequelize';
import { slotOrderOf, slotTimeOf, slotVialOf } from '../routers/orders/deliveryParts';
import type { ApiServices } from '../services';
import type { DocumentAccess, RenderedDocument } from './documentAccess';
import { PDF_TYPE, UNLIMITED_ACCESS, notFound } from './documentAccess';
import {
  fileNamePart,
  instantText,
  isotopeName,
  mbqText,
  mlText,
  siteDateOf,
} from './documentFormats';
import { A4Layout, renderPdf } from './pdfLayout';
import {
  drawReleaseClosing,
  gmpAttestation,
  loadSiteIdentity,
  recipientFields,
  signaturesOf,
} from './releaseDocumentParts';

const TITLE = 'FRIGIVELSESCERTIFIKAT';

/** The certificate of release `releaseId` of slot `slotId` on `date` (YYYY-MM-DD). */
export async function activityCertificateDocument(
  services: ApiServices,
  slotId: number,
  date: string,
  releaseId: number,
  access: DocumentAccess = UNLIMITED_ACCESS,
): Promise<RenderedDocument> {
  const { models } = services.db;
  const { timeZone } = services.config;
  const slot = await models.ActivityDeliveryTimeSlot.findByPk(slotId);
  const endpoint = slot === null ? null : await models.DeliveryEndpoint.findByPk(slot.endpointId);
  if (slot === null || endpoint === null) {
    throw notFound('ActivityDeliveryTimeSlot');
  }
  access.assertCustomer(endpoint.customerId);
  const production = await models.ActivityProduction.findByPk(slot.productionId);
  const tracer = production === null ? null : await models.Tracer.findByPk(production.tracerId);
  const isotope = tracer === null ? null : await models.Isotope.findByPk(tracer.isotopeId);
  const customer = await models.Customer.findByPk(endpoint.customerId);
  if (tracer === null || isotope === null || customer === null) {
    throw notFound('ActivityDeliveryTimeSlot');
  }

  // Every order of the delivery: a release named by its delivery needs them all.
  const candidates = await models.ActivityOrder.findAll({
    where: {
      deliveryDate: date,
      [Op.or]: [{ orderedTimeSlotId: slot.id }, { movedToTimeSlotId: slot.id }],
    },
    order: [['id', 'ASC']],
  });
  const assigned =
    candidates.length === 0
      ? []
      : await models.Vial.findAll({
          where: { assignedToId: candidates.map((order) => order.id) },
          order: [
            ['fillDate', 'ASC'],
            ['fillTime', 'ASC'],
            ['id', 'ASC'],
          ],
        });
  const namedSlots = await models.ActivityDeliveryTimeSlot.findAll({
    where: {
      id: [
        ...new Set(candidates.flatMap((order) => [order.orderedTimeSlotId, activeSlotIdOf(order)])),
      ],
    },
  });
  const part = splitSlot({
    slot: slotTimeOf(slot),
    date,
    orders: candidates.map(slotOrderOf),
    slots: namedSlots.map(slotTimeOf),
    halflifeSeconds: isotope.halflifeSeconds,
    // The certificate shows no figure that carries overhead.
    overheadMultiplier: 1,
    vials: assigned.map(slotVialOf),
    timeZone,
  }).find((candidate) => candidate.releaseId === releaseId && !candidate.summary.movedAway);
  const orders = candidates.filter(
    (order) =>
      part !== undefined &&
      part.orderIds.includes(order.id) &&
      isReleased(order.status) &&
      activeSlotIdOf(order) === slot.id &&
      !part.summary.deadOrderIds.includes(order.id),
  );
  if (part === undefined || orders.length === 0) {
    throw notFound('Release');
  }
  const orderIds = new Set(orders.map((order) => order.id));
  const vials = assigned.filter(
    (vial) => vial.assignedToId !== null && orderIds.has(vial.assignedToId),
  );
  const orderedTimeOf = (order: ActivityOrder) =>
    namedSlots.find((candidate) => candidate.id === order.orderedTimeSlotId)?.deliveryTime ??
    slot.deliveryTime;
  const reference = {
    date,
    deliveryTime: slot.deliveryTime,
    halflifeSeconds: isotope.halflifeSeconds,
    timeZone,
  };
  const deliveryTime = formatShortTime(slot.deliveryTime);

  const site = await loadSiteIdentity(services);
  const firstVial = vials[0];
  const firstFreed = orders.find((order) => order.freedAt !== null)?.freedAt ?? null;
  const productionDate =
    firstVial?.fillDate ?? (firstFreed === null ? date : siteDateOf(firstFreed, timeZone));
  const lots = [...new Set(vials.map((vial) => vial.lotNumber))];

  const body = await renderPdf(
    {
      size: 'A4',
      margin: 50,
      title: `${TITLE} ${tracer.shortname} ${date} ${deliveryTime}`,
      subject: `Frigivelsescertifikat for ${customer.shortName}`,
      createdAt: services.clock.now(),
    },
    (doc) => {
      const layout = new A4Layout(doc);
      layout.title(TITLE, `${tracer.clinicalName} – ${isotopeName(isotope)}`);
      layout.fields([
        ...recipientFields(customer, endpoint),
        ['Produktnavn', tracer.clinicalName],
        ['Batchnummer', lots.length === 0 ? 'Ukendt batchnummer' : lots.join(', ')],
        ['Fremstillingsdato', formatDanishDate(productionDate)],
        ['Leveringstidspunkt', `${formatDanishDate(date)} ${deliveryTime}`],
      ]);
      layout.heading('Ordrer');
      layout.table(
        [
          { header: 'Ordre ID', share: 0.2 },
          { header: 'Bestilt', share: 0.4 },
          { header: 'Frigivet', share: 0.4 },
        ],
        orders.map((order) => [
          String(order.id),
          `${mbqText(order.orderedActivity)} @ ${formatShortTime(orderedTimeOf(order))}`,
          instantText(order.freedAt, timeZone),
        ]),
      );
      layout.heading('Hætteglas');
      layout.table(
        [
          { header: 'Batchnummer', share: 0.24 },
          { header: 'Aktivitet ved fyldning', share: 0.2, align: 'right' },
          { header: `Aktivitet kl. ${deliveryTime}`, share: 0.2, align: 'right' },
          { header: 'Volumen', share: 0.14, align: 'right' },
          { header: 'Fyldt', share: 0.22 },
        ],
        vials.map((vial) => [
          vial.lotNumber,
          mbqText(vial.activity),
          mbqText(vialActivityAtDelivery(vial, reference)),
          mlText(vial.volume),
          `${formatDanishDate(vial.fillDate)} ${formatShortTime(vial.fillTime)}`,
        ]),
      );
      layout.paragraph(
        `I alt bestilt: ${mbqText(orders.reduce((sum, order) => sum + order.orderedActivity, 0))}` +
          ` – i alt leveret kl. ${deliveryTime}: ${mbqText(part.summary.deliveredActivity)}` +
          ` (${vials.length} hætteglas)`,
      );
      drawReleaseClosing(
        layout,
        site,
        gmpAttestation(tracer.marketed),
        signaturesOf(orders),
        timeZone,
      );
      layout.footers(
        `${TITLE} – ${customer.shortName} – ${tracer.shortname} ${formatDanishDate(date)}`,
      );
    },
  );
  return {
    fileName:
      `frigivelsescertifikat-${fileNamePart(tracer.shortname)}-${fileNamePart(customer.shortName)}` +
      `-${date}-${deliveryTime.replace(':', '')}-${releaseId}.pdf`,
    contentType: PDF_TYPE,
    body,
  };
}

/** The certificate's PDF bytes (for the printing service; no customer scope). */
export async function renderActivityCertificate(
  services: ApiServices,
  slotId: number,
  date: string,
  releaseId: number,
): Promise<Buffer> {
  return (await activityCertificateDocument(services, slotId, date, releaseId)).body;
}
