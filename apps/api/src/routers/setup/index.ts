/**
 * Set-up: the configuration everybody reads (`setup.catalog`) and the set-up pages of
 * production, the shop and the site admin, one sub-router per entity.
 */
import { router } from '../../trpc/init';
import { catalogRead } from './catalog';
import { catalogPagesRouter, customersRouter, endpointsRouter } from './customers';
import { closedDatesRouter, deadlinesRouter } from './deadlines';
import { isotopesRouter } from './isotopes';
import { releaseRightsRouter } from './releaseRights';
import { locationsRouter, procedureIdentifiersRouter, proceduresRouter } from './ris';
import {
  deliverySlotsRouter,
  isotopeDeliveriesRouter,
  isotopeProductionsRouter,
  productionsRouter,
} from './schedule';
import { noticesRouter, printersRouter, serviceAddressesRouter, settingsRouter } from './settings';
import { tracersRouter } from './tracers';
import { externalUsersRouter, userAssignmentsRouter, usersRouter } from './users';

export const setupRouter = router({
  catalog: catalogRead,
  isotopes: isotopesRouter,
  tracers: tracersRouter,
  customers: customersRouter,
  endpoints: endpointsRouter,
  catalogPages: catalogPagesRouter,
  productions: productionsRouter,
  deliverySlots: deliverySlotsRouter,
  isotopeProductions: isotopeProductionsRouter,
  isotopeDeliveries: isotopeDeliveriesRouter,
  deadlines: deadlinesRouter,
  closedDates: closedDatesRouter,
  settings: settingsRouter,
  printers: printersRouter,
  serviceAddresses: serviceAddressesRouter,
  notices: noticesRouter,
  releaseRights: releaseRightsRouter,
  externalUsers: externalUsersRouter,
  userAssignments: userAssignmentsRouter,
  users: usersRouter,
  locations: locationsRouter,
  procedureIdentifiers: procedureIdentifiersRouter,
  procedures: proceduresRouter,
});
