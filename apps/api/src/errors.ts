/**
 * Every refusal the api can give: a stable machine-readable reason, its parameters, the tRPC
 * code and a Danish message (for logs, scripts and clients without texts of their own). The
 * apps switch on `error.data.reason` and write the refusal in the user's language from their
 * own texts and `error.data.params` (docs/operations.md, "Refusals"). Parameters carry
 * machine values where a word would need translating: `entity` is a model name
 * (`'ActivityOrder'`), `refusal` and `kind` are keys; figures and dates come formatted.
 */
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { DbConstraintError } from '@tracershop/db';
import { ZodError } from 'zod';

interface ReasonDefinition {
  code: TRPC_ERROR_CODE_KEY;
  da: string;
}

export const errorReasons = {
  UNAUTHENTICATED: { code: 'UNAUTHORIZED', da: 'Du er ikke logget ind.' },
  LOGIN_FAILED: { code: 'UNAUTHORIZED', da: 'Forkert brugernavn eller kodeord.' },
  LOCKED_OUT: {
    code: 'TOO_MANY_REQUESTS',
    da: 'For mange forkerte forsøg. Prøv igen om {minutes} minutter.',
  },
  FORBIDDEN_ROLE: { code: 'FORBIDDEN', da: 'Din rolle må ikke udføre denne handling.' },
  NOT_ASSIGNED: { code: 'FORBIDDEN', da: 'Du er ikke tilknyttet denne kunde.' },
  ORIGIN_REFUSED: { code: 'FORBIDDEN', da: 'Forespørgslen kommer fra en ukendt side.' },
  VERSION_MISMATCH: {
    code: 'PRECONDITION_FAILED',
    da: 'Der er kommet en ny version af Tracershop. Genindlæs siden.',
  },
  INVALID_INPUT: { code: 'BAD_REQUEST', da: 'Indtastningen er ikke gyldig.' },
  NOT_FOUND: { code: 'NOT_FOUND', da: '{Entity} findes ikke.' },
  ALREADY_EXISTS: {
    code: 'CONFLICT',
    da: '{Entity} findes allerede med de samme oplysninger.',
  },
  REFERENCED: { code: 'CONFLICT', da: '{Entity} er i brug og kan ikke slettes.' },
  DEADLINE_PASSED: { code: 'FORBIDDEN', da: 'Deadline for bestilling til {date} er udløbet.' },
  CLOSED_DAY: { code: 'FORBIDDEN', da: 'Der kan ikke bestilles til {date}: lukket dag.' },
  NOT_DELIVERED: { code: 'BAD_REQUEST', da: 'Der er ingen levering på denne dag.' },
  NOT_IN_CATALOG: {
    code: 'FORBIDDEN',
    da: 'Sporstoffet kan ikke bestilles til dette leveringssted.',
  },
  INVALID_STATUS: { code: 'CONFLICT', da: 'Ordren har ikke den rette status til denne handling.' },
  ORDER_RELEASED: { code: 'CONFLICT', da: 'Ordren er frigivet og kan ikke ændres.' },
  MOVE_REFUSED: { code: 'BAD_REQUEST', da: 'Ordren kan ikke flyttes: {refusal}.' },
  CHANGE_REASON_NEEDED: {
    code: 'BAD_REQUEST',
    da: 'Skriv en begrundelse for ændringen (mindst 3 tegn): den gemmes i revisionssporet.',
  },
  RELEASE_RIGHT_MISSING: {
    code: 'FORBIDDEN',
    da: 'Du har ikke en gyldig frigivelsesrettighed til dette produkt.',
  },
  INVALID_SIGNATURE: { code: 'UNAUTHORIZED', da: 'Forkert login.' },
  NO_VIALS: { code: 'BAD_REQUEST', da: 'Vælg mindst et hætteglas.' },
  VIAL_UNAVAILABLE: {
    code: 'CONFLICT',
    da: 'Et eller flere hætteglas er allerede tildelt eller hører ikke til ordren.',
  },
  VIAL_ASSIGNED: { code: 'CONFLICT', da: 'Hætteglasset er tildelt en ordre og kan ikke ændres.' },
  NOT_RELEASED: { code: 'CONFLICT', da: 'Kun frigivne ordrer kan rettes.' },
  RELEASE_NOT_WHOLE: {
    code: 'CONFLICT',
    da: 'En frigivelse rettes samlet: ordre {orderIds} hører også til frigivelsen.',
  },
  SELF_GRANT: { code: 'FORBIDDEN', da: 'Du kan ikke give dig selv frigivelsesrettigheder.' },
  MASS_ORDER_NO_SLOT: {
    code: 'BAD_REQUEST',
    da: 'Bookingerne kunne ikke bestilles: injektionstidspunktet {injectionTime} er før den tidligste levering kl. {earliestSlotTime}.',
  },
  MASS_ORDER_NO_ENDPOINT: {
    code: 'BAD_REQUEST',
    da: 'Lokationen for booking {accessionNumber} er ikke knyttet til et leveringssted.',
  },
  WRONG_PASSWORD: { code: 'BAD_REQUEST', da: 'Det nuværende kodeord er forkert.' },
  NEW_PASSWORD_REFUSED: { code: 'BAD_REQUEST', da: 'Det nye kodeord kan ikke bruges: {problem}.' },
  PASSWORD_CHANGE_REQUIRED: {
    code: 'FORBIDDEN',
    da: 'Vælg dit eget kodeord, før du fortsætter: dit nuværende kodeord er sat af en administrator.',
  },
  DIRECTORY_ACCOUNT: {
    code: 'BAD_REQUEST',
    da: 'Kontoen logger ind via katalogtjenesten (LDAP); dens kodeord skiftes dér.',
  },
  INTERNAL: { code: 'INTERNAL_SERVER_ERROR', da: 'Der skete en fejl på serveren.' },
  // -- requests no client of ours sends: the caller's fault, never INTERNAL --
  MALFORMED_REQUEST: {
    code: 'PARSE_ERROR',
    da: 'Forespørgslen kunne ikke læses. Genindlæs siden og prøv igen.',
  },
  METHOD_NOT_SUPPORTED: {
    code: 'METHOD_NOT_SUPPORTED',
    da: 'Forespørgslen brugte en metode, som denne handling ikke tager imod.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    da: 'Forespørgslen havde et indhold, som serveren ikke tager imod.',
  },
  PAYLOAD_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', da: 'Forespørgslen er for stor.' },
  REQUEST_TIMEOUT: { code: 'TIMEOUT', da: 'Forespørgslen tog for lang tid. Prøv igen.' },
  REQUEST_CANCELLED: { code: 'CLIENT_CLOSED_REQUEST', da: 'Forespørgslen blev afbrudt.' },
  NO_SUCH_PROCEDURE: { code: 'NOT_FOUND', da: 'Handlingen findes ikke på serveren.' },
  CHANGED_MEANWHILE: {
    code: 'CONFLICT',
    da: 'Ændringen kunne ikke gemmes, fordi data er ændret imens. Prøv igen.',
  },
  TOO_MANY_REQUESTS: {
    code: 'TOO_MANY_REQUESTS',
    da: 'For mange forespørgsler på kort tid. Vent lidt og prøv igen.',
  },
  WEBSOCKET_ONLY: {
    code: 'METHOD_NOT_SUPPORTED',
    da: 'Live-opdateringer kræver en WebSocket-forbindelse.',
  },
  SERVICE_UNAVAILABLE: {
    code: 'SERVICE_UNAVAILABLE',
    da: 'Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt.',
  },
  // -- API tokens of scripts (auth/apiTokens.ts) --
  TOKEN_REFUSED: {
    code: 'UNAUTHORIZED',
    da: 'API-nøglen er ukendt, udløbet eller tilbagekaldt, eller dens ejer må ikke længere bruge den.',
  },
  TOKEN_WITH_COOKIE: {
    code: 'BAD_REQUEST',
    da: 'En forespørgsel med en API-nøgle må ikke også sende en login-cookie.',
  },
  TOKEN_READ_ONLY: { code: 'FORBIDDEN', da: 'API-nøglen må kun læse, ikke ændre.' },
  PERSON_REQUIRED: {
    code: 'FORBIDDEN',
    da: 'Det kræver en person, der logger ind: en API-nøgle kan ikke underskrive, skifte kodeord eller oprette API-nøgler.',
  },
  TOKEN_NOT_ALLOWED: { code: 'BAD_REQUEST', da: 'API-nøglen kan ikke oprettes: {problem}.' },
  // -- setup and admin reasons (routers/setup, routers/admin) --
  TRACER_IN_CATALOG: {
    code: 'CONFLICT',
    da: 'Sporstoffet er i et leveringssteds katalog og kan ikke arkiveres.',
  },
  TRACER_ARCHIVED: { code: 'CONFLICT', da: 'Sporstoffet er arkiveret.' },
  NOT_ACTIVITY_TRACER: {
    code: 'BAD_REQUEST',
    da: 'Kun aktivitetssporstoffer har produktioner.',
  },
  DELIVERY_BEFORE_PRODUCTION: {
    code: 'BAD_REQUEST',
    da: 'Der kan ikke laves en levering før den valgte produktion.',
  },
  GLOBAL_DEADLINE_LOCKED: {
    code: 'CONFLICT',
    da: 'En global deadline kan ikke fjernes. Gør en anden deadline global i stedet.',
  },
  GRANTEE_NOT_PRODUCTION: {
    code: 'BAD_REQUEST',
    da: 'Frigivelsesrettigheder kan kun gives til produktionens brugere.',
  },
  NOT_EXTERNAL_USER: { code: 'BAD_REQUEST', da: 'Brugeren er ikke en ekstern bruger.' },
  WRONG_USER_GROUP: {
    code: 'BAD_REQUEST',
    da: 'Brugeren har ikke korrekte rettigheder til at blive tilknyttet en kunde.',
  },
  ALREADY_HAS_ACCESS: { code: 'CONFLICT', da: 'Brugeren har allerede adgang til kunden.' },
  DIRECTORY_USER_UNKNOWN: {
    code: 'NOT_FOUND',
    da: 'Hospitalets brugerkatalog kender ikke brugernavnet. Kontrollér stavningen.',
  },
  DIRECTORY_NO_SHOP_ROLE: {
    code: 'BAD_REQUEST',
    da: 'Hospitalets brugerkatalog giver ikke brugeren en shop-rolle i Tracershop, så du kan ikke give adgang. Bed IT om at sætte brugeren i en af Tracershops shop-grupper.',
  },
  DIRECTORY_UNAVAILABLE: {
    code: 'SERVICE_UNAVAILABLE',
    da: 'Hospitalets brugerkatalog svarer ikke, så brugernavnet kan ikke slås op. Intet er gemt; prøv igen om lidt.',
  },
  NOT_LABEL_PRINTER: { code: 'BAD_REQUEST', da: 'Printeren er ikke en etiketprinter.' },
  RIS_ADDRESS_IN_USE: {
    code: 'CONFLICT',
    da: 'Adressen er valgt som RIS-adresse i serverindstillingerne. Vælg en anden RIS-adresse (eller ingen) først.',
  },
  CUSTOMERS_NEEDED: {
    code: 'BAD_REQUEST',
    da: 'En bruger med en shop-rolle skal have mindst én kunde.',
  },
  CUSTOMERS_NOT_USED: {
    code: 'BAD_REQUEST',
    da: 'En bruger med denne rolle ser alle kunder; vælg ingen kunder.',
  },
  OWN_ACCOUNT: {
    code: 'FORBIDDEN',
    da: 'Du kan ikke ændre din egen rolle, deaktivere dig selv eller nulstille dit eget kodeord (brug Skift kodeord).',
  },
  REVIEW_PERIOD: {
    code: 'BAD_REQUEST',
    da: 'Perioden kan ikke gennemgås: {problem}.',
  },
  EXPORT_TOO_LARGE: {
    code: 'BAD_REQUEST',
    da: 'Udtrækket ville have {count} hændelser; højst {max} kan hentes ad gangen. Vælg en kortere periode eller flere filtre.',
  },
  // -- orders and bookings reasons (routers/orders, routers/bookings) --
  MASS_ORDER_NO_DELIVERY: {
    code: 'BAD_REQUEST',
    da: 'Bookingerne kunne ikke bestilles: der er ingen levering af {tracer} på denne dato.',
  },
  // -- plausibility limits (routers/orders/plausibilityChecks.ts) --
  LIMIT_ACTIVITY_PER_ORDER: {
    code: 'UNPROCESSABLE_CONTENT',
    da: '{tracer} kan højst bestilles med {max} pr. ordre; ordren er på {value}.',
  },
  LIMIT_ACTIVITY_PER_DELIVERY: {
    code: 'UNPROCESSABLE_CONTENT',
    da: 'En levering af {tracer} kan højst være på {max} i alt; med denne ordre bliver den {value}.',
  },
  ORDER_BELOW_LIVE_MINIMUM: {
    code: 'UNPROCESSABLE_CONTENT',
    da: 'En ordre under {minimum} bærer ingen aktivitet; bestil mindst {minimum}.',
  },
  LIMIT_INJECTIONS_PER_ORDER: {
    code: 'UNPROCESSABLE_CONTENT',
    da: '{tracer} kan højst bestilles med {max} injektioner pr. ordre; ordren er på {value}.',
  },
  // -- release and vials reasons (routers/release, routers/vials) --
  VIAL_FILLED_AFTER_RELEASE: {
    code: 'CONFLICT',
    da: 'Hætteglas {lots} er fyldt efter frigivelsestidspunktet {releasedAt} og kan ikke frigives.',
  },
  RELEASE_TOO_EARLY: {
    code: 'PRECONDITION_FAILED',
    da: 'Leveringen {delivery} kan tidligst frigives {hours} timer før.',
  },
  RELEASE_UNDER_DELIVERED: {
    code: 'PRECONDITION_FAILED',
    da: 'Hætteglassene giver {delivered} ved leveringstidspunktet, {deviation} mindre end de krævede {required} (tolerance {tolerance}). Angiv en begrundelse for at frigive.',
  },
  RELEASE_OVER_DELIVERED: {
    code: 'PRECONDITION_FAILED',
    da: 'Hætteglassene giver {delivered} ved leveringstidspunktet, {deviation} mere end de krævede {required} (tolerance {tolerance}). Angiv en begrundelse for at frigive.',
  },
  ORDER_NOT_IN_DELIVERY: {
    code: 'BAD_REQUEST',
    da: 'Ordre {orderId} hører ikke til den levering, der frigives.',
  },
  VIAL_WATCH_OFF: {
    code: 'PRECONDITION_FAILED',
    da: 'Mappen med dispenserfiler er ikke sat op eller kan ikke læses.',
  },
  // -- printing and directory reasons --
  PRINTER_UNREACHABLE: {
    code: 'SERVICE_UNAVAILABLE',
    da: 'Printeren {printer} svarer ikke. Kontrollér at den er tændt og på netværket.',
  },
  PRINT_REFUSED: { code: 'BAD_GATEWAY', da: 'Printeren {printer} afviste udskriften ({detail}).' },
  PRINT_ABORTED: {
    code: 'BAD_GATEWAY',
    da: 'Udskriften på printeren {printer} blev afbrudt ({detail}).',
  },
  NO_PRINTER_CHOSEN: {
    code: 'PRECONDITION_FAILED',
    da: 'Der er ikke valgt en {kind} under printerindstillingerne.',
  },
} as const satisfies Record<string, ReasonDefinition>;

export type ErrorReason = keyof typeof errorReasons;

/**
 * The reason of an error that tRPC itself raised (unreadable body, wrong method, …) or
 * that carries no reason of ours. Every code has one, so a client's mistake is never
 * reported as INTERNAL.
 */
export const reasonOfCode: Record<TRPC_ERROR_CODE_KEY, ErrorReason> = {
  PARSE_ERROR: 'MALFORMED_REQUEST',
  BAD_REQUEST: 'INVALID_INPUT',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  PAYMENT_REQUIRED: 'FORBIDDEN_ROLE',
  FORBIDDEN: 'FORBIDDEN_ROLE',
  NOT_FOUND: 'NO_SUCH_PROCEDURE',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_SUPPORTED',
  TIMEOUT: 'REQUEST_TIMEOUT',
  CONFLICT: 'CHANGED_MEANWHILE',
  PRECONDITION_FAILED: 'INVALID_INPUT',
  PRECONDITION_REQUIRED: 'INVALID_INPUT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNPROCESSABLE_CONTENT: 'INVALID_INPUT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  CLIENT_CLOSED_REQUEST: 'REQUEST_CANCELLED',
  INTERNAL_SERVER_ERROR: 'INTERNAL',
  NOT_IMPLEMENTED: 'INTERNAL',
  BAD_GATEWAY: 'SERVICE_UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  GATEWAY_TIMEOUT: 'SERVICE_UNAVAILABLE',
};

/** What travels in `TRPCError.cause` and ends in the response's `data`. */
export class ReasonedError extends Error {
  constructor(
    readonly reason: ErrorReason,
    readonly params: Record<string, string | number> = {},
    readonly details: unknown = undefined,
  ) {
    super(reason);
    this.name = 'ReasonedError';
  }
}

/**
 * The reason a caller is given for `error`: its own when it carries one, INVALID_INPUT for a
 * refused input, else the reason of its code (the error formatter, trpc/init.ts, and the
 * error metrics use this one rule).
 */
export function reasonOfError(error: TRPCError): ErrorReason {
  const cause = error.cause;
  if (cause instanceof ReasonedError) {
    return cause.reason;
  }
  return cause instanceof ZodError ? 'INVALID_INPUT' : reasonOfCode[error.code];
}

/** Danish words of the machine values in parameters (see `errorReasons`). */
const danishParamWords: Record<string, Record<string, string>> = {
  refusal: {
    released: 'ordren er frigivet',
    'other-endpoint': 'leveringstiden hører til et andet leveringssted',
    'other-weekday': 'leveringstiden ligger på en anden ugedag',
    'other-tracer': 'leveringstiden er til et andet sporstof',
    'later-slot': 'der kan kun rykkes til en tidligere levering',
  },
  kind: { label: 'etiketprinter', document: 'printer til dokumenter' },
  problem: {
    endsBeforeStart: 'den slutter før den begynder',
    inFuture: 'den slutter efter i dag',
    roleNotGrantable: 'du kan ikke give en API-nøgle den rolle',
    customersNeeded: 'en API-nøgle med en shop-rolle skal have mindst én kunde',
    customersNotUsed: 'en API-nøgle med denne rolle ser alle kunder og tager ingen kundeliste',
    expiryPassed: 'udløbsdatoen er passeret',
    expiryTooFar: 'en API-nøgle kan højst gælde et år frem',
    tooShort: 'det er for kort (mindst 8 tegn)',
    tooLong: 'det er for langt',
    sameAsUsername: 'det er det samme som brugernavnet',
  },
};

/** A parameter as the Danish text shows it: `{entity}` a model's name, `{Entity}` capitalised. */
function danishParam(name: string, params: Record<string, string | number>): string | null {
  const key = name.charAt(0).toLowerCase() + name.slice(1);
  if (!(key in params)) {
    return null;
  }
  const value = String(params[key]);
  const word =
    key === 'entity' ? danishEntityName(value) : (danishParamWords[key]?.[value] ?? value);
  return name === key ? word : capitalize(word);
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(
    /\{(\w+)\}/g,
    (whole, name: string) => danishParam(name, params) ?? whole,
  );
}

/** The Danish text of a reason. */
export function danishMessage(
  reason: ErrorReason,
  params: Record<string, string | number> = {},
): string {
  return fill(errorReasons[reason].da, params);
}

/** A TRPCError for `reason` with the Danish message; throw it. */
export function apiError(
  reason: ErrorReason,
  params: Record<string, string | number> = {},
  details?: unknown,
): TRPCError {
  return new TRPCError({
    code: errorReasons[reason].code,
    message: danishMessage(reason, params),
    cause: new ReasonedError(reason, params, details),
  });
}

/** The Danish names of entities (definite singular) for messages: 'Tracer' → 'traceren'. */
const danishEntityNames: Record<string, string> = {
  Isotope: 'isotopen',
  Tracer: 'traceren',
  Customer: 'kunden',
  DeliveryEndpoint: 'leveringsstedet',
  TracerCatalogPage: 'katalogsiden',
  ActivityProduction: 'produktionen',
  ActivityDeliveryTimeSlot: 'leveringstiden',
  IsotopeProduction: 'isotopproduktionen',
  IsotopeDelivery: 'isotopleveringen',
  Deadline: 'deadlinen',
  ClosedDate: 'lukkedagen',
  ActivityOrder: 'ordren',
  InjectionOrder: 'injektionsordren',
  IsotopeOrder: 'isotopordren',
  Vial: 'hætteglasset',
  IsotopeVial: 'isotophætteglasset',
  ReleaseRight: 'frigivelsesrettigheden',
  Location: 'lokationen',
  ProcedureIdentifier: 'undersøgelseskoden',
  Procedure: 'proceduren',
  Booking: 'bookingen',
  User: 'brugeren',
  UserAssignment: 'brugertilknytningen',
  Printer: 'printeren',
  ServiceAddress: 'serviceadressen',
  CustomerNotice: 'beskeden',
  ApiToken: 'API-nøglen',
  Release: 'frigivelsen',
  Reference: 'det refererede objekt',
};

/** The Danish name of an entity, for messages. */
export function danishEntityName(entity: string): string {
  return danishEntityNames[entity] ?? entity;
}

/** NOT_FOUND for `entity` ('Isotope' → "Isotopen findes ikke."), with the missing ids. */
export function notFound(entity: string, ids: readonly number[] = []): TRPCError {
  return apiError('NOT_FOUND', { entity }, { entity, ids: [...ids] });
}

/** A database refusal as the api's error (unique → ALREADY_EXISTS, foreign key → REFERENCED). */
export function constraintToApiError(error: DbConstraintError): TRPCError {
  const entity = error.entity ?? 'Reference';
  if (error.kind === 'unique') {
    return apiError('ALREADY_EXISTS', { entity }, { fields: error.fields });
  }
  if (error.kind === 'foreign-key') {
    return error.operation === 'delete'
      ? apiError('REFERENCED', { entity })
      : apiError('NOT_FOUND', { entity: 'Reference' });
  }
  return apiError('INVALID_INPUT', {}, { fields: error.fields });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Turns database refusals into api errors; everything else passes through unchanged. */
export function translateError(error: unknown): unknown {
  if (error instanceof DbConstraintError) {
    return constraintToApiError(error);
  }
  return error;
}
