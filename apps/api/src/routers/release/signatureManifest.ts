/**
 * The electronic signature of a release or correction (docs/domain.md): who signed, with which
 * name, when and with what meaning. The manifest is stored as the `after` of the action's audit
 * row and returned to the app, so the record database alone shows who released what.
 */
import { PERSON_NAME_LENGTH } from '@tracershop/db';
import type { SessionUser } from '../../auth/sessions';
import type { Context } from '../../trpc/context';
import type { DispensingDeviation } from './releaseGuardChecks';

/** What a signed procedure needs of its context: services, the signer, where they call from. */
export type SigningContext = Pick<Context, 'services' | 'remoteAddress'> & { user: SessionUser };

export type SignatureMeaning = 'released' | 'corrected';

export interface Signer {
  id: number;
  name: string;
}

/** The part every manifest shares; each procedure adds what was signed. */
export interface SignatureHead {
  signedBy: Signer;
  /** ISO-8601 UTC, the same instant as the orders' `freedAt`. */
  signedAt: string;
  meaning: SignatureMeaning;
}

/**
 * The name snapshot stored with the orders and the manifest: the display name, else the user
 * name, cut to the column's length (an inspector reads it without the web database).
 */
export function personNameOf(user: Pick<SessionUser, 'displayName' | 'username'>): string {
  return (user.displayName || user.username).slice(0, PERSON_NAME_LENGTH);
}

export function signatureHead(
  user: SessionUser,
  signedAt: Date,
  meaning: SignatureMeaning,
): SignatureHead {
  return {
    signedBy: { id: user.id, name: personNameOf(user) },
    signedAt: signedAt.toISOString(),
    meaning,
  };
}

/** The fields a release writes on every order it releases. */
export function freedFieldsOf(
  user: SessionUser,
  signedAt: Date,
): { freedAt: Date; freedById: number; freedByName: string } {
  return { freedAt: signedAt, freedById: user.id, freedByName: personNameOf(user) };
}

/**
 * What an activity release carried at its delivery time: what was required (ordered,
 * decay-scaled, with overhead) and what the vials delivered (MBq, unrounded).
 */
export interface ReleaseDispensing {
  /** The delivery's date and time on the site clock, `YYYY-MM-DD HH:MM:SS`. */
  referenceTime: string;
  required: number;
  delivered: number;
}

/** `release.activity`: the orders of one delivery and the vials assigned to its pivot. */
export interface ActivityReleaseManifest extends SignatureHead {
  slotId: number;
  deliveryDate: string;
  orderIds: number[];
  pivotOrderId: number;
  vials: { id: number; lotNumber: string }[];
  /** With the signer's reason when delivered strayed beyond the tracer's tolerance. */
  dispensing: ReleaseDispensing & { deviation: DispensingDeviation | null };
}

/** `release.injection` / `release.injectionMany`: orders of one tracer under one lot. */
export interface InjectionReleaseManifest extends SignatureHead {
  orderIds: number[];
  lotNumber: string;
  maxInjectionVolume: number;
}

/** `release.isotope`: the orders of one isotope delivery and the vials sent with its pivot. */
export interface IsotopeReleaseManifest extends SignatureHead {
  isotopeDeliveryId: number;
  deliveryDate: string;
  orderIds: number[];
  pivotOrderId: number;
  isotopeVials: { id: number; batchNumber: string }[];
}

/** `release.correct`: orders back to Accepted and the vials detached from them. */
export interface CorrectionManifest extends SignatureHead {
  activityOrderIds: number[];
  injectionOrderIds: number[];
  isotopeOrderIds: number[];
  detachedVialIds: number[];
  detachedIsotopeVialIds: number[];
}
