/**
 * Enumerations of the domain. The numeric values are stored in both databases and sent on
 * the wire; they must never change (docs/domain.md).
 */

/** The status of an order (activity, injection, isotope): Ordered → Accepted → Released, or Rejected. */
export const OrderStatus = {
  Ordered: 1,
  Accepted: 2,
  Released: 3,
  Rejected: 4,
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/**
 * The status of a RIS booking: Initial until the shop decides, then Ordered or Rejected by mass
 * ordering; Released once its order is released.
 */
export const BookingStatus = {
  Initial: 0,
  Ordered: 1,
  Rejected: 2,
  Released: 3,
} as const;
export type BookingStatus = (typeof BookingStatus)[keyof typeof BookingStatus];

/** How a tracer is ordered: as activity (MBq at a delivery slot) or as a number of injections. */
export const TracerType = {
  Activity: 1,
  Injection: 2,
} as const;
export type TracerType = (typeof TracerType)[keyof typeof TracerType];

/** What an injection order is used for: human, animal or other use. */
export const TracerUsage = {
  Human: 0,
  Animal: 1,
  Other: 2,
} as const;
export type TracerUsage = (typeof TracerUsage)[keyof typeof TracerUsage];

/** Which ISO-8601 weeks a delivery repeats in. */
export const WeeklyRepeat = {
  EveryWeek: 0,
  EvenWeeks: 1,
  OddWeeks: 2,
} as const;
export type WeeklyRepeat = (typeof WeeklyRepeat)[keyof typeof WeeklyRepeat];

/** A daily ordering deadline (the day before) or a weekly one (a given weekday before). */
export const DeadlineType = {
  Daily: 0,
  Weekly: 1,
} as const;
export type DeadlineType = (typeof DeadlineType)[keyof typeof DeadlineType];

/**
 * A user's role: 0 anonymous, 1 the site admin, 2 and 3 production, 4, 5 and 6 the shop
 * (6: external users with a local password).
 */
export const UserGroup = {
  Anon: 0,
  Admin: 1,
  ProductionAdmin: 2,
  ProductionUser: 3,
  ShopAdmin: 4,
  ShopUser: 5,
  ShopExternal: 6,
} as const;
export type UserGroup = (typeof UserGroup)[keyof typeof UserGroup];

/** 0 = Monday … 6 = Sunday, everywhere (never JavaScript's Sunday-first numbering). */
export const Weekday = {
  Monday: 0,
  Tuesday: 1,
  Wednesday: 2,
  Thursday: 3,
  Friday: 4,
  Saturday: 5,
  Sunday: 6,
} as const;
export type Weekday = (typeof Weekday)[keyof typeof Weekday];

/** Which global deadline a Deadline row is, if any. */
export const DeadlineScope = {
  Activity: 'activity',
  Injection: 'injection',
} as const;
export type DeadlineScope = (typeof DeadlineScope)[keyof typeof DeadlineScope];

/** Where a user account comes from. */
export const UserSource = {
  Local: 'local',
  Ldap: 'ldap',
  Proxy: 'proxy',
} as const;
export type UserSource = (typeof UserSource)[keyof typeof UserSource];

/** What an outside service address is for: the RIS's DICOM or HL7 side, or an LDAP directory. */
export const ServiceAddressKind = {
  Dicom: 'dicom',
  Hl7: 'hl7',
  Ldap: 'ldap',
} as const;
export type ServiceAddressKind = (typeof ServiceAddressKind)[keyof typeof ServiceAddressKind];

/** The values of a const enum object, for zod and for iteration. */
export function enumValues<T extends Record<string, string | number>>(e: T): T[keyof T][] {
  return Object.values(e) as T[keyof T][];
}
