/**
 * The role matrix (the user guides in docs/ and docs/domain.md) as data, so that the api checks
 * every procedure against one table and the apps hide exactly what the api would refuse.
 *
 * An action says *which role may try*; the rest is checked by the caller:
 * - customer scoping for shop groups 4, 5, 6 (`isShopScoped`, docs/domain.md);
 * - order status, deadlines and closed dates (docs/domain.md);
 * - for releases, the release right (`hasReleaseRight`) and the password re-check.
 */
import { UserGroup } from './enums';

const { Admin, ProductionAdmin, ProductionUser, ShopAdmin, ShopUser, ShopExternal } = UserGroup;

function groups(...members: UserGroup[]): readonly UserGroup[] {
  return Object.freeze(members);
}

const EVERYONE = groups(Admin, ProductionAdmin, ProductionUser, ShopAdmin, ShopUser, ShopExternal);
const SHOP = groups(Admin, ShopAdmin, ShopUser, ShopExternal);
const SHOP_INTERNAL = groups(Admin, ShopAdmin, ShopUser);
const SHOP_ADMINS = groups(Admin, ShopAdmin);
const PRODUCTION = groups(Admin, ProductionAdmin, ProductionUser);
const PRODUCTION_ADMINS = groups(Admin, ProductionAdmin);
const SITE_ADMIN = groups(Admin);

const matrix = {
  // --- Everybody logged in (shop groups scoped to their customers) ---
  /**
   * Read configuration: tracers, isotopes, customers, endpoints, slots, catalog, deadlines, closed
   * dates, locations, procedures. Overhead is never sent to shop groups.
   */
  'setup.read': EVERYONE,
  /**
   * Download release documents of released orders (activity certificate, injection and isotope
   * documents).
   */
  'document.read': EVERYONE,
  /** Read the customer notices addressed to one's customers. */
  'notice.read': EVERYONE,

  // --- Shop ---
  /** Read one's customers' activity, injection and isotope orders in the shop. */
  'order.shop.read': SHOP,
  /**
   * Create, edit and delete one's customers' orders that are and stay Ordered, before the deadline
   * (external users: manual ordering).
   */
  'order.shop.write': SHOP,
  /**
   * Read RIS bookings and the booking overview of one's customers' endpoints (hidden from external
   * users).
   */
  'booking.read': SHOP_INTERNAL,
  /** Order (or reject) bookings in one go: mass ordering (not for external users). */
  'booking.massOrder': SHOP_INTERNAL,
  /** Shop setup: rename locations and tie them to endpoints, configure procedures per endpoint. */
  'shopSetup.write': SHOP_ADMINS,
  /** Grant and revoke colleagues' (groups 4, 5) access to customers one is assigned to oneself. */
  'shopAccess.write': SHOP_ADMINS,

  // --- Production ---
  /** Read all customers' orders on the production pages, incl. the weekly plan. */
  'order.production.read': PRODUCTION,
  /**
   * Accept, reject and un-reject, move and restore, edit the dose, create orders on behalf of a
   * customer.
   */
  'order.production.manage': PRODUCTION,
  /**
   * Attempt a release (activity, injection, several injections, isotope); the release right and the
   * password are checked separately.
   */
  'order.release': PRODUCTION,
  /** Correct a released order back to Accepted, detaching its vials (signed, audited). */
  'order.correct': PRODUCTION,
  /** Delete a released order (audited). */
  'order.deleteReleased': SITE_ADMIN,
  /** Read the vial page, vials in the release modal and vial labels. */
  'vial.read': PRODUCTION,
  /** Create, edit and delete unassigned vials and isotope vials by hand (audited). */
  'vial.write': PRODUCTION,
  /** Ask the dispenser-file watcher to scan its folder again ("Hent manglende glas"). */
  'vial.rescan': PRODUCTION,
  /**
   * Trace a lot or batch: every delivery, vial, order and booking it reached, and its export
   * (a recall; read only, the export audited).
   */
  'recall.read': PRODUCTION,
  /** Send vial labels and delivery notes to the configured printers. */
  'printer.print': PRODUCTION,
  /** Read release rights (production users see whom the release buttons are enabled for). */
  'releaseRight.read': PRODUCTION,
  /**
   * Grant, change and revoke release rights; never to oneself unless site admin
   * (`mayGrantReleaseRight`).
   */
  'releaseRight.write': PRODUCTION_ADMINS,
  /**
   * Production setup: customers, endpoints, slots, overhead, tracers, catalogue, isotopes,
   * productions, deadlines, closed dates.
   */
  'productionSetup.write': PRODUCTION_ADMINS,
  /** Configure printers and choose the active label and delivery-note printers. */
  'printer.write': PRODUCTION_ADMINS,
  /** Write customer notices shown in the shop. */
  'notice.write': PRODUCTION_ADMINS,
  /** Read the monitoring statistics (released on time / late / not released). */
  'monitoring.read': PRODUCTION_ADMINS,
  /** Download the monthly Excel export of released orders and vials. */
  'export.monthly': PRODUCTION_ADMINS,
  /** Create external shop users, change their password and assign their customer. */
  'externalUser.write': PRODUCTION_ADMINS,
  /**
   * Create, list and revoke API tokens for scripts: the site admin of every role, a production
   * admin of the production roles (`tokenRolesGrantableBy`).
   */
  'apiToken.manage': PRODUCTION_ADMINS,
  /**
   * List user accounts (never password hashes): production admins all, shop admins their customers'
   * colleagues.
   */
  'user.read': groups(Admin, ProductionAdmin, ShopAdmin),

  // --- Site administration ---
  /**
   * Server settings, service addresses (RIS, LDAP), procedure identifiers (PET or not), switching
   * sites.
   */
  'admin.config': SITE_ADMIN,
  /** Change any user's group or active flag (role assignment, audited). */
  'admin.users.write': SITE_ADMIN,
  /** Read and verify the audit trail and the login events. */
  'admin.audit.read': SITE_ADMIN,
  /** Record a signed review of the audit trail for a period (periodic review). */
  'admin.audit.review': SITE_ADMIN,
  /** Read telemetry (calls and latency per procedure). */
  'admin.telemetry.read': SITE_ADMIN,
} as const satisfies Record<string, readonly UserGroup[]>;

/**
 * Something a procedure does that the role matrix decides on; see `permissionMatrix` for each
 * meaning.
 */
export type Action = keyof typeof matrix;

/** The groups that may perform each action. Anonymous (0) is in no list. */
export const permissionMatrix: Record<Action, readonly UserGroup[]> = Object.freeze(matrix);

/** Every action, in the order of the matrix. */
export const ACTIONS: readonly Action[] = Object.freeze(Object.keys(matrix) as Action[]);

/** Whether `userGroup` may perform `action`; anonymous users and unknown actions never may. */
export function allowed(userGroup: UserGroup, action: Action): boolean {
  if (userGroup === UserGroup.Anon || !Object.hasOwn(permissionMatrix, action)) {
    return false;
  }
  return permissionMatrix[action].includes(userGroup);
}

/** The actions `userGroup` may perform, in matrix order (none for anonymous). */
export function actionsOf(userGroup: UserGroup): Action[] {
  return ACTIONS.filter((action) => allowed(userGroup, action));
}
