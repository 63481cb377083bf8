/**
 * The release certificate ("FRIGIVELSESCERTIFIKAT") of the activity orders of one delivery
 * (slot, date): legacy-server-auth-services.md §5, legacy-business-rules.md §2.6.
 *
 * Its orders are the Released orders of the date whose active slot is the slot (moved-in
 * orders included, moved-away ones not), dead orders left out; its vials are the vials
 * assigned to them. Unlike the legacy, orders and vials are two tables (the legacy printed
 * the i-th order next to the i-th vial), and the scanned signature is replaced by the
 * electronic signature manifest.
 */
import {
  activeSlotIdOf,
  decayedActivity,
  formatDanishDate,
  formatShortTime,
  isDeadOrder,
  localDateTimeOf,
  OrderStatus,
  secondsBetween,
} from '@tracershop/core';
import type { ActivityOrder, Vial } from '@tracershop/db';
import { Op } from 'sequelize';
import type { ApiServices } from '../trpc/context';
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

/** Vial activity at the delivery time: decayed forward from the fill, never backwards. */
export function activityAtDelivery(
  vial: Pick<Vial, 'activity' | 'fillDate' | 'fillTime'>,
  deliveryLocalDateTime: string,
  halflifeSeconds: number,
  timeZone: string,
): number {
  const elapsed = secondsBetween(
    localDateTimeOf(vial.fillDate, vial.fillTime),
    deliveryLocalDateTime,
    timeZone,
  );
  return elapsed > 0 ? decayedActivity(vial.activity, halflifeSeconds, elapsed) : vial.activity;
}

/** Σ raw activity of the vials assigned to `orderId`. */
export function assignedActivity(vials: readonly Vial[], orderId: number): number {
  return vials
    .filter((vial) => vial.assignedToId === orderId)
    .reduce((sum, vial) => sum + vial.activity, 0);
}

/** The activity release certificate of slot `slotId` on `date` (YYYY-MM-DD). */
export async function activityCertificateDocument(
  services: ApiServices,
  slotId: number,
  date: string,
  access: DocumentAccess = UNLIMITED_ACCESS,
): Promise<RenderedDocument> {
  const { models } = services.db;
  const { timeZone } = services.config;
  const slot = await models.ActivityDeliveryTimeSlot.findByPk(slotId);
  const endpoint = slot === null ? null : await models.DeliveryEndpoint.findByPk(slot.endpointId);
  if (slot === null || endpoint === null) {
    throw notFound('Leveringstiden');
  }
  access.assertCustomer(endpoint.customerId);
  const production = await models.ActivityProduction.findByPk(slot.productionId);
  const tracer = production === null ? null : await models.Tracer.findByPk(production.tracerId);
  const isotope = tracer === null ? null : await models.Isotope.findByPk(tracer.isotopeId);
  const customer = await models.Customer.findByPk(endpoint.customerId);
  if (tracer === null || isotope === null || customer === null) {
    throw notFound('Leveringstiden');
  }

  const candidates = await models.ActivityOrder.findAll({
    where: {
      deliveryDate: date,
      status: OrderStatus.Released,
      [Op.or]: [{ orderedTimeSlotId: slot.id }, { movedToTimeSlotId: slot.id }],
    },
    order: [['id', 'ASC']],
  });
  const active = candidates.filter((order) => activeSlotIdOf(order) === slot.id);
  const assigned =
    active.length === 0
      ? []
      : await models.Vial.findAll({
          where: { assignedToId: active.map((order) => order.id) },
          order: [
            ['fillDate', 'ASC'],
            ['fillTime', 'ASC'],
            ['id', 'ASC'],
          ],
        });
  const orders = active.filter(
    (order) => !isDeadOrder(order, assignedActivity(assigned, order.id)),
  );
  if (orders.length === 0) {
    throw notFound('Frigivelsen');
  }
  const orderIds = new Set(orders.map((order) => order.id));
  const vials = assigned.filter(
    (vial) => vial.assignedToId !== null && orderIds.has(vial.assignedToId),
  );
  const orderedSlotIds = [...new Set(orders.map((order) => order.orderedTimeSlotId))];
  const orderedSlots = await models.ActivityDeliveryTimeSlot.findAll({
    where: { id: orderedSlotIds },
  });
  const orderedTimeOf = (order: ActivityOrder) =>
    orderedSlots.find((candidate) => candidate.id === order.orderedTimeSlotId)?.deliveryTime ??
    slot.deliveryTime;

  const site = await loadSiteIdentity(services);
  const deliveryLocal = localDateTimeOf(date, slot.deliveryTime);
  const firstVial = vials[0];
  const firstFreed = orders.find((order) => order.freedAt !== null)?.freedAt ?? null;
  const productionDate =
    firstVial?.fillDate ?? (firstFreed === null ? date : siteDateOf(firstFreed, timeZone));
  const lots = [...new Set(vials.map((vial) => vial.lotNumber))];
  const delivered = vials.reduce((sum, vial) => sum + vial.activity, 0);

  const body = await renderPdf(
    {
      size: 'A4',
      margin: 50,
      title: `${TITLE} ${tracer.shortname} ${date} ${formatShortTime(slot.deliveryTime)}`,
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
        ['Leveringstidspunkt', `${formatShortTime(slot.deliveryTime)} ${formatDanishDate(date)}`],
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
          {
            header: `Aktivitet kl. ${formatShortTime(slot.deliveryTime)}`,
            share: 0.2,
            align: 'right',
          },
          { header: 'Volumen', share: 0.14, align: 'right' },
          { header: 'Fyldt', share: 0.22 },
        ],
        vials.map((vial) => [
          vial.lotNumber,
          mbqText(vial.activity),
          mbqText(activityAtDelivery(vial, deliveryLocal, isotope.halflifeSeconds, timeZone)),
          mlText(vial.volume),
          `${formatShortTime(vial.fillTime)} ${formatDanishDate(vial.fillDate)}`,
        ]),
      );
      layout.paragraph(
        `I alt bestilt: ${mbqText(orders.reduce((sum, order) => sum + order.orderedActivity, 0))}` +
          ` – i alt leveret: ${mbqText(delivered)} (${vials.length} hætteglas)`,
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
      `-${date}-${formatShortTime(slot.deliveryTime).replace(':', '')}.pdf`,
    contentType: PDF_TYPE,
    body,
  };
}

/** The certificate's PDF bytes (for the printing service; no customer scope). */
export async function renderActivityCertificate(
  services: ApiServices,
  slotId: number,
  date: string,
): Promise<Buffer> {
  return (await activityCertificateDocument(services, slotId, date)).body;
}
