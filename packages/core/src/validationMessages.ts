/**
 * Messages for bad user input, keyed, in Danish (the users' language) and English.
 * Components and the api show `messageFor(key, { field }, locale)`; no component hard-codes
 * these texts. `{field}` and other `{name}` placeholders are filled from `params`.
 */

/** The message templates of every validation key, per locale; `messageFor` fills them in. */
export const validationMessages = {
  da: {
    'input.empty': '{field} er ikke tastet ind',
    'input.notANumber': '{field} er ikke et tal',
    'input.zero': '{field} kan ikke være nul',
    'input.negative': '{field} kan ikke være negativ',
    'input.notWholeNumber': '{field} er ikke et helt tal',
    'input.notATime': '{field} er ikke formateret som et tidspunkt',
    'input.notADate': '{field} er ikke en gyldig dato',
    'input.badLotNumber': '{field} er ikke formateret korrekt',
    'input.tooLong': '{field} kan ikke være længere end {max} tegn',
    'input.tooShort': '{field} skal have mindst {min} tegn',
    'input.badEmail': '{field} er ikke en gyldig e-mailadresse',
    'input.badPrinterName': '{field} må kun indeholde bogstaver, tal og bindestreg',
    'input.badIpAddress': '{field} er ikke en gyldig IP-adresse',
    'input.portNotPositiveInteger': '{field} er ikke et helt positivt tal',
    'input.portZero': '{field} skal være et positivt tal mindre end 49151',
    'input.portDynamic': '{field} må ikke være en dynamisk port',
    'input.portTooLarge': '{field} skal være en normal port (<49151)',
    'input.badAeTitle': '{field} skal være 1 til 16 tegn',
    'input.badAeTitleCharacters': '{field} må ikke indeholde styretegn eller omvendt skråstreg',
    'input.timeBeforeReference': 'Tidspunktet er før produktionstidspunktet',
    'input.deliveryBeforeProduction': 'Leveringstidspunktet er før produktionstidspunktet',
    'input.invalid': '{field} er ugyldig',
  },
  en: {
    'input.empty': '{field} is missing',
    'input.notANumber': '{field} is not a number',
    'input.zero': '{field} cannot be zero',
    'input.negative': '{field} cannot be negative',
    'input.notWholeNumber': '{field} is not a whole number',
    'input.notATime': '{field} is not a time of day',
    'input.notADate': '{field} is not a valid date',
    'input.badLotNumber': '{field} is not formatted correctly',
    'input.tooLong': '{field} cannot be longer than {max} characters',
    'input.tooShort': '{field} must have at least {min} characters',
    'input.badEmail': '{field} is not a valid e-mail address',
    'input.badPrinterName': '{field} may only contain letters, digits and dashes',
    'input.badIpAddress': '{field} is not a valid IP address',
    'input.portNotPositiveInteger': '{field} is not a positive whole number',
    'input.portZero': '{field} must be a positive number below 49151',
    'input.portDynamic': '{field} must not be a dynamic port',
    'input.portTooLarge': '{field} must be a registered port (<49151)',
    'input.badAeTitle': '{field} must be 1 to 16 characters',
    'input.badAeTitleCharacters': '{field} must not contain control characters or backslashes',
    'input.timeBeforeReference': 'The time is before the production time',
    'input.deliveryBeforeProduction': 'The delivery time is before the production time',
    'input.invalid': '{field} is invalid',
  },
} as const;

/** A language of the messages: Danish (`'da'`, the users' language) or English (`'en'`). */
export type Locale = keyof typeof validationMessages;
/** The key of a validation message: `'input.empty'`, `'input.notANumber'`, … */
export type ValidationMessageKey = keyof (typeof validationMessages)['da'];

/** Danish field names of the forms, so messages read "Aktivitet er ikke et tal". */
export const fieldNames = {
  da: {
    activity: 'Aktivitet',
    injections: 'Injektioner',
    time: 'Tidspunkt',
    date: 'Dato',
    month: 'Måned',
    volume: 'Volumen',
    lotNumber: 'Lot nummer',
    batchNumber: 'Batch nummer',
    comment: 'Kommentar',
    maxInjectionVolume: 'Maks injektionsvolumen',
    overhead: 'Overhead',
    port: 'Port',
    ipAddress: 'IP-adresse',
    aeTitle: 'AE titel',
    printerName: 'Printernavn',
    email: 'E-mail',
    name: 'Navn',
    shortName: 'Kort navn',
    tracerUnits: 'Enheder',
    delayMinutes: 'Forsinkelse',
  },
  en: {
    activity: 'Activity',
    injections: 'Injections',
    time: 'Time',
    date: 'Date',
    month: 'Month',
    volume: 'Volume',
    lotNumber: 'Lot number',
    batchNumber: 'Batch number',
    comment: 'Comment',
    maxInjectionVolume: 'Max injection volume',
    overhead: 'Overhead',
    port: 'Port',
    ipAddress: 'IP address',
    aeTitle: 'AE title',
    printerName: 'Printer name',
    email: 'E-mail',
    name: 'Name',
    shortName: 'Short name',
    tracerUnits: 'Units',
    delayMinutes: 'Delay',
  },
} as const;

/** A form field a message can name: `'activity'`, `'time'`, `'lotNumber'`, … */
export type FieldName = keyof (typeof fieldNames)['da'];

/** A validation failure that the user interface can show in the user's language. */
export interface ValidationIssue {
  key: ValidationMessageKey;
  field?: FieldName;
  params?: Record<string, string | number>;
}

/** The outcome of checking one input: the cleaned value, or the issue to show the user. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issue: ValidationIssue };

/** The text of a validation issue in `locale` (Danish by default). */
export function messageFor(issue: ValidationIssue, locale: Locale = 'da'): string {
  const template: string = validationMessages[locale][issue.key];
  const values: Record<string, string | number> = {
    field: issue.field ? fieldNames[locale][issue.field] : '',
    ...issue.params,
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
