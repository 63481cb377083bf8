/**
 * `setup.catalog`: the configuration the caller may see, in one call (what the legacy
 * `readState` sent everyone, now filtered, docs/operations.md). Catalog data
 * (isotopes, tracers, productions, deadlines, closed dates, procedure identifiers) is the same
 * for all; shop users (groups 4, 5, 6) get only their customers' rows, and catalog pages
 * without the overhead (docs/domain.md).
 */
import { addDays, stateReadInput } from '@tracershop/core';
import { SERVER_SETTINGS_ID } from '@tracershop/db';
import { Op } from 'sequelize';
import type { WhereOptions } from 'sequelize';
import { siteToday } from '../../clock';
import { customerLimitOf } from '../../customerScope';
import type { ApiServices } from '../../services';
import { procedure } from '../../trpc/init';
import type { CustomerCatalogPage } from './customers';
import { withoutOverhead } from './customers';
import { toWireList } from '../../wire';

/** Rows in id order; a fresh options object per query, never one shared by concurrent ones. */
const byId = () => ({ order: [['id', 'ASC']] as [string, string][] });

/**
 * Closed dates within ± the settings' `dateRangeDays` of `date`, or, without a date, from
 * today on (the past no longer limits ordering).
 */
async function closedDateWindow(
  services: ApiServices,
  date: string | undefined,
): Promise<WhereOptions> {
  if (date === undefined) {
    return { closeDate: { [Op.gte]: siteToday(services.clock, services.config.timeZone) } };
  }
  const settings = await services.db.models.ServerSettings.findByPk(SERVER_SETTINGS_ID);
  const days = settings?.dateRangeDays ?? 64;
  return { closeDate: { [Op.between]: [addDays(date, -days), addDays(date, days)] } };
}

export const catalogRead = procedure('setup.read')
  .input(stateReadInput.optional())
  .query(async ({ ctx, input }) => {
    const { services } = ctx;
    const m = services.db.models;
    const limit = customerLimitOf(ctx.user);

    const [
      isotopes,
      tracers,
      productions,
      isotopeProductions,
      deadlines,
      closedDates,
      procedureIdentifiers,
    ] = await Promise.all([
      m.Isotope.findAll(byId()),
      m.Tracer.findAll(byId()),
      m.ActivityProduction.findAll(byId()),
      m.IsotopeProduction.findAll(byId()),
      m.Deadline.findAll(byId()),
      closedDateWindow(services, input?.date).then((where) =>
        m.ClosedDate.findAll({ where, order: [['closeDate', 'ASC']] }),
      ),
      m.ProcedureIdentifier.findAll(byId()),
    ]);

    const customers = await m.Customer.findAll(
      limit === null ? byId() : { ...byId(), where: { id: limit } },
    );
    const endpoints = await m.DeliveryEndpoint.findAll(
      limit === null ? byId() : { ...byId(), where: { customerId: limit } },
    );
    const ofEndpoints =
      limit === null ? byId() : { ...byId(), where: { endpointId: endpoints.map((e) => e.id) } };
    const [deliverySlots, isotopeDeliveries, pages, locations, procedures] = await Promise.all([
      m.ActivityDeliveryTimeSlot.findAll(ofEndpoints),
      m.IsotopeDelivery.findAll(ofEndpoints),
      m.TracerCatalogPage.findAll(ofEndpoints),
      m.Location.findAll(ofEndpoints),
      m.Procedure.findAll(ofEndpoints),
    ]);
    const fullPages = toWireList(pages);
    const catalogPages: Array<CustomerCatalogPage & { overheadMultiplier?: number }> =
      limit === null ? fullPages : fullPages.map(withoutOverhead);

    const deadlineRows = toWireList(deadlines);
    return {
      isotopes: toWireList(isotopes),
      tracers: toWireList(tracers),
      productions: toWireList(productions),
      isotopeProductions: toWireList(isotopeProductions),
      deadlines: deadlineRows,
      /** The ids of the global activity and injection deadlines. */
      globalDeadlines: {
        activity: deadlineRows.find((row) => row.appliesTo === 'activity')?.id ?? null,
        injection: deadlineRows.find((row) => row.appliesTo === 'injection')?.id ?? null,
      },
      closedDates: toWireList(closedDates),
      procedureIdentifiers: toWireList(procedureIdentifiers),
      customers: toWireList(customers),
      endpoints: toWireList(endpoints),
      deliverySlots: toWireList(deliverySlots),
      isotopeDeliveries: toWireList(isotopeDeliveries),
      catalogPages,
      locations: toWireList(locations),
      procedures: toWireList(procedures),
    };
  });
