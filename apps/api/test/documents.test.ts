/**
 * Documents over HTTP, read back: the release certificate, the injection and isotope release
 * documents (PDF → text), the 98 × 38 mm vial label and the monthly Excel export; sessions,
 * roles and customer scope (401, 403), missing and unreleased things (404), file names.
 */
import {
  OrderStatus,
  decayedActivity,
  formatActivity,
  localDateTimeOf,
  localDateTimeOfInstant,
  secondsBetween,
} from '@tracershop/core';
import type { ActivityOrder, Vial } from '@tracershop/db';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderActivityCertificate, renderVialLabel } from '../src/documents';
import type { SlotInfo } from './releaseFixtures';
import { ReleaseFixtures } from './releaseFixtures';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

/** A Wednesday far from the seeded orders, alone in its month. */
const DATE = '2026-10-14';
const MONTH = '2026-10';

/** A formatted figure as the PDF text reader gives it back: no-break spaces as spaces. */
function flat(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  body: Buffer;
}

/** The text of a PDF, whitespace collapsed. */
async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    const { text } = await parser.getText();
    return text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe.each(TEST_DIALECTS)('documents (%s)', (dialect) => {
  let api: TestApi;
  let fixtures: ReleaseFixtures;
  let prodUser: TestClient;
  let baseUrl: string;
  let fdgPet1: SlotInfo;
  let activityOrders: ActivityOrder[];
  let deadOrder: ActivityOrder;
  let vials: Vial[];
  let injectionId: number;
  let unreleasedInjectionId: number;
  let isotopeDeliveryId: number;
  let isotopeOrderIds: number[];
  let releasedAt: string;

  async function download(client: TestClient | null, path: string): Promise<Download> {
    const cookie = client?.jar.header() ?? '';
    const response = await fetch(`${baseUrl}${path}`, {
      headers: cookie === '' ? {} : { cookie },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  /** The seed's FDG vial tag and the date: the fixtures' lot number. */
  const lot = () => `${fdgPet1.vialTag}-261014-1`;

  /** The release's certificate: the release is named by its pivot, the first order named. */
  const releaseId = () => activityOrders[0]?.id ?? 0;
  const certificatePath = () =>
    `/documents/activity-certificate/${fdgPet1.slotId}/${DATE}/${releaseId()}.pdf`;

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    baseUrl = api.server.url.replace('localhost', '127.0.0.1');
    fixtures = new ReleaseFixtures(api);
    prodUser = await api.loginAs('prod-user');
    fdgPet1 = await fixtures.slot('PET1', 'FDG');

    // Activity: two live orders and a dead one (0 MBq, no vial), released with two vials.
    activityOrders = await fixtures.activityOrders(fdgPet1, DATE, 2);
    deadOrder = await api.db.models.ActivityOrder.create({
      orderedActivity: 0,
      deliveryDate: DATE,
      status: OrderStatus.Accepted,
      orderedTimeSlotId: fdgPet1.slotId,
    });
    vials = await fixtures.vials(fdgPet1, DATE, 2);
    await prodUser.trpc.release.activity.mutate({
      slotId: fdgPet1.slotId,
      deliveryDate: DATE,
      orderIds: [...activityOrders.map((order) => order.id), deadOrder.id],
      vialIds: vials.map((vial) => vial.id),
      password: DEMO_PASSWORD,
      deviationReason: 'Hele portionen til afdelingen efter aftale',
    });

    // Injection: one released, one only accepted.
    const injection = await fixtures.injectionOrder('PET1', 'Ga-PSMA', DATE);
    await prodUser.trpc.release.injection.mutate({
      orderId: injection.id,
      lotNumber: 'PSMA-261014-1',
      maxInjectionVolume: 8.5,
      password: DEMO_PASSWORD,
    });
    injectionId = injection.id;
    unreleasedInjectionId = (await fixtures.injectionOrder('PET1', 'Ga-PSMA', DATE)).id;

    // Isotope: Cu-64 to Panum, two orders, one vial.
    const isotopeOrders = await fixtures.isotopeOrders(DATE, 2);
    const isotopeVials = await fixtures.isotopeVials(DATE, 1);
    await prodUser.trpc.release.isotope.mutate({
      orderIds: isotopeOrders.map((order) => order.id),
      isotopeVialIds: isotopeVials.map((vial) => vial.id),
      password: DEMO_PASSWORD,
    });
    isotopeOrderIds = isotopeOrders.map((order) => order.id);
    isotopeDeliveryId = (await fixtures.copperDelivery()).deliveryId;

    const local = localDateTimeOfInstant(api.clock.now().getTime());
    const [day, time] = local.split(' ') as [string, string];
    releasedAt = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} ${time.slice(0, 5)}`;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-DOC-001] serves the activity release certificate with orders, vials, site and signature', async () => {
    const shop = await api.loginAs('shop-user');
    const result = await download(shop, certificatePath());
    expect(result.status).toBe(200);
    expect(result.type).toBe('application/pdf');
    expect(result.disposition).toMatch(
      new RegExp(
        `^inline; filename="frigivelsescertifikat-FDG-RH-KF-${DATE}-\\d{4}-${releaseId()}\\.pdf"`,
      ),
    );
    const text = await pdfText(result.body);
    const slot = await api.db.models.ActivityDeliveryTimeSlot.findByPk(fdgPet1.slotId);
    const deliveryTime = slot?.deliveryTime.slice(0, 5) ?? '';
    const isotope = await api.db.models.Isotope.findOne({ where: { atomicLetter: 'F' } });
    const halflife = isotope?.halflifeSeconds ?? 0;

    expect(text).toContain('FRIGIVELSESCERTIFIKAT');
    expect(text).toContain('Rigshospitalet, Klinisk Fysiologi, Nuklearmedicin & PET');
    expect(text).toContain('Fludeoxyglucose (18F)');
    expect(text).toContain(lot());
    expect(text).toContain('14/10/2026');
    // Orders: ordered MBq @ the ordered slot's time, released at.
    const [first, second] = activityOrders as [ActivityOrder, ActivityOrder];
    expect(text).toContain(`${first.id} 300 MBq @ ${deliveryTime} ${releasedAt}`);
    expect(text).toContain(`${second.id} 400 MBq @ ${deliveryTime} ${releasedAt}`);
    // The dead order is left out.
    expect(text).not.toMatch(new RegExp(`\\b${deadOrder.id} 0 MBq`));
    // Vials: lot, activity at fill, corrected to the delivery time, volume, fill time.
    let total = 0;
    for (const vial of vials) {
      const elapsed = secondsBetween(
        localDateTimeOf(vial.fillDate, vial.fillTime),
        localDateTimeOf(DATE, slot?.deliveryTime ?? '00:00:00'),
      );
      const atDelivery = decayedActivity(vial.activity, halflife, elapsed);
      total += atDelivery;
      expect(text).toContain(
        `${lot()} ${flat(formatActivity(vial.activity))} ${flat(formatActivity(atDelivery))} 12,50 ml ` +
          `14/10/2026 ${vial.fillTime.slice(0, 5)}`,
      );
    }
    // The total is the vials at the delivery time, with that time beside it.
    expect(text).toContain(
      `I alt bestilt: 700 MBq – i alt leveret kl. ${deliveryTime}: ` +
        `${flat(formatActivity(total))} (2 hætteglas)`,
    );
    // Manufacturer from the settings, attestation with the marketing authorisation (FDG).
    expect(text).toContain('Cyklotronenheden Blegdamsvej 9, 2100 København Ø Attestation');
    expect(text).toContain('i fuld overensstemmelse med kravene til GMP');
    expect(text).toContain('og gældende markedsføringstilladelse');
    // The electronic signature manifest.
    expect(text).toContain('Elektronisk underskrift');
    expect(text).toContain(`Demo Production User ${releasedAt} Frigivet`);
  });

  it('[URS-DOC-009] render functions give the same certificate to the printing service', async () => {
    const { services } = api.server;
    const body = await renderActivityCertificate(services, fdgPet1.slotId, DATE, releaseId());
    expect(await pdfText(body)).toContain(lot());
    await expect(
      renderActivityCertificate(services, fdgPet1.slotId, '2026-10-15', releaseId()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Frigivelsen findes ikke.' });
    // A release is named by its pivot: another order of the release names none.
    const second = activityOrders[1]?.id ?? 0;
    await expect(
      renderActivityCertificate(services, fdgPet1.slotId, DATE, second),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(renderVialLabel(api.server.services, 99_999_999)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Hætteglasset findes ikke.',
    });
  });

  it('[URS-DOC-002] serves the injection release document, without the authorisation clause', async () => {
    const result = await download(prodUser, `/documents/injection-release/${injectionId}.pdf`);
    expect(result.status).toBe(200);
    expect(result.disposition).toContain(
      `filename="frigivelsesdokument-injektion-${injectionId}.pdf"`,
    );
    const text = await pdfText(result.body);
    expect(text).toContain(
      `Hermed frigives ordre ${injectionId} – [68Ga]Ga-PSMA-11 – Ga-68 Injektion til humant brug.`,
    );
    expect(text).toContain(
      `${releasedAt} er der frigivet 2 injektioner med batchnummer: PSMA-261014-1.`,
    );
    expect(text).toContain('Maksimal injektionsvolumen: 8,50 ml');
    expect(text).toContain('Cyklotronenheden');
    expect(text).toContain('i fuld overensstemmelse med kravene til GMP.');
    expect(text).not.toContain('markedsføringstilladelse');
    expect(text).toContain(`Demo Production User ${releasedAt} Frigivet`);
  });

  it('[URS-DOC-002] serves the isotope release document to the isotope customer', async () => {
    const external = await api.loginAs('external');
    const path = `/documents/isotope-release/${isotopeDeliveryId}/${DATE}.pdf`;
    const result = await download(external, path);
    expect(result.status).toBe(200);
    expect(result.disposition).toContain(`-${DATE}.pdf"`);
    const text = await pdfText(result.body);
    expect(text).toContain('Københavns Universitet, Panum Instituttet');
    expect(text).toContain('Hermed frigives isotop: Cu-64 til den 14/10/2026');
    for (const [index, id] of isotopeOrderIds.entries()) {
      expect(text).toContain(`${id} ${flat(formatActivity(1000 + index))} @`);
    }
    expect(text).toContain('CU64-261014-1 2 500 MBq');
    expect(text).toContain('1,50 ml');
    expect(text).toContain(`Demo Production User ${releasedAt} Frigivet`);

    // The shop user of other customers gets 403.
    const shop = await api.loginAs('shop-user');
    expect((await download(shop, path)).status).toBe(403);
  });

  it('[URS-DOC-003] refuses without session (401), for other customers (403), for missing releases (404)', async () => {
    expect((await download(null, certificatePath())).status).toBe(401);
    const anonymous = await download(null, `/documents/monthly-export/${MONTH}.xlsx`);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body.toString('utf8'))).toMatchObject({
      error: 'UNAUTHENTICATED',
    });

    const external = await api.loginAs('external');
    const refused = await download(external, certificatePath());
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString('utf8'))).toMatchObject({ error: 'NOT_ASSIGNED' });
    expect(
      (await download(external, `/documents/injection-release/${injectionId}.pdf`)).status,
    ).toBe(403);

    const missing = await download(
      prodUser,
      `/documents/activity-certificate/${fdgPet1.slotId}/2026-10-15/${releaseId()}.pdf`,
    );
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString('utf8'))).toMatchObject({ error: 'NOT_FOUND' });
    expect(
      (
        await download(
          prodUser,
          `/documents/activity-certificate/99999999/${DATE}/${releaseId()}.pdf`,
        )
      ).status,
    ).toBe(404);
    // The delivery without its release is no document.
    expect(
      (await download(prodUser, `/documents/activity-certificate/${fdgPet1.slotId}/${DATE}.pdf`))
        .status,
    ).toBe(404);
    expect(
      (await download(prodUser, `/documents/injection-release/${unreleasedInjectionId}.pdf`))
        .status,
    ).toBe(404);
    expect((await download(prodUser, '/documents/injection-release/99999999.pdf')).status).toBe(
      404,
    );
    expect(
      (await download(prodUser, `/documents/isotope-release/${isotopeDeliveryId}/2026-10-15.pdf`))
        .status,
    ).toBe(404);
    expect((await download(prodUser, '/documents/vial-label/99999999.pdf')).status).toBe(404);
    expect(
      (
        await download(
          prodUser,
          `/documents/activity-certificate/${fdgPet1.slotId}/2027-02-31/${releaseId()}.pdf`,
        )
      ).status,
    ).toBe(400);
    const prodAdmin = await api.loginAs('prod-admin');
    expect((await download(prodAdmin, '/documents/monthly-export/2027-13.xlsx')).status).toBe(400);
    expect((await download(prodUser, '/documents/unknown.pdf')).status).toBe(404);
  });

  it('[URS-DOC-004] prints the vial label on a 98 × 38 mm page', async () => {
    const [vial] = vials as [Vial];
    const path = `/documents/vial-label/${vial.id}.pdf`;
    const shop = await api.loginAs('shop-user');
    const refused = await download(shop, path);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString('utf8'))).toMatchObject({ error: 'FORBIDDEN_ROLE' });

    const result = await download(prodUser, path);
    expect(result.status).toBe(200);
    expect(result.disposition).toContain(`filename="etiket-${vial.id}.pdf"`);
    const raw = result.body.toString('latin1');
    expect([...raw.matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((match) => match[1])).toEqual([
      '0 0 277.8 107.7',
    ]);
    const text = await pdfText(result.body);
    expect(text).toContain(lot());
    expect(text).toContain('Fludeoxyglucose (18F)');
    expect(text).toContain('Aktivitet: 9 000 MBq');
    expect(text).toContain('Volumen: 12,50 ml');
    expect(text).toContain('Fyldt: 14/10/2026 07:10');
    expect(text).toContain('Ved uheld ring: 35 45 41 47');
  });

  it('[URS-DOC-005] exports the month to Excel for production admins only', async () => {
    const path = `/documents/monthly-export/${MONTH}.xlsx`;
    expect((await download(prodUser, path)).status).toBe(403);
    expect((await download(await api.loginAs('shop-admin'), path)).status).toBe(403);

    const result = await download(await api.loginAs('prod-admin'), path);
    expect(result.status).toBe(200);
    expect(result.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(result.disposition).toMatch(/^attachment; filename="tracershop-data-2026-10\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.body as unknown as ExcelJS.Buffer);
    const customers = await api.db.models.Customer.findAll({ order: [['shortName', 'ASC']] });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      ...customers.map((customer) => customer.shortName),
      'Hætteglas',
    ]);
    const rowsOf = (name: string) => {
      const sheet = workbook.getWorksheet(name);
      const rows: unknown[][] = [];
      sheet?.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    };

    const slot = await api.db.models.ActivityDeliveryTimeSlot.findByPk(fdgPet1.slotId);
    const deliveryTime = slot?.deliveryTime ?? '';
    const freed = localDateTimeOfInstant(api.clock.now().getTime());
    const [first, second] = activityOrders as [ActivityOrder, ActivityOrder];
    const rhkf = rowsOf('RH KF');
    expect(rhkf[0]).toEqual([
      'Ordre id',
      'Tracer',
      'Dato',
      'Bestilt MBq',
      'Injektioner',
      'Bestilt tidspunkt',
      'Frigivelse tidspunkt',
      'Udleveret MBq',
    ]);
    // The pivot carries the release's vials: their activity at the delivery time.
    const halflife =
      (await api.db.models.Isotope.findOne({ where: { atomicLetter: 'F' } }))?.halflifeSeconds ?? 0;
    const delivered = vials.reduce(
      (sum, vial) =>
        sum +
        decayedActivity(
          vial.activity,
          halflife,
          secondsBetween(
            localDateTimeOf(vial.fillDate, vial.fillTime),
            localDateTimeOf(DATE, deliveryTime),
          ),
        ),
      0,
    );
    const pivotRow = rhkf.find((row) => row[0] === `A-${first.id}`);
    expect(pivotRow?.slice(0, 7)).toEqual([
      `A-${first.id}`,
      'FDG',
      DATE,
      300,
      0,
      deliveryTime,
      freed,
    ]);
    expect(pivotRow?.[7]).toBeCloseTo(delivered, 6);
    expect(rhkf).toContainEqual([`A-${second.id}`, 'FDG', DATE, 400, 0, deliveryTime, freed, 0]);
    expect(rhkf).toContainEqual([`I-${injectionId}`, 'Ga-PSMA', DATE, 0, 2, '11:00:00', freed, 0]);
    // Dead and unreleased orders are not exported.
    const ids = rhkf.map((row) => row[0]);
    expect(ids).not.toContain(`A-${deadOrder.id}`);
    expect(ids).not.toContain(`I-${unreleasedInjectionId}`);
    expect(rhkf).toHaveLength(4);
    expect(rowsOf('KU Panum')).toHaveLength(1);

    const vialRows = rowsOf('Hætteglas');
    expect(vialRows[0]).toEqual([
      'Tracer',
      'Aktivitet',
      'Volumen',
      'Batch nummer',
      'Dato',
      'Tappe tidspunkt',
      'Ejer',
    ]);
    expect(vialRows.slice(1)).toEqual([
      ['FDG', 9000, 12.5, lot(), DATE, '07:10:00', 'RH KF'],
      ['FDG', 9001, 12.5, lot(), DATE, '07:11:00', 'RH KF'],
    ]);
  });

  it('[URS-PRD-016] prints the unit name and address the site admin sets', async () => {
    const siteAdmin = await api.loginAs('site-admin');
    const edited = await siteAdmin.trpc.setup.settings.edit.mutate({
      unitName: 'Cyklotron og Radiokemi, enhed 3982',
      unitAddress: 'Blegdamsvej 9, 2100 København Ø',
    });
    expect(edited.unitName).toBe('Cyklotron og Radiokemi, enhed 3982');
    const text = await pdfText((await download(prodUser, certificatePath())).body);
    expect(text).toContain(
      'Fremstiller Cyklotron og Radiokemi, enhed 3982 Blegdamsvej 9, 2100 København Ø',
    );

    await siteAdmin.trpc.setup.settings.edit.mutate({ unitName: null, unitAddress: null });
    const without = await pdfText((await download(prodUser, certificatePath())).body);
    expect(without).toContain('Fremstiller Ikke angivet i indstillingerne Attestation');
  });
});
