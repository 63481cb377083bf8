/**
 * Printing over IPP to real printers (CUPS' ippeveprinter): labels, release certificates (of
 * activity, injection and isotope orders) and the setup page's test print complete and report
 * their job; an unreachable printer, a refused job and an aborted job are refused with their
 * reasons.
 */
import { OrderStatus } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTestPeers } from '@tracershop/db/testing';
import { reasonOf } from './reasons';
import { ReleaseFixtures } from './releaseFixtures';
import type { IppPrinterPeer } from './ippPrinterPeer';
import { IppPrinterPeers, freePort } from './ippPrinterPeer';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, startTestApi } from './testApi';
import type { TestClient } from './testClient';

describe.skipIf(missingTestPeers(['ippeveprinter']) !== undefined)(
  '[URS-INT-005] printing over IPP (sqlite)',
  () => {
    let api: TestApi;
    let admin: TestClient;
    const peers = new IppPrinterPeers();
    let labelPeer: IppPrinterPeer;
    let documentPeer: IppPrinterPeer;
    let labelPrinterId: number;
    let documentPrinterId: number;
    /** A released injection order, an isotope delivery released on `isotopeDate`. */
    let injectionId: number;
    let unreleasedInjectionId: number;
    let isotopeDeliveryId: number;
    let isotopeDate: string;
    /** A date with no release. */
    let quietDate: string;

    async function createPrinter(name: string, uri: string, labelPrinter: boolean) {
      const { port } = new URL(uri);
      const row = await admin.trpc.setup.printers.create.mutate({
        name,
        host: '127.0.0.1',
        port: Number(port),
        uri,
        labelPrinter,
      });
      return row.id;
    }

    beforeAll(async () => {
      api = await startTestApi({ dialect: 'sqlite' });
      admin = await api.loginAs('site-admin');
      [labelPeer, documentPeer] = await Promise.all([
        peers.start('tracershop-label', { command: '/bin/true' }),
        peers.start('tracershop-a4', { command: '/bin/true' }),
      ]);
      labelPrinterId = await createPrinter('Etiket-1', labelPeer.uri, true);
      documentPrinterId = await createPrinter('Kontor-1', documentPeer.uri, false);

      // An injection order and an isotope delivery released by production.
      const fixtures = new ReleaseFixtures(api);
      const releaser = await api.loginAs('prod-user');
      isotopeDate = fixtures.freshDate();
      quietDate = fixtures.freshDate();
      const injection = await fixtures.injectionOrder('PET1', 'Ga-PSMA', isotopeDate);
      await releaser.trpc.release.injection.mutate({
        orderId: injection.id,
        lotNumber: 'PSMA-261014-1',
        maxInjectionVolume: 8.5,
        password: DEMO_PASSWORD,
      });
      injectionId = injection.id;
      unreleasedInjectionId = (await fixtures.injectionOrder('PET1', 'Ga-PSMA', isotopeDate)).id;
      const isotopeOrders = await fixtures.isotopeOrders(isotopeDate, 1);
      const isotopeVials = await fixtures.isotopeVials(isotopeDate, 1);
      await releaser.trpc.release.isotope.mutate({
        orderIds: isotopeOrders.map((order) => order.id),
        isotopeVialIds: isotopeVials.map((vial) => vial.id),
        password: DEMO_PASSWORD,
      });
      isotopeDeliveryId = (await fixtures.copperDelivery()).deliveryId;
    }, 60_000);

    afterAll(async () => {
      await api?.close();
      await peers.close();
    });

    it('refuses to print a label before a label printer is chosen', async () => {
      const vial = await api.db.models.Vial.findOne({ order: [['id', 'ASC']] });
      expect(vial).not.toBeNull();
      await admin.trpc.setup.printers.choose.mutate({
        activePrinterId: null,
        activeLabelPrinterId: null,
      });
      const user = await api.loginAs('prod-user');
      expect(await reasonOf(user.trpc.printing.vialLabel.mutate({ vialId: vial?.id ?? 0 }))).toBe(
        'NO_PRINTER_CHOSEN',
      );
      expect(
        await reasonOf(
          user.trpc.printing.activityCertificate.mutate({
            slotId: 1,
            date: api.today,
            releaseId: 1,
          }),
        ),
      ).toBe('NO_PRINTER_CHOSEN');
      expect(
        await reasonOf(user.trpc.printing.injectionCertificate.mutate({ orderId: injectionId })),
      ).toBe('NO_PRINTER_CHOSEN');
      expect(
        await reasonOf(
          user.trpc.printing.isotopeCertificate.mutate({ isotopeDeliveryId, date: isotopeDate }),
        ),
      ).toBe('NO_PRINTER_CHOSEN');
    });

    it('prints a test page on the chosen printer and reports the completed job', async () => {
      const result = await admin.trpc.printing.testPrint.mutate({ printerId: documentPrinterId });
      expect(result).toMatchObject({
        printerId: documentPrinterId,
        printerName: 'Kontor-1',
        state: 'completed',
        completed: true,
      });
      expect(result.jobId).toBeGreaterThan(0);
      expect(await documentPeer.spooledFiles()).toHaveLength(1);
    });

    it('[URS-DOC-004] prints a vial label on the active label printer', async () => {
      await admin.trpc.setup.printers.choose.mutate({
        activePrinterId: documentPrinterId,
        activeLabelPrinterId: labelPrinterId,
      });
      const vial = await api.db.models.Vial.findOne({ order: [['id', 'ASC']] });
      const user = await api.loginAs('prod-user');
      const before = (await labelPeer.spooledFiles()).length;
      const result = await user.trpc.printing.vialLabel.mutate({ vialId: vial?.id ?? 0 });
      expect(result).toMatchObject({ printerId: labelPrinterId, state: 'completed' });
      expect(await labelPeer.spooledFiles()).toHaveLength(before + 1);
    });

    it('prints the release certificate of a released delivery on the document printer', async () => {
      const order = await api.db.models.ActivityOrder.findOne({
        where: { status: OrderStatus.Released, movedToTimeSlotId: null },
        order: [['id', 'ASC']],
      });
      expect(order).not.toBeNull();
      const user = await api.loginAs('prod-admin');
      // The seed releases each delivery's one order with its own vials: the order is the release.
      const result = await user.trpc.printing.activityCertificate.mutate({
        slotId: order?.orderedTimeSlotId ?? 0,
        date: order?.deliveryDate ?? '',
        releaseId: order?.id ?? 0,
      });
      expect(result).toMatchObject({ printerId: documentPrinterId, state: 'completed' });
    });

    it('[URS-DOC-009] prints the injection and isotope release documents on the document printer', async () => {
      const user = await api.loginAs('prod-user');
      const before = (await documentPeer.spooledFiles()).length;
      const injection = await user.trpc.printing.injectionCertificate.mutate({
        orderId: injectionId,
      });
      expect(injection).toMatchObject({
        printerId: documentPrinterId,
        printerName: 'Kontor-1',
        state: 'completed',
        completed: true,
      });
      expect(injection.jobId).toBeGreaterThan(0);
      const isotope = await user.trpc.printing.isotopeCertificate.mutate({
        isotopeDeliveryId,
        date: isotopeDate,
      });
      expect(isotope).toMatchObject({ printerId: documentPrinterId, state: 'completed' });
      expect(await documentPeer.spooledFiles()).toHaveLength(before + 2);
    });

    it('prints no release document of an order not released, and only for production', async () => {
      const user = await api.loginAs('prod-user');
      expect(
        await reasonOf(
          user.trpc.printing.injectionCertificate.mutate({ orderId: unreleasedInjectionId }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        await reasonOf(
          user.trpc.printing.isotopeCertificate.mutate({ isotopeDeliveryId, date: quietDate }),
        ),
      ).toBe('NOT_FOUND');
      const shop = await api.loginAs('shop-user');
      expect(
        await reasonOf(shop.trpc.printing.injectionCertificate.mutate({ orderId: injectionId })),
      ).toBe('FORBIDDEN_ROLE');
    });

    it('reports a release document the active document printer aborts or does not answer', async () => {
      const failing = await peers.start('tracershop-a4-failing', { command: '/bin/false' });
      const failingId = await createPrinter('Kontor-fejl', failing.uri, false);
      await admin.trpc.setup.printers.choose.mutate({
        activePrinterId: failingId,
        activeLabelPrinterId: labelPrinterId,
      });
      const user = await api.loginAs('prod-user');
      expect(
        await reasonOf(user.trpc.printing.injectionCertificate.mutate({ orderId: injectionId })),
      ).toBe('PRINT_ABORTED');
      expect(
        await reasonOf(
          user.trpc.printing.isotopeCertificate.mutate({ isotopeDeliveryId, date: isotopeDate }),
        ),
      ).toBe('PRINT_ABORTED');
      await failing.close();
      expect(
        await reasonOf(user.trpc.printing.injectionCertificate.mutate({ orderId: injectionId })),
      ).toBe('PRINTER_UNREACHABLE');
      await admin.trpc.setup.printers.choose.mutate({
        activePrinterId: documentPrinterId,
        activeLabelPrinterId: labelPrinterId,
      });
    });

    it('says quickly that an unreachable printer does not answer', async () => {
      const port = await freePort();
      const printerId = await createPrinter(
        'Slukket-1',
        `ipp://127.0.0.1:${port}/ipp/print`,
        false,
      );
      const started = Date.now();
      expect(await reasonOf(admin.trpc.printing.testPrint.mutate({ printerId }))).toBe(
        'PRINTER_UNREACHABLE',
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      try {
        await admin.trpc.printing.testPrint.mutate({ printerId });
      } catch (error) {
        expect(String((error as Error).message)).toContain('Printeren Slukket-1 svarer ikke');
      }
    });

    it('reports a job the printer refuses and a job it aborts', async () => {
      const [raster, failing] = await Promise.all([
        peers.start('tracershop-raster', { formats: 'image/pwg-raster' }),
        peers.start('tracershop-failing', { command: '/bin/false' }),
      ]);
      const rasterId = await createPrinter('Raster-1', raster.uri, false);
      const failingId = await createPrinter('Fejl-1', failing.uri, false);
      expect(await reasonOf(admin.trpc.printing.testPrint.mutate({ printerId: rasterId }))).toBe(
        'PRINT_REFUSED',
      );
      expect(await reasonOf(admin.trpc.printing.testPrint.mutate({ printerId: failingId }))).toBe(
        'PRINT_ABORTED',
      );
    });

    it('a printer that stops answering after the last test is reported unreachable', async () => {
      await labelPeer.close();
      const user = await api.loginAs('prod-user');
      const vial = await api.db.models.Vial.findOne({ order: [['id', 'ASC']] });
      expect(await reasonOf(user.trpc.printing.vialLabel.mutate({ vialId: vial?.id ?? 0 }))).toBe(
        'PRINTER_UNREACHABLE',
      );
    });
  },
);
