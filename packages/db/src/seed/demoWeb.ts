/**
 * The web half of the demo site: one user per role (password `tracershop`, demo only), their
 * customer assignments, printers, service addresses, settings and a notice. Users and
 * assignments are audited in the record database's trail, as the api audits access changes.
 */
import { ServiceAddressKind, UserGroup, UserSource, addDays } from '@tracershop/core';
import type { Transaction } from 'sequelize';
import type { Models } from '../connection';
import { hashPassword } from '../passwords';
import { SERVER_SETTINGS_ID } from '../models/web/settings';
import type { SeedTrail } from './seedTrail';

/** The password of every demo user. Demo seeds only: a real site creates its own accounts. */
export const DEMO_PASSWORD = 'tracershop';

export interface DemoUser {
  username: string;
  displayName: string;
  userGroup: UserGroup;
  /** Short names of the customers the user is assigned to. */
  customers: string[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'site-admin',
    displayName: 'Demo Site Admin',
    userGroup: UserGroup.Admin,
    customers: [],
  },
  {
    username: 'prod-admin',
    displayName: 'Demo Production Admin',
    userGroup: UserGroup.ProductionAdmin,
    customers: [],
  },
  {
    username: 'prod-user',
    displayName: 'Demo Production User',
    userGroup: UserGroup.ProductionUser,
    customers: [],
  },
  {
    username: 'shop-admin',
    displayName: 'Demo Shop Admin',
    userGroup: UserGroup.ShopAdmin,
    customers: ['RH KF', 'Herlev NM'],
  },
  {
    username: 'shop-user',
    displayName: 'Demo Shop User',
    userGroup: UserGroup.ShopUser,
    customers: ['RH KF', 'Herlev NM'],
  },
  {
    username: 'external',
    displayName: 'Demo External User',
    userGroup: UserGroup.ShopExternal,
    customers: ['KU Panum'],
  },
];

/** A person as the record database names them: web id plus a name snapshot. */
export interface Person {
  id: number;
  name: string;
  userGroup: UserGroup;
}

/** Creates the demo users in the web `transaction`; returns them by username. */
export async function seedDemoUsers(
  models: Models,
  transaction: Transaction,
  trail: SeedTrail,
): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  for (const demo of DEMO_USERS) {
    const user = await trail.create(
      models.User,
      {
        username: demo.username,
        displayName: demo.displayName,
        userGroup: demo.userGroup,
        active: true,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        source: UserSource.Local,
      },
      { transaction },
    );
    people.set(demo.username, {
      id: user.id,
      name: user.displayName,
      userGroup: user.userGroup,
    });
  }
  return people;
}

/** The demo users that exist already (the web database was seeded before the record one). */
export async function findDemoUsers(models: Models): Promise<Map<string, Person>> {
  const users = await models.User.findAll({
    where: { username: DEMO_USERS.map((demo) => demo.username) },
  });
  return new Map(
    users.map((user) => [
      user.username,
      { id: user.id, name: user.displayName, userGroup: user.userGroup },
    ]),
  );
}

/**
 * Assignments, printers, service addresses, settings and a notice. `customerIds` maps the
 * record database's customer short names to ids (assignments and notices point there).
 */
export async function seedDemoWebSettings(
  models: Models,
  transaction: Transaction,
  trail: SeedTrail,
  context: { today: string; people: Map<string, Person>; customerIds: Map<string, number> },
): Promise<void> {
  for (const demo of DEMO_USERS) {
    const person = context.people.get(demo.username);
    for (const shortName of demo.customers) {
      const customerId = context.customerIds.get(shortName);
      if (person !== undefined && customerId !== undefined) {
        await trail.create(
          models.UserAssignment,
          { userId: person.id, customerId },
          { transaction },
        );
      }
    }
  }

  const printer = await models.Printer.create(
    {
      name: 'KF-Printer',
      host: 'printer.kf.example.dk',
      port: 631,
      uri: 'ipp://printer.kf.example.dk/ipp/print',
      labelPrinter: false,
    },
    { transaction },
  );
  const labelPrinter = await models.Printer.create(
    { name: 'KF-Etiketter', host: 'labels.kf.example.dk', port: 9100, labelPrinter: true },
    { transaction },
  );
  const ris = await models.ServiceAddress.create(
    {
      kind: ServiceAddressKind.Dicom,
      host: 'ris.example.dk',
      port: 104,
      aeTitle: 'RISWORKLIST',
      description: 'RIS modality worklist (demo)',
    },
    { transaction },
  );
  // No 'hl7' or 'ldap' address: a stored one is used at once (the HL7 listener's allowed
  // senders, the directory of directory login), and the demo has neither.
  await models.ServerSettings.update(
    {
      adminPhone: '35454147',
      adminEmail: 'tracershop@example.dk',
      activePrinterId: printer.id,
      activeLabelPrinterId: labelPrinter.id,
      risAddressId: ris.id,
      unitName:
        'Rigshospitalet, Klinisk Fysiologisk og Nuklearmedicinsk Afdeling, Cyklotronenheden',
      unitAddress: 'Blegdamsvej 9, 2100 København Ø',
    },
    { where: { id: SERVER_SETTINGS_ID }, transaction },
  );
  await models.CustomerNotice.create(
    {
      message:
        'Dette er et demo-site: alle data er opdigtede, og alle brugere har adgangskoden "tracershop".',
      expiresOn: addDays(context.today, 30),
      customerIds: [...context.customerIds.values()],
    },
    { transaction },
  );
}
