/**
 * Site configuration in the web database: the server settings, printers ("Printer"), the
 * addresses of outside services (RIS, HL7, LDAP) and the notices shown in the shop. These are
 * not GMP records, so they are not audited, except the service addresses: the services use
 * them without a restart (addressesInForce.ts), and an 'ldap' address decides where users log
 * in, so their changes are audited like access changes. Their events go to production only,
 * except notices, which each addressed customer's shop users receive too.
 */
import {
  ServiceAddressKind,
  customerNoticeCreateInput,
  isNoticeCurrent,
  customerNoticeEditInput,
  idInput,
  isProductionMember,
  printerCreateInput,
  printerEditInput,
  serverSettingsEditInput,
  serviceAddressCreateInput,
  serviceAddressEditInput,
} from '@tracershop/core';
import type { ServerSettingsEditInput } from '@tracershop/core';
import { SERVER_SETTINGS_ID } from '@tracershop/db';
import type { CustomerNotice, ServerSettings, ServiceAddress } from '@tracershop/db';
import type { Transaction } from 'sequelize';
import { addressesInForce } from '../../addressesInForce';
import type { AddressInForce } from '../../addressesInForce';
import type { SessionUser } from '../../auth/sessions';
import { siteToday } from '../../clock';
import { customerLimitOf } from '../../customerScope';
import type { PublishedChange } from '../../events/changeEvents';
import { apiError, notFound } from '../../errors';
import type { Writer } from '../../recordWrites';
import { writeWeb } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { procedure, router } from '../../trpc/init';
import { writeAccess } from './accessWrites';
import { PRODUCTION } from '../../events/audiences';
import { changesOf, createRow, findRow, saveChanges } from './rows';
import type { WireRow } from '../../wire';
import { toWire, toWireList } from '../../wire';

type SettingsRow = WireRow<ServerSettings>;

/** What every user may know of the settings: the window of dated data and whom to call. */
export type PublicSettings = Pick<SettingsRow, 'dateRangeDays' | 'adminPhone' | 'adminEmail'>;

async function settingsRow(services: ApiServices, transaction?: Transaction) {
  return findRow(
    services.db.models.ServerSettings,
    SERVER_SETTINGS_ID,
    'ServerSettings',
    transaction,
  );
}

/** Refuses an active label printer that is not a label printer. */
async function assertPrinterChoice(
  services: ApiServices,
  changes: Pick<ServerSettingsEditInput, 'activePrinterId' | 'activeLabelPrinterId'>,
  transaction: Transaction,
): Promise<void> {
  const { Printer } = services.db.models;
  if (changes.activePrinterId != null) {
    await findRow(Printer, changes.activePrinterId, 'Printer', transaction);
  }
  if (changes.activeLabelPrinterId != null) {
    const printer = await findRow(Printer, changes.activeLabelPrinterId, 'Printer', transaction);
    if (!printer.labelPrinter) {
      throw apiError('NOT_LABEL_PRINTER');
    }
  }
}

function editSettings(writer: Writer, input: ServerSettingsEditInput) {
  return writeWeb(writer, async ({ transaction, publish }) => {
    const { ServiceAddress } = writer.services.db.models;
    await assertPrinterChoice(writer.services, input, transaction);
    if (input.risAddressId != null) {
      const address = await findRow(
        ServiceAddress,
        input.risAddressId,
        'ServiceAddress',
        transaction,
      );
      // The worklist asks a DICOM address only.
      if (address.kind !== ServiceAddressKind.Dicom) {
        throw apiError('INVALID_INPUT', {}, { fields: ['risAddressId'] });
      }
    }
    const row = await settingsRow(writer.services, transaction);
    if (await saveChanges(row, input, transaction)) {
      publish({
        entity: 'ServerSettings',
        op: 'upsert',
        rows: [toWire(row)],
        visibility: PRODUCTION,
      });
    }
    return toWire(row);
  });
}

const settingsRouter = router({
  /** Production sees the whole row; shop users the date window and the contact details. */
  read: procedure('setup.read').query(
    async ({ ctx }): Promise<PublicSettings & Partial<SettingsRow>> => {
      const row = toWire(await settingsRow(ctx.services));
      if (isProductionMember(ctx.user.userGroup)) {
        return row;
      }
      return {
        dateRangeDays: row.dateRangeDays,
        adminPhone: row.adminPhone,
        adminEmail: row.adminEmail,
      };
    },
  ),

  edit: procedure('admin.config')
    .input(serverSettingsEditInput)
    .mutation(({ ctx, input }) => editSettings(ctx, input)),
});

const printersRouter = router({
  list: procedure('printer.print').query(async ({ ctx }) =>
    toWireList(await ctx.services.db.models.Printer.findAll({ order: [['name', 'ASC']] })),
  ),

  /** Chooses the active delivery-note and label printers ("Ingen valgt" = null). */
  choose: procedure('printer.write')
    .input(serverSettingsEditInput.pick({ activePrinterId: true, activeLabelPrinterId: true }))
    .mutation(({ ctx, input }) => editSettings(ctx, input)),

  create: procedure('printer.write')
    .input(printerCreateInput)
    .mutation(({ ctx, input }) =>
      writeWeb(ctx, async ({ transaction, publish }) => {
        const row = await createRow(ctx.services.db.models.Printer, input, transaction);
        const after = toWire(row);
        publish({ entity: 'Printer', op: 'upsert', rows: [after], visibility: PRODUCTION });
        return after;
      }),
    ),

  edit: procedure('printer.write')
    .input(printerEditInput)
    .mutation(({ ctx, input }) =>
      writeWeb(ctx, async ({ transaction, publish }) => {
        const row = await findRow(ctx.services.db.models.Printer, input.id, 'Printer', transaction);
        if (input.labelPrinter === false && row.labelPrinter) {
          const settings = await settingsRow(ctx.services, transaction);
          if (settings.activeLabelPrinterId === row.id) {
            throw apiError('NOT_LABEL_PRINTER');
          }
        }
        if (await saveChanges(row, changesOf(input), transaction)) {
          publish({
            entity: 'Printer',
            op: 'upsert',
            rows: [toWire(row)],
            visibility: PRODUCTION,
          });
        }
        return toWire(row);
      }),
    ),

  /** An active printer is refused with REFERENCED (choose another first). */
  delete: procedure('printer.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeWeb(ctx, async ({ transaction, publish }) => {
        const row = await findRow(ctx.services.db.models.Printer, input.id, 'Printer', transaction);
        await row.destroy({ transaction });
        publish({ entity: 'Printer', op: 'delete', ids: [row.id], visibility: PRODUCTION });
        return { id: input.id };
      }),
    ),
});

type AddressRow = WireRow<ServiceAddress>;

/** Refuses a change that would leave the worklist without its RIS: choose another first. */
async function assertNotTheRis(
  services: ApiServices,
  address: ServiceAddress,
  transaction: Transaction,
): Promise<void> {
  const settings = await settingsRow(services, transaction);
  if (settings.risAddressId === address.id) {
    throw apiError('RIS_ADDRESS_IN_USE');
  }
}

const serviceAddressesRouter = router({
  list: procedure('admin.config').query(async ({ ctx }) =>
    toWireList(await ctx.services.db.models.ServiceAddress.findAll({ order: [['id', 'ASC']] })),
  ),

  /**
   * Per kind, which address the services use now: the environment variable's (it wins when
   * set) or the stored one(s), or none (addressesInForce.ts).
   */
  inForce: procedure('admin.config').query(({ ctx }): Promise<AddressInForce[]> =>
    addressesInForce(ctx.services.db, ctx.services.env),
  ),

  create: procedure('admin.config')
    .input(serviceAddressCreateInput)
    .mutation(({ ctx, input }) =>
      writeAccess(ctx, async ({ transaction, publish, audit }) => {
        const row = await createRow(ctx.services.db.models.ServiceAddress, input, transaction);
        const after: AddressRow = toWire(row);
        audit({
          action: 'serviceAddress.create',
          entity: 'ServiceAddress',
          entityId: row.id,
          after,
        });
        publish({ entity: 'ServiceAddress', op: 'upsert', rows: [after], visibility: PRODUCTION });
        return after;
      }),
    ),

  /** The RIS address keeps its kind (refused with RIS_ADDRESS_IN_USE). */
  edit: procedure('admin.config')
    .input(serviceAddressEditInput)
    .mutation(({ ctx, input }) =>
      writeAccess(ctx, async ({ transaction, publish, audit }) => {
        const { ServiceAddress } = ctx.services.db.models;
        const row = await findRow(ServiceAddress, input.id, 'ServiceAddress', transaction);
        const kind = input.kind ?? row.kind;
        const aeTitle = input.aeTitle === undefined ? row.aeTitle : input.aeTitle;
        // A DICOM worklist is addressed by its AE title as much as by host and port.
        if (kind === ServiceAddressKind.Dicom && aeTitle == null) {
          throw apiError('INVALID_INPUT', {}, { fields: ['aeTitle'] });
        }
        if (kind !== ServiceAddressKind.Dicom) {
          await assertNotTheRis(ctx.services, row, transaction);
        }
        const before: AddressRow = toWire(row);
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after: AddressRow = toWire(row);
          audit({
            action: 'serviceAddress.edit',
            entity: 'ServiceAddress',
            entityId: row.id,
            before,
            after,
          });
          publish({
            entity: 'ServiceAddress',
            op: 'upsert',
            rows: [after],
            visibility: PRODUCTION,
          });
        }
        return toWire(row);
      }),
    ),

  /** The RIS address is refused with RIS_ADDRESS_IN_USE (choose another RIS address first). */
  delete: procedure('admin.config')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeAccess(ctx, async ({ transaction, publish, audit }) => {
        const { ServiceAddress } = ctx.services.db.models;
        const row = await findRow(ServiceAddress, input.id, 'ServiceAddress', transaction);
        await assertNotTheRis(ctx.services, row, transaction);
        const before: AddressRow = toWire(row);
        await row.destroy({ transaction });
        audit({
          action: 'serviceAddress.delete',
          entity: 'ServiceAddress',
          entityId: row.id,
          before,
        });
        publish({ entity: 'ServiceAddress', op: 'delete', ids: [row.id], visibility: PRODUCTION });
        return { id: input.id };
      }),
    ),
});

type NoticeRow = WireRow<CustomerNotice>;

/** A notice as `user` sees it: shop users only learn of their own customers among those named. */
function noticeFor(user: SessionUser, notice: NoticeRow): NoticeRow {
  const limit = customerLimitOf(user);
  return limit === null
    ? notice
    : { ...notice, customerIds: notice.customerIds.filter((id) => limit.includes(id)) };
}

/**
 * Production receives the notice; the shop users of each named customer receive it with that
 * customer only; customers no longer named receive a delete.
 */
function noticeChanges(notice: NoticeRow, previousCustomerIds: number[] = []): PublishedChange[] {
  const changes: PublishedChange[] = [
    { entity: 'CustomerNotice', op: 'upsert', rows: [notice], visibility: PRODUCTION },
  ];
  for (const customerId of notice.customerIds) {
    changes.push({
      entity: 'CustomerNotice',
      op: 'upsert',
      rows: [{ ...notice, customerIds: [customerId] }],
      visibility: { kind: 'customerOnly', customerId },
    });
  }
  for (const customerId of previousCustomerIds) {
    if (!notice.customerIds.includes(customerId)) {
      changes.push({
        entity: 'CustomerNotice',
        op: 'delete',
        ids: [notice.id],
        visibility: { kind: 'customerOnly', customerId },
      });
    }
  }
  return changes;
}

/** Notices name customers of the record database; no foreign key checks that, so we do. */
async function assertCustomersExist(services: ApiServices, customerIds: number[]): Promise<void> {
  const unique = [...new Set(customerIds)];
  const found = await services.db.models.Customer.count({ where: { id: unique } });
  if (found !== unique.length) {
    throw notFound('Customer');
  }
}

const noticesRouter = router({
  /** Shop users: the current notices of their customers; production: every notice. */
  list: procedure('notice.read').query(async ({ ctx }) => {
    const { CustomerNotice } = ctx.services.db.models;
    const limit = customerLimitOf(ctx.user);
    if (limit === null) {
      return toWireList(await CustomerNotice.findAll({ order: [['id', 'ASC']] })).map((notice) =>
        noticeFor(ctx.user, notice),
      );
    }
    const today = siteToday(ctx.services.clock, ctx.services.config.timeZone);
    const notices = await CustomerNotice.findAll({ order: [['id', 'ASC']] });
    return toWireList(notices)
      .filter((notice) => isNoticeCurrent(notice.expiresOn, today))
      .map((notice) => noticeFor(ctx.user, notice))
      .filter((notice) => notice.customerIds.length > 0);
  }),

  create: procedure('notice.write')
    .input(customerNoticeCreateInput)
    .mutation(async ({ ctx, input }) => {
      await assertCustomersExist(ctx.services, input.customerIds);
      return writeWeb(ctx, async ({ transaction, publish }) => {
        const row = await createRow(
          ctx.services.db.models.CustomerNotice,
          { ...input, customerIds: [...new Set(input.customerIds)] },
          transaction,
        );
        const after = toWire(row);
        publish(...noticeChanges(after));
        return after;
      });
    }),

  edit: procedure('notice.write')
    .input(customerNoticeEditInput)
    .mutation(async ({ ctx, input }) => {
      if (input.customerIds !== undefined) {
        await assertCustomersExist(ctx.services, input.customerIds);
      }
      return writeWeb(ctx, async ({ transaction, publish }) => {
        const { CustomerNotice } = ctx.services.db.models;
        const row = await findRow(CustomerNotice, input.id, 'CustomerNotice', transaction);
        const previousCustomerIds = row.customerIds;
        const changes = changesOf(input);
        if (changes.customerIds !== undefined) {
          changes.customerIds = [...new Set(changes.customerIds)];
        }
        if (await saveChanges(row, changes, transaction)) {
          publish(...noticeChanges(toWire(row), previousCustomerIds));
        }
        return toWire(row);
      });
    }),

  delete: procedure('notice.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeWeb(ctx, async ({ transaction, publish }) => {
        const { CustomerNotice } = ctx.services.db.models;
        const row = await findRow(CustomerNotice, input.id, 'CustomerNotice', transaction);
        await row.destroy({ transaction });
        publish(
          { entity: 'CustomerNotice', op: 'delete', ids: [row.id], visibility: PRODUCTION },
          ...row.customerIds.map((customerId): PublishedChange => ({
            entity: 'CustomerNotice',
            op: 'delete',
            ids: [row.id],
            visibility: { kind: 'customerOnly', customerId },
          })),
        );
        return { id: input.id };
      }),
    ),
});

export { noticesRouter, printersRouter, serviceAddressesRouter, settingsRouter };
