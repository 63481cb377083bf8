/**
 * The text formats of form fields, shared by the typed-text validators (`userInput.ts`) and
 * the api's zod schemas (`schemas/primitives.ts`), so each rule is written once.
 */

/** A printer name: letters (æøå included), digits and dashes. */
export const PRINTER_NAME_PATTERN = /^[A-Za-z0-9æøåÆØÅ-]+$/;

/** A plain `name@domain.tld` e-mail address. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** DICOM default repertoire for AE titles: printable ASCII, backslash excluded. */
export const AE_TITLE_CHARACTERS_PATTERN = /^[\x20-\x5B\x5D-\x7E]+$/;

/** A DICOM AE title has at most 16 characters. */
export const AE_TITLE_MAX_LENGTH = 16;

/** Ports above this are dynamic (49152–65535) and refused for services. */
export const HIGHEST_REGISTERED_PORT = 49151;

/** The highest TCP port. */
export const HIGHEST_PORT = 65535;
