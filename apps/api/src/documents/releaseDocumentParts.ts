/**
 * What every release document shares: the site's identity from the settings (the
 * manufacturer block), the recipient block, the GMP attestation and the electronic signature
 * manifest that stands in for the legacy's scanned signature (docs/domain.md).
 */
import { TracerUsage, formatPhoneNumber } from '@tracershop/core';
import type { Customer, DeliveryEndpoint } from '@tracershop/db';
import { SERVER_SETTINGS_ID } from '@tracershop/db';
import type { ApiServices } from '../services';
import { instantText } from './documentFormats';
import type { A4Layout } from './pdfLayout';

/** The producing unit and its contact details (ServerSettings). */
export interface SiteIdentity {
  unitName: string | null;
  unitAddress: string | null;
  adminPhone: string;
  adminEmail: string;
}

export async function loadSiteIdentity(services: ApiServices): Promise<SiteIdentity> {
  const row = await services.db.models.ServerSettings.findByPk(SERVER_SETTINGS_ID);
  return {
    unitName: row?.unitName ?? null,
    unitAddress: row?.unitAddress ?? null,
    adminPhone: row?.adminPhone ?? '',
    adminEmail: row?.adminEmail ?? '',
  };
}

/** The manufacturer block: unit name and address (one per line). */
export function manufacturerText(site: SiteIdentity): string {
  const lines = [site.unitName, site.unitAddress].filter(
    (line): line is string => line !== null && line.trim() !== '',
  );
  return lines.length === 0 ? 'Ikke angivet i indstillingerne' : lines.join('\n');
}

/** A phone number as `NN NN NN NN`, else as written. */
export function phoneText(phone: string | null | undefined): string {
  if (phone === null || phone === undefined || phone.trim() === '') {
    return '';
  }
  return formatPhoneNumber(phone) ?? phone;
}

/** The recipient rows: customer, billing address and contact, delivery endpoint. */
export function recipientFields(
  customer: Customer,
  endpoint: DeliveryEndpoint,
): [string, string][] {
  const rows: [string, string][] = [['Modtager', customer.longName || customer.shortName]];
  const zipCity = [customer.billingZipCode, customer.billingCity].filter(Boolean).join(' ');
  const address = [customer.billingAddress, zipCity].filter(Boolean).join(', ');
  if (address !== '') {
    rows.push(['Adresse', address]);
  }
  const contact = [phoneText(customer.billingPhone), customer.billingEmail]
    .filter(Boolean)
    .join(', ');
  if (contact !== '') {
    rows.push(['Kontakt', contact]);
  }
  const endpointZipCity = [endpoint.zipCode, endpoint.city].filter(Boolean).join(' ');
  const endpointText = [endpoint.name, endpoint.address, endpointZipCity]
    .filter(Boolean)
    .join(', ');
  if (endpointText !== '') {
    rows.push(['Leveringssted', endpointText]);
  }
  return rows;
}

/** "humant" / "dyr" / "andet" as the release sentence writes the use. */
export function usageText(usage: TracerUsage): string {
  switch (usage) {
    case TracerUsage.Animal:
      return 'dyr';
    case TracerUsage.Other:
      return 'andet';
    default:
      return 'humant';
  }
}

/**
 * The GMP attestation (docs/domain.md): the marketing-authorisation clause only for a marketed
 * tracer.
 */
export function gmpAttestation(marketed: boolean, usage: TracerUsage = TracerUsage.Human): string {
  const authorisation = marketed ? ' og gældende markedsføringstilladelse' : '';
  return (
    'Det attesteres hermed, at produktet er fremstillet, analyseret og pakket på ovennævnte ' +
    `site i fuld overensstemmelse med kravene til GMP${authorisation}. ` +
    `Hermed frigives produktet til ${usageText(usage)} brug.`
  );
}

/** One signature of the manifest. */
export interface SignatureEntry {
  name: string;
  at: Date | null;
  meaning: string;
}

/** What a released row carries of its signature. */
export interface SignedRow {
  freedAt: Date | null;
  freedById: number | null;
  freedByName: string | null;
}

export const RELEASE_MEANING = 'Frigivet (frigivelse af produktet)';

/** The distinct signatures of released rows, in time order. */
export function signaturesOf(rows: readonly SignedRow[]): SignatureEntry[] {
  const entries = new Map<string, SignatureEntry>();
  for (const row of rows) {
    const key = `${row.freedById ?? ''}|${row.freedAt?.toISOString() ?? ''}`;
    if (!entries.has(key)) {
      entries.set(key, {
        name: row.freedByName ?? 'Ukendt bruger',
        at: row.freedAt,
        meaning: RELEASE_MEANING,
      });
    }
  }
  return [...entries.values()].sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
}

/** Manufacturer, attestation and signature manifest: the closing of every release document. */
export function drawReleaseClosing(
  layout: A4Layout,
  site: SiteIdentity,
  attestation: string,
  signatures: readonly SignatureEntry[],
  timeZone: string,
): void {
  layout.heading('Fremstiller');
  layout.paragraph(manufacturerText(site));
  layout.heading('Attestation');
  layout.paragraph(attestation);
  layout.heading('Elektronisk underskrift');
  layout.table(
    [
      { header: 'Frigivet af', share: 0.35 },
      { header: 'Tidspunkt', share: 0.25 },
      { header: 'Betydning', share: 0.4 },
    ],
    signatures.map((entry) => [entry.name, instantText(entry.at, timeZone), entry.meaning]),
  );
  layout.paragraph(
    'Dokumentet er underskrevet elektronisk i Tracershop: frigiveren har bekræftet ' +
      'frigivelsen med sit brugernavn og kodeord. Underskriften er registreret i ' +
      'revisionssporet, og dokumentet kræver ingen håndskreven underskrift.',
  );
}
