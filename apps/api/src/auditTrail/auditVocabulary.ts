/**
 * The words of the audit trail (docs/domain.md, "The audit trail in words"), in Danish and
 * English: what each kind of record is called, what each action did, what each stored field
 * is called on the screens and how its value is shown. The page, the PDF and the CSV export
 * all read the trail through these words, so an inspector sees the same line everywhere.
 *
 * A field missing here would be shown by its stored name; `test/auditInWords.test.ts` walks
 * every action and every stored field so none is.
 */

export type Language = 'da' | 'en';
export const LANGUAGES = ['da', 'en'] as const;

/** A text in both languages. */
export interface Words {
  da: string;
  en: string;
}

function w(da: string, en: string): Words {
  return { da, en };
}

/** The kinds of records the trail names (the api's entity names). */
export const ENTITY_WORDS = {
  ActivityOrder: w('Aktivitetsordre', 'Activity order'),
  InjectionOrder: w('Injektionsordre', 'Injection order'),
  IsotopeOrder: w('Isotopordre', 'Isotope order'),
  Vial: w('Hætteglas', 'Vial'),
  IsotopeVial: w('Isotophætteglas', 'Isotope vial'),
  ReleaseRight: w('Frigivelsesrettighed', 'Release right'),
  User: w('Bruger', 'User'),
  UserAssignment: w('Brugertilknytning', 'User assignment'),
  Customer: w('Kunde', 'Customer'),
  DeliveryEndpoint: w('Leveringssted', 'Delivery endpoint'),
  ActivityDeliveryTimeSlot: w('Leveringstid', 'Delivery time'),
  ActivityProduction: w('Produktion', 'Production'),
  Tracer: w('Tracer', 'Tracer'),
  TracerCatalogPage: w('Katalogside', 'Catalogue page'),
  Isotope: w('Isotop', 'Isotope'),
  IsotopeProduction: w('Isotopproduktion', 'Isotope production'),
  IsotopeDelivery: w('Isotoplevering', 'Isotope delivery'),
  Deadline: w('Deadline', 'Deadline'),
  ClosedDate: w('Lukkedag', 'Closed day'),
  Booking: w('Booking', 'Booking'),
  Location: w('Lokation', 'Location'),
  Procedure: w('Procedure', 'Procedure'),
  ProcedureIdentifier: w('Undersøgelseskode', 'Study code'),
  ServerSettings: w('Serverindstillinger', 'Server settings'),
  Printer: w('Printer', 'Printer'),
  ServiceAddress: w('Tjenesteadresse', 'Service address'),
  CustomerNotice: w('Kundebesked', 'Customer notice'),
  ApiToken: w('API-nøgle', 'API token'),
  Recall: w('Tilbagekaldelse', 'Recall'),
  AuditReview: w('Gennemgang af revisionsspor', 'Audit trail review'),
  AuditExport: w('Udtræk af revisionsspor', 'Audit trail export'),
  Site: w('Site', 'Site'),
} as const satisfies Record<string, Words>;

export type EntityKind = keyof typeof ENTITY_WORDS;

export function isEntityKind(name: string): name is EntityKind {
  return Object.hasOwn(ENTITY_WORDS, name);
}

/**
 * What an action did, by its verb (the part after the entity, parts joined by `_`):
 * `activityOrder.release.signatureRefused` → `release_signatureRefused`.
 */
export const VERB_WORDS = {
  create: w('oprettet', 'created'),
  edit: w('ændret', 'changed'),
  delete: w('slettet', 'deleted'),
  accept: w('accepteret', 'accepted'),
  reject: w('afvist', 'rejected'),
  unreject: w('afvisning fortrudt', 'rejection undone'),
  move: w('flyttet', 'moved'),
  restore: w('flyttet tilbage', 'moved back'),
  editDose: w('dosis ændret', 'dose changed'),
  release: w('frigivet', 'released'),
  releaseMany: w('frigivet samlet', 'released together'),
  correct: w('rettet', 'corrected'),
  releaseRenamed: w(
    'frigivelse overtaget af en anden ordre',
    'release taken over by another order',
  ),
  import: w('importeret fra dispenseren', 'imported from the dispenser'),
  detach: w('taget fra ordren', 'detached from its order'),
  reassign: w('flyttet til en anden ordre', 'moved to another order'),
  retention: w('slettet efter opbevaringstiden', 'removed after the retention period'),
  export: w('eksporteret', 'exported'),
  seedDemo: w('demodata oprettet', 'demo data created'),
  limitOverride: w('over grænsen med begrundelse', 'over the limit with a reason'),
  release_signatureRefused: w('underskrift afvist ved frigivelse', 'signature refused at release'),
  releaseMany_signatureRefused: w(
    'underskrift afvist ved samlet frigivelse',
    'signature refused at a joint release',
  ),
  correct_signatureRefused: w(
    'underskrift afvist ved rettelse',
    'signature refused at a correction',
  ),
  create_signatureRefused: w('underskrift afvist', 'signature refused'),
  changePassword: w('kodeord skiftet', 'password changed'),
  resetPassword: w(
    'kodeord nulstillet (skal skiftes ved næste login)',
    'password reset (to be changed at the next login)',
  ),
  changePassword_refused: w('skift af kodeord afvist', 'password change refused'),
  provision: w('oprettet ved første login', 'created at first login'),
  archive: w('arkiveret', 'archived'),
  order: w('bestilt', 'ordered'),
  revoke: w('tilbagekaldt', 'revoked'),
} as const satisfies Record<string, Words>;

/** Actions whose verb means something else for this kind of record. */
export const ACTION_WORDS: Record<string, Words> = {
  'tracer.restore': w('taget i brug igen', 'taken back into use'),
  'legacy.import': w('overført fra det gamle system', 'imported from the legacy system'),
};

/** How a stored value is shown. */
export type ValueKind =
  | 'text'
  | 'number'
  | 'flag'
  | 'activity'
  | 'volume'
  | 'percent'
  | 'hours'
  | 'minutes'
  | 'seconds'
  | 'date'
  | 'time'
  | 'instant'
  | 'orderStatus'
  | 'bookingStatus'
  | 'weekday'
  | 'userGroup'
  | 'deadlineType'
  | 'deadlineScope'
  | 'tracerType'
  | 'tracerUsage'
  | 'weeklyRepeat'
  | 'meaning'
  | 'hash'
  | 'localDateTime'
  | 'refusedBecause'
  | 'userSource'
  | 'tokenAccess'
  | 'actionName'
  | 'entityName'
  | 'breaches'
  | { ref: EntityKind }
  | { refs: EntityKind };

export interface FieldWords {
  label: Words;
  value: ValueKind;
}

function f(da: string, en: string, value: ValueKind = 'text'): FieldWords {
  return { label: w(da, en), value };
}

const ORDERED_BY = f('Bestilt af', 'Ordered by');
const RELEASED_BY = f('Frigivet af', 'Released by');
const DELIVERY_DATE = f('Leveringsdato', 'Delivery date', 'date');
const DELIVERY_TIME = f('Leveringstid', 'Delivery time', 'time');
const COMMENT = f('Kommentar', 'Comment');
const NAME = f('Navn', 'Name');

/**
 * Fields by their stored name, the same meaning wherever they occur. A field whose value is
 * only an id kept for the expert (the name beside it is what people read) is `null`: it is
 * left out of the lines and stays in the full snapshots.
 */
export const FIELD_WORDS: Record<string, FieldWords | null> = {
  id: null,
  // Orders
  status: f('Status', 'Status', 'orderStatus'),
  orderedActivity: f('Bestilt aktivitet', 'Ordered activity', 'activity'),
  deliveryDate: DELIVERY_DATE,
  deliveryTime: DELIVERY_TIME,
  comment: COMMENT,
  orderedTimeSlotId: f('Bestilt til', 'Ordered for', { ref: 'ActivityDeliveryTimeSlot' }),
  movedToTimeSlotId: f('Flyttet til', 'Moved to', { ref: 'ActivityDeliveryTimeSlot' }),
  orderedById: null,
  orderedByName: ORDERED_BY,
  freedAt: f('Frigivet', 'Released', 'instant'),
  freedById: null,
  freedByName: RELEASED_BY,
  releasedWithId: f('Frigivet med ordre', 'Released with order', { ref: 'ActivityOrder' }),
  injections: f('Injektioner', 'Injections', 'number'),
  tracerUsage: f('Anvendelse', 'Use', 'tracerUsage'),
  lotNumber: f('Lotnummer', 'Lot number'),
  maxInjectionVolume: f('Største injektionsvolumen', 'Largest injection volume', 'volume'),
  isotopeDeliveryId: f('Isotoplevering', 'Isotope delivery', { ref: 'IsotopeDelivery' }),
  // References
  customerId: f('Kunde', 'Customer', { ref: 'Customer' }),
  endpointId: f('Leveringssted', 'Delivery endpoint', { ref: 'DeliveryEndpoint' }),
  tracerId: f('Tracer', 'Tracer', { ref: 'Tracer' }),
  isotopeId: f('Isotop', 'Isotope', { ref: 'Isotope' }),
  productionId: f('Produktion', 'Production', { ref: 'ActivityProduction' }),
  isotopeProductionId: f('Isotopproduktion', 'Isotope production', { ref: 'IsotopeProduction' }),
  locationId: f('Lokation', 'Location', { ref: 'Location' }),
  procedureIdentifierId: f('Undersøgelseskode', 'Study code', { ref: 'ProcedureIdentifier' }),
  userId: f('Bruger', 'User', { ref: 'User' }),
  // Vials
  fillDate: f('Tappedato', 'Fill date', 'date'),
  fillTime: f('Tappetid', 'Fill time', 'time'),
  activity: f('Aktivitet', 'Activity', 'activity'),
  volume: f('Volumen', 'Volume', 'volume'),
  assignedToId: f('Tildelt ordre', 'Assigned to order', { ref: 'ActivityOrder' }),
  batchNumber: f('Batchnummer', 'Batch number'),
  calibratedAt: f('Kalibreret', 'Calibrated', 'instant'),
  deliveredWithId: f('Leveret med ordre', 'Delivered with order', { ref: 'IsotopeOrder' }),
  // Signatures (release, correction)
  orders: f('Ordrer', 'Orders'),
  order: f('Ordre', 'Order'),
  vials: f('Hætteglas', 'Vials'),
  isotopeVials: f('Isotophætteglas', 'Isotope vials'),
  meaning: f('Betydning', 'Meaning', 'meaning'),
  orderIds: f('Ordrer', 'Orders', { refs: 'ActivityOrder' }),
  entityIds: f('Ordrer', 'Orders', 'text'),
  pivotOrderId: f('Frigivet under ordre', 'Released under order', { ref: 'ActivityOrder' }),
  slotId: f('Leveringstid', 'Delivery time', { ref: 'ActivityDeliveryTimeSlot' }),
  signedAt: f('Underskrevet', 'Signed', 'instant'),
  signedBy: f('Underskrevet af', 'Signed by'),
  name: NAME,
  dispensing: f('Udlevering', 'Dispensing'),
  referenceTime: f('Referencetid', 'Reference time', 'localDateTime'),
  required: f('Krævet', 'Required', 'activity'),
  delivered: f('Leveret', 'Delivered', 'activity'),
  deviation: f('Afvigelse', 'Deviation'),
  deviationPercent: f('Afvigelse', 'Deviation', 'percent'),
  activityOrderIds: f('Aktivitetsordrer', 'Activity orders', { refs: 'ActivityOrder' }),
  injectionOrderIds: f('Injektionsordrer', 'Injection orders', { refs: 'InjectionOrder' }),
  isotopeOrderIds: f('Isotopordrer', 'Isotope orders', { refs: 'IsotopeOrder' }),
  detachedVialIds: f('Hætteglas taget fra', 'Vials detached', { refs: 'Vial' }),
  detachedIsotopeVialIds: f('Isotophætteglas taget fra', 'Isotope vials detached', {
    refs: 'IsotopeVial',
  }),
  breaches: f('Over grænsen', 'Over the limit', 'breaches'),
  // Catalogue
  shortname: NAME,
  clinicalName: f('Klinisk navn', 'Clinical name'),
  tracerType: f('Type', 'Type', 'tracerType'),
  vialTag: f('Hætteglasmærke', 'Vial tag'),
  archived: f('Arkiveret', 'Archived', 'flag'),
  marketed: f('Markedsført', 'Marketed', 'flag'),
  maxActivityPerOrder: f('Største aktivitet pr. ordre', 'Largest activity per order', 'activity'),
  maxActivityPerDelivery: f(
    'Største aktivitet pr. levering',
    'Largest activity per delivery',
    'activity',
  ),
  maxInjectionsPerOrder: f('Flest injektioner pr. ordre', 'Most injections per order', 'number'),
  releaseLeadHours: f('Frigives senest før levering', 'Released at the latest before', 'hours'),
  underDeliveryTolerancePercent: f('Tolerance under', 'Tolerance below', 'percent'),
  overDeliveryTolerancePercent: f('Tolerance over', 'Tolerance above', 'percent'),
  atomicNumber: f('Atomnummer', 'Atomic number', 'number'),
  atomicMass: f('Massetal', 'Mass number', 'number'),
  atomicLetter: f('Grundstof', 'Element'),
  halflifeSeconds: f('Halveringstid', 'Half-life', 'seconds'),
  metastable: f('Metastabil', 'Metastable', 'flag'),
  overheadMultiplier: f('Overheadfaktor', 'Overhead factor', 'number'),
  maxInjections: f('Flest injektioner', 'Most injections', 'number'),
  // Customers and endpoints
  shortName: f('Kortnavn', 'Short name'),
  longName: NAME,
  dispenserId: f('Dispenser-id', 'Dispenser id', 'number'),
  billingAddress: f('Fakturaadresse', 'Billing address'),
  billingCity: f('Faktura: by', 'Billing city'),
  billingEmail: f('Faktura: e-mail', 'Billing e-mail'),
  billingPhone: f('Faktura: telefon', 'Billing phone'),
  billingZipCode: f('Faktura: postnummer', 'Billing postcode'),
  address: f('Adresse', 'Address'),
  city: f('By', 'City'),
  zipCode: f('Postnummer', 'Postcode'),
  phone: f('Telefon', 'Phone'),
  // Schedule
  weekday: f('Ugedag', 'Weekday', 'weekday'),
  productionTime: f('Produktionstid', 'Production time', 'time'),
  weeklyRepeat: f('Gentagelse', 'Repeats', 'weeklyRepeat'),
  expirationDate: f('Gælder til', 'Valid until', 'date'),
  deadlineType: f('Type', 'Type', 'deadlineType'),
  deadlineTime: f('Tidspunkt', 'Time', 'time'),
  appliesTo: f('Gælder for', 'Applies to', 'deadlineScope'),
  closeDate: f('Dato', 'Date', 'date'),
  // Release rights
  userName: f('Bruger', 'User'),
  expiryDate: f('Udløber', 'Expires', 'date'),
  // RIS
  locationCode: f('Lokationskode', 'Location code'),
  commonName: NAME,
  code: f('Kode', 'Code'),
  description: f('Beskrivelse', 'Description'),
  isPet: f('PET', 'PET', 'flag'),
  tracerUnits: f('Tracermængde', 'Tracer amount', 'number'),
  delayMinutes: f('Forsinkelse', 'Delay', 'minutes'),
  accessionNumber: f('Accessionsnummer', 'Accession number'),
  startDate: f('Dato', 'Date', 'date'),
  startTime: f('Tid', 'Time', 'time'),
  source: f('Kilde', 'Source'),
  deleted: f('Slettet', 'Removed', 'number'),
  upTo: f('Til og med', 'Up to', 'date'),
  // Users
  username: f('Brugernavn', 'Username'),
  usernameKey: null,
  displayName: NAME,
  userGroup: f('Rolle', 'Role', 'userGroup'),
  active: f('Aktiv', 'Active', 'flag'),
  passwordHash: null,
  lastLoginAt: f('Sidste login', 'Last login', 'instant'),
  mustChangePassword: f('Skal skifte kodeord', 'Must change password', 'flag'),
  // Printers, services, settings, notices
  host: f('Vært', 'Host'),
  port: f('Port', 'Port', 'number'),
  uri: f('Adresse', 'Address'),
  labelPrinter: f('Etiketprinter', 'Label printer', 'flag'),
  kind: f('Slags', 'Kind'),
  aeTitle: f('AE-titel', 'AE title'),
  dateRangeDays: f('Dage vist', 'Days shown', 'number'),
  adminPhone: f('Administrators telefon', 'Administrator phone'),
  adminEmail: f('Administrators e-mail', 'Administrator e-mail'),
  activePrinterId: f('Printer', 'Printer', { ref: 'Printer' }),
  activeLabelPrinterId: f('Etiketprinter', 'Label printer', { ref: 'Printer' }),
  risAddressId: f('RIS-adresse', 'RIS address', { ref: 'ServiceAddress' }),
  unitName: f('Enhedens navn', 'Unit name'),
  unitAddress: f('Enhedens adresse', 'Unit address'),
  message: f('Besked', 'Message'),
  expiresOn: f('Udløber', 'Expires', 'date'),
  customerIds: f('Kunder', 'Customers', { refs: 'Customer' }),
  // API tokens of scripts: the owner is named by `ownerName`, the hash only for the expert
  ownerName: f('Ejer', 'Owner'),
  ownerId: null,
  tokenHash: null,
  createdAt: f('Oprettet', 'Created', 'instant'),
  revokedByName: f('Tilbagekaldt af', 'Revoked by'),
  lastUsedAt: f('Sidst brugt', 'Last used', 'instant'),
  lastUsedFrom: f('Sidst brugt fra', 'Last used from'),
  access: f('Adgang', 'Access', 'tokenAccess'),
  expiresAt: f('Udløber', 'Expires', 'instant'),
  revokedAt: f('Tilbagekaldt', 'Revoked', 'instant'),
  // Reviews, exports, recall, documents
  fromDate: f('Fra', 'From', 'date'),
  toDate: f('Til', 'To', 'date'),
  reviewedAt: f('Gennemgået', 'Reviewed', 'instant'),
  reviewerId: null,
  reviewerName: f('Gennemgået af', 'Reviewed by'),
  chainOk: f('Kæden intakt', 'Chain intact', 'flag'),
  eventsChecked: f('Hændelser kontrolleret', 'Events checked', 'number'),
  lot: f('Lot', 'Lot'),
  format: f('Format', 'Format'),
  sha256: f('SHA-256', 'SHA-256', 'hash'),
  customers: f('Kunder', 'Customers'),
  filter: f('Filter', 'Filter'),
  language: f('Sprog', 'Language'),
  entity: f('Slags post', 'Kind of record', 'entityName'),
  entityId: f('Post nr.', 'Record no.'),
  actorId: f('Bruger', 'User', { ref: 'User' }),
  action: f('Handling', 'Action', 'actionName'),
  rows: f('Hændelser', 'Events', 'number'),
  from: f('Fra', 'From', 'instant'),
  to: f('Til', 'To', 'instant'),
  chain: f('Kæden', 'Chain'),
  ok: f('Intakt', 'Intact', 'flag'),
  checked: f('Hændelser kontrolleret', 'Events checked', 'number'),
  reason: f('Begrundelse', 'Reason'),
  refusedBecause: f('Afvist fordi', 'Refused because', 'refusedBecause'),
  remoteAddress: f('Fra adressen', 'From address'),
  legacySource: f('Kilde i det gamle system', 'Source in the legacy system'),
  // The demo site's seed summary
  activityOrders: f('Aktivitetsordrer', 'Activity orders', 'number'),
  activityProductions: f('Produktioner', 'Productions', 'number'),
  auditEvents: f('Hændelser i revisionssporet', 'Audit events', 'number'),
  bookings: f('Bookinger', 'Bookings', 'number'),
  catalogPages: f('Katalogsider', 'Catalogue pages', 'number'),
  closedDates: f('Lukkedage', 'Closed days', 'number'),
  deliverySlots: f('Leveringstider', 'Delivery times', 'number'),
  endpoints: f('Leveringssteder', 'Delivery endpoints', 'number'),
  injectionOrders: f('Injektionsordrer', 'Injection orders', 'number'),
  isotopeOrders: f('Isotopordrer', 'Isotope orders', 'number'),
  isotopes: f('Isotoper', 'Isotopes', 'number'),
  locations: f('Lokationer', 'Locations', 'number'),
  procedures: f('Procedurer', 'Procedures', 'number'),
  releaseRights: f('Frigivelsesrettigheder', 'Release rights', 'number'),
  releases: f('Frigivelser', 'Releases', 'number'),
  today: f('Dato', 'Date', 'date'),
  tracers: f('Tracere', 'Tracers', 'number'),
  users: f('Brugere', 'Users', 'number'),
  now: f('Tidspunkt', 'Time', 'instant'),
};

/** Fields that mean something else on one kind of record. */
export const ENTITY_FIELD_WORDS: Partial<Record<EntityKind, Record<string, FieldWords | null>>> = {
  Booking: { status: f('Status', 'Status', 'bookingStatus') },
  User: { source: f('Kilde', 'Source', 'userSource') },
  // The right names its user by `userName`.
  ReleaseRight: { userId: null },
};

/** The order statuses, as the order pages name them. */
export const ORDER_STATUS_WORDS: Record<number, Words> = {
  1: w('Bestilt', 'Ordered'),
  2: w('Accepteret', 'Accepted'),
  3: w('Frigivet', 'Released'),
  4: w('Afvist', 'Rejected'),
};

export const BOOKING_STATUS_WORDS: Record<number, Words> = {
  0: w('Ikke bestilt', 'Not ordered'),
  1: w('Bestilt', 'Ordered'),
  2: w('Afvist', 'Rejected'),
  3: w('Frigivet', 'Released'),
};

export const WEEKDAY_WORDS: readonly Words[] = [
  w('mandag', 'Monday'),
  w('tirsdag', 'Tuesday'),
  w('onsdag', 'Wednesday'),
  w('torsdag', 'Thursday'),
  w('fredag', 'Friday'),
  w('lørdag', 'Saturday'),
  w('søndag', 'Sunday'),
];

export const USER_GROUP_WORDS: Record<number, Words> = {
  0: w('Ingen', 'None'),
  1: w('Siteadministrator', 'Site administrator'),
  2: w('Produktionsadministrator', 'Production administrator'),
  3: w('Produktion', 'Production'),
  4: w('Kundeadministrator', 'Customer administrator'),
  5: w('Kunde', 'Customer'),
  6: w('Ekstern kunde', 'External customer'),
};

export const VALUE_WORDS = {
  deadlineType: { 0: w('Daglig', 'Daily'), 1: w('Ugentlig', 'Weekly') } as Record<number, Words>,
  deadlineScope: {
    activity: w('Aktivitetsordrer', 'Activity orders'),
    injection: w('Injektionsordrer', 'Injection orders'),
  } as Record<string, Words>,
  tracerType: { 1: w('Aktivitet', 'Activity'), 2: w('Injektioner', 'Injections') } as Record<
    number,
    Words
  >,
  tracerUsage: {
    0: w('Human', 'Human'),
    1: w('Dyr', 'Animal'),
    2: w('Andet', 'Other'),
  } as Record<number, Words>,
  weeklyRepeat: {
    0: w('Hver uge', 'Every week'),
    1: w('Lige uger', 'Even weeks'),
    2: w('Ulige uger', 'Odd weeks'),
  } as Record<number, Words>,
  meaning: {
    released: w('frigivet', 'released'),
    corrected: w('rettet', 'corrected'),
  } as Record<string, Words>,
  userSource: {
    local: w('lokal bruger', 'local user'),
    ldap: w('katalog (LDAP)', 'directory (LDAP)'),
    proxy: w('betroet proxy', 'trusted proxy'),
  } as Record<string, Words>,
  tokenAccess: {
    read: w('kun læse', 'read only'),
    write: w('læse og ændre', 'read and change'),
  } as Record<string, Words>,
  refusedBecause: {
    wrongPassword: w('forkert kodeord', 'wrong password'),
    locked: w('spærret efter for mange forsøg', 'locked after too many attempts'),
  } as Record<string, Words>,
  limits: {
    activityPerOrder: w('Største aktivitet pr. ordre', 'Largest activity per order'),
    activityPerDelivery: w('Største aktivitet pr. levering', 'Largest activity per delivery'),
    injectionsPerOrder: w('Flest injektioner pr. ordre', 'Most injections per order'),
  } as Record<string, Words>,
  yes: w('ja', 'yes'),
  no: w('nej', 'no'),
};

/** The connecting words of a line. */
export const LINE_WORDS = {
  system: w('System', 'System'),
  at: w('kl.', 'at'),
  to: w('til', 'to'),
  for: w('for', 'for'),
  of: w('af', 'of'),
  order: w('ordre', 'order'),
  hours: w('timer', 'hours'),
  minutes: w('min', 'min'),
  seconds: w('s', 's'),
  qualityControl: w('kvalitetskontrol', 'quality control'),
  removed: w('fjernet', 'removed'),
  atMost: w('højst', 'at most'),
  created: w('Oprettet', 'Created'),
  deleted: w('Slettet', 'Deleted'),
};
