/**
 * Directory login against a real OpenLDAP (slapd): password check by binding as the user,
 * groups → roles with the highest role winning, accounts created and updated on login, the
 * release signature of a directory user, escaped search filters, StartTLS with and without
 * certificate verification, local external users alongside, and a directory outage that is a
 * clean login failure. A shop admin grants a directory colleague who has never logged in: the
 * directory is asked, the account comes with the access, and each refusal has its reason.
 */
import { OrderStatus, UserGroup, UserSource } from '@tracershop/core';
import { Attribute, Change, Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTestPeers } from '@tracershop/db/testing';
import { freePort } from './ippPrinterPeer';
import type { LdapPeer } from './ldapPeer';
import {
  LDAP_ADMIN_DN,
  LDAP_ADMIN_PASSWORD,
  LDAP_BASE_LDIF,
  LDAP_GROUPS,
  LDAP_PEOPLE,
  LDAP_SUFFIX,
  startLdapPeer,
} from './ldapPeer';
import { collectEvents, eventually, upsertedRows } from './liveClient';
import { reasonOf } from './reasons';
import { ReleaseFixtures } from './releaseFixtures';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, startTestApi } from './testApi';
import type { TestClient } from './testClient';

const GROUPS = LDAP_GROUPS;
const PRODUCTION_ADMINS_DN = `CN=Tracershop Production Admins,${GROUPS}`;
const PEOPLE = LDAP_PEOPLE;

const LDIF = `${LDAP_BASE_LDIF}
dn: cn=Anna Andersen,${PEOPLE}
objectClass: inetOrgPerson
objectClass: tracershopAccount
cn: Anna Andersen
sn: Andersen
displayName: Anna Andersen (KF)
sAMAccountName: ANNA
userPassword: anna-secret
memberOf: CN=RGH-B-SE Tracershop Shop-User,${GROUPS}
memberOf: CN=RGH-B-SE Tracershop Production-User,${GROUPS}

dn: cn=Bo Berg,${PEOPLE}
objectClass: inetOrgPerson
objectClass: tracershopAccount
cn: Bo Berg
sn: Berg
sAMAccountName: BOB
userPassword: bo-secret
memberOf: CN=RGH-B-SE Tracershop Production-User,${GROUPS}
memberOf: ${PRODUCTION_ADMINS_DN}

dn: cn=Carl Clausen,${PEOPLE}
objectClass: inetOrgPerson
objectClass: tracershopAccount
cn: Carl Clausen
sn: Clausen
sAMAccountName: CARL
userPassword: carl-secret
memberOf: CN=Kantine,${GROUPS}

dn: cn=Dora Dahl,${PEOPLE}
objectClass: inetOrgPerson
objectClass: tracershopAccount
cn: Dora Dahl
sn: Dahl
displayName: Dora Dahl (KF)
sAMAccountName: DORA
userPassword: dora-secret
memberOf: CN=RGH-B-SE Tracershop Shop-User,${GROUPS}

dn: cn=Erik Eng,${PEOPLE}
objectClass: inetOrgPerson
objectClass: tracershopAccount
cn: Erik Eng
sn: Eng
sAMAccountName: ERIK
userPassword: erik-secret
memberOf: CN=RGH-B-SE Tracershop Production-User,${GROUPS}

dn: cn=Frida Falk,${PEOPLE}
objectClass: inetOrgPerson
objectClass: tracershopAccount
cn: Frida Falk
sn: Falk
sAMAccountName: FRIDA
userPassword: frida-secret
memberOf: CN=RGH-B-SE Tracershop Shop-Admin,${GROUPS}

dn: cn=External Namesake,${PEOPLE}
objectClass: inetOrgPerson
objectClass: tracershopAccount
cn: External Namesake
sn: Namesake
sAMAccountName: external
userPassword: directory-secret
memberOf: CN=RGH-B-SE Tracershop Site-Admin,${GROUPS}
`;

function directoryEnv(ldap: LdapPeer, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    LDAP_URL: ldap.url,
    LDAP_BIND_DN: `cn=tracershop-service,${LDAP_SUFFIX}`,
    LDAP_BIND_PASSWORD: 'service-secret',
    LDAP_SEARCH_BASE: PEOPLE,
    LDAP_GROUP_PRODUCTION_ADMIN: PRODUCTION_ADMINS_DN,
    LDAP_TIMEOUT_SECONDS: '3',
    ...extra,
  };
}

describe.skipIf(missingTestPeers(['slapd']) !== undefined)(
  'directory login over LDAP (sqlite)',
  () => {
    let ldap: LdapPeer;
    let api: TestApi;

    async function login(username: string, password: string, target: TestApi = api) {
      const client = target.client();
      const reason = await reasonOf(client.trpc.auth.login.mutate({ username, password }));
      return { client, reason };
    }

    async function lastLoginEvent(username: string) {
      return api.db.models.LoginEvent.findOne({ where: { username }, order: [['id', 'DESC']] });
    }

    beforeAll(async () => {
      ldap = await startLdapPeer(LDIF);
      api = await startTestApi({ dialect: 'sqlite', env: directoryEnv(ldap) });
    }, 60_000);

    afterAll(async () => {
      await api?.close();
      await ldap?.close();
    });

    it('[URS-INT-007][URS-AUD-009] logs a directory user in and creates their account with the highest role', async () => {
      const { client, reason } = await login('anna', 'anna-secret');
      expect(reason).toBe('no error');
      const me = await client.trpc.auth.whoami.query();
      expect(me.user).toMatchObject({
        username: 'anna',
        displayName: 'Anna Andersen (KF)',
        userGroup: UserGroup.ProductionUser,
      });
      const row = await api.db.models.User.findOne({ where: { username: 'anna' } });
      expect(row?.source).toBe(UserSource.Ldap);
      expect(row?.passwordHash).toBeNull();
      const audit = await api.db.models.AuditEvent.findOne({
        where: { action: 'user.provision', entityId: row?.id ?? 0 },
      });
      expect(audit?.actorName).toBe('directory (LDAP)');
    });

    it('matches the user name case-insensitively: one account', async () => {
      const { client, reason } = await login('ANNA', 'anna-secret');
      expect(reason).toBe('no error');
      expect((await client.trpc.auth.whoami.query()).user?.username).toBe('anna');
      expect(await api.db.models.User.count({ where: { usernameKey: 'anna' } })).toBe(1);
    });

    it('[URS-INT-007] refuses a wrong or empty password', async () => {
      expect((await login('anna', 'not-annas')).reason).toBe('LOGIN_FAILED');
      expect((await lastLoginEvent('anna'))?.reason).toBe('wrong-password');
      expect((await login('anna', ' ')).reason).toBe('LOGIN_FAILED');
    });

    it('maps a group configured by its full DN, and takes the cn as display name', async () => {
      const { client, reason } = await login('bob', 'bo-secret');
      expect(reason).toBe('no error');
      expect((await client.trpc.auth.whoami.query()).user).toMatchObject({
        displayName: 'Bo Berg',
        userGroup: UserGroup.ProductionAdmin,
      });
    });

    it('[URS-INT-007] refuses a directory user in no Tracershop group', async () => {
      expect((await login('carl', 'carl-secret')).reason).toBe('LOGIN_FAILED');
      expect((await lastLoginEvent('carl'))?.reason).toBe('no-role');
      expect(await api.db.models.User.findOne({ where: { username: 'carl' } })).toBeNull();
    });

    it('[URS-INT-007][URS-AUD-009] follows group changes in the directory on the next login (audited), ending the sessions of the old role', async () => {
      const { client: before } = await login('anna', 'anna-secret');
      expect((await before.trpc.auth.whoami.query()).user?.userGroup).toBe(
        UserGroup.ProductionUser,
      );
      const admin = new Client({ url: ldap.url });
      await admin.bind(LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD);
      await admin.modify(
        `cn=Anna Andersen,${PEOPLE}`,
        new Change({
          operation: 'delete',
          modification: new Attribute({
            type: 'memberOf',
            values: [`CN=RGH-B-SE Tracershop Production-User,${GROUPS}`],
          }),
        }),
      );
      await admin.unbind();
      const { client } = await login('anna', 'anna-secret');
      expect((await client.trpc.auth.whoami.query()).user?.userGroup).toBe(UserGroup.ShopUser);
      const row = await api.db.models.User.findOne({ where: { username: 'anna' } });
      const audit = await api.db.models.AuditEvent.findOne({
        where: { action: 'user.edit', entityId: row?.id ?? 0 },
      });
      expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ userGroup: UserGroup.ShopUser });
      // The session started with the production role is over.
      expect((await before.trpc.auth.whoami.query()).user).toBeNull();
    });

    it('escapes LDAP filter characters in the user name', async () => {
      for (const username of ['*)(sAMAccountName=*', '*', 'an*', 'anna)(|(cn=*']) {
        expect((await login(username, 'anna-secret')).reason).toBe('LOGIN_FAILED');
      }
      for (const username of ['*)(sAMAccountName=*', '*']) {
        expect((await login(username, 'bo-secret')).reason).toBe('LOGIN_FAILED');
      }
    });

    it('[URS-INT-008] keeps local external users working, never taken over by a directory namesake', async () => {
      const { client, reason } = await login('external', DEMO_PASSWORD);
      expect(reason).toBe('no error');
      expect((await client.trpc.auth.whoami.query()).user?.userGroup).toBe(UserGroup.ShopExternal);
      expect((await login('external', 'directory-secret')).reason).toBe('LOGIN_FAILED');
      const row = await api.db.models.User.findOne({ where: { username: 'external' } });
      expect(row?.source).toBe(UserSource.Local);
      expect(row?.userGroup).toBe(UserGroup.ShopExternal);
    });

    it('[URS-INT-008] signs a release with the directory password', async () => {
      const fixtures = new ReleaseFixtures(api);
      const { client } = await login('bob', 'bo-secret');
      const bob = await api.db.models.User.findOne({ where: { username: 'bob' } });
      const slot = await fixtures.slot('PET1', 'FDG');
      await api.db.models.ReleaseRight.create({
        userId: bob?.id ?? 0,
        userName: 'Bo Berg',
        tracerId: slot.tracerId,
      });
      const date = fixtures.freshDate();
      const orders = await fixtures.activityOrders(slot, date, 1);
      const vials = await fixtures.deliveringVials(slot, date, orders);
      const release = (password: string) =>
        client.trpc.release.activity.mutate({
          slotId: slot.slotId,
          deliveryDate: date,
          orderIds: orders.map((order) => order.id),
          vialIds: vials.map((vial) => vial.id),
          password,
        });
      expect(await reasonOf(release('anna-secret'))).toBe('INVALID_SIGNATURE');
      const result = await release('bo-secret');
      expect(result.manifest.signedBy).toEqual({ id: bob?.id, name: 'Bo Berg' });
      const stored = await api.db.models.ActivityOrder.findByPk(orders[0]?.id ?? 0);
      expect(stored?.status).toBe(OrderStatus.Released);
    });

    it('[URS-INT-007] uses StartTLS and verifies the certificate unless told not to', async () => {
      const verified = await startTestApi({
        dialect: 'sqlite',
        db: api.db,
        env: directoryEnv(ldap, { LDAP_STARTTLS: '1', LDAP_CA_FILE: ldap.caFile }),
      });
      const unknownCa = await startTestApi({
        dialect: 'sqlite',
        db: api.db,
        env: directoryEnv(ldap, { LDAP_STARTTLS: '1' }),
      });
      const unverified = await startTestApi({
        dialect: 'sqlite',
        db: api.db,
        env: directoryEnv(ldap, { LDAP_STARTTLS: '1', LDAP_TLS_VERIFY: '0' }),
      });
      try {
        expect((await login('bob', 'bo-secret', verified)).reason).toBe('no error');
        expect((await login('bob', 'bo-secret', unknownCa)).reason).toBe('LOGIN_FAILED');
        expect((await lastLoginEvent('bob'))?.reason).toBe('unavailable');
        expect((await login('bob', 'bo-secret', unverified)).reason).toBe('no error');
      } finally {
        await Promise.all([verified.close(), unknownCa.close(), unverified.close()]);
      }
    });

    it('[URS-INT-008] turns a directory outage into a clean login failure; local users still log in', async () => {
      const closedPort = await freePort();
      const down = await startTestApi({
        dialect: 'sqlite',
        db: api.db,
        env: directoryEnv(ldap, { LDAP_URL: `ldap://127.0.0.1:${closedPort}/` }),
      });
      try {
        const started = Date.now();
        expect((await login('bob', 'bo-secret', down)).reason).toBe('LOGIN_FAILED');
        expect(Date.now() - started).toBeLessThan(5_000);
        expect((await lastLoginEvent('bob'))?.reason).toBe('unavailable');
        expect((await login('external', DEMO_PASSWORD, down)).reason).toBe('no error');
        expect((await login('prod-user', DEMO_PASSWORD, down)).reason).toBe('no error');
      } finally {
        await down.close();
      }
    });

    describe('a shop admin granting a colleague access', () => {
      let shopAdmin: TestClient;
      let rhkf: number;
      let herlev: number;

      async function customerId(shortName: string): Promise<number> {
        const customer = await api.db.models.Customer.findOne({ where: { shortName } });
        if (customer === null) {
          throw new Error(`no customer ${shortName}`);
        }
        return customer.id;
      }

      function grant(username: string, customer = rhkf, client = shopAdmin) {
        return client.trpc.setup.userAssignments.create.mutate({ username, customerId: customer });
      }

      /** Accounts, assignments and audit rows: what a refused grant must leave as it was. */
      async function written() {
        const { AuditEvent, User, UserAssignment } = api.db.models;
        return {
          users: await User.count(),
          assignments: await UserAssignment.count(),
          audit: await AuditEvent.count(),
        };
      }

      beforeAll(async () => {
        shopAdmin = await api.loginAs('shop-admin');
        rhkf = await customerId('RH KF');
        herlev = await customerId('Herlev NM');
      });

      it('[URS-ACC-009][URS-AUD-009] grants a directory user who has never logged in: the account comes with the access, audited and announced', async () => {
        const { AuditEvent, User } = api.db.models;
        expect(await User.findOne({ where: { usernameKey: 'dora' } })).toBeNull();
        expect(await shopAdmin.trpc.setup.userAssignments.grantMode.query()).toEqual({
          directoryLookup: true,
        });
        const production = collectEvents(await api.loginAs('prod-admin'));
        await production.started;
        try {
          const granted = await grant('Dora');
          const dora = await User.findOne({ where: { usernameKey: 'dora' } });
          expect(dora).toMatchObject({
            username: 'Dora',
            displayName: 'Dora Dahl (KF)',
            userGroup: UserGroup.ShopUser,
            source: UserSource.Ldap,
            passwordHash: null,
            active: true,
          });
          expect(granted).toMatchObject({
            userId: dora?.id,
            customerId: rhkf,
            accountCreated: true,
          });
          const shopAdminId = (await User.findOne({ where: { username: 'shop-admin' } }))?.id;
          const created = await AuditEvent.findOne({
            where: { action: 'user.create', entity: 'User', entityId: dora?.id ?? 0 },
          });
          expect(created?.actorId).toBe(shopAdminId);
          expect(JSON.parse(created?.after ?? '{}')).toMatchObject({
            username: 'Dora',
            userGroup: UserGroup.ShopUser,
            source: UserSource.Ldap,
          });
          expect(created?.after).not.toContain('passwordHash');
          const assigned = await AuditEvent.findOne({
            where: { action: 'userAssignment.create', entityId: granted.id },
          });
          expect(assigned?.actorId).toBe(shopAdminId);
          await eventually(
            () =>
              upsertedRows<{ username: string }>(production.events, 'User').some(
                (row) => row.username === 'Dora',
              ) && upsertedRows(production.events, 'UserAssignment').length > 0,
          );
        } finally {
          production.stop();
        }

        const listed = await shopAdmin.trpc.setup.users.list.query();
        expect(listed.users.find((user) => user.username === 'Dora')?.customerIds).toEqual([rhkf]);
        // Her first login finds the account: one account, the customer already hers.
        const { client, reason } = await login('dora', 'dora-secret');
        expect(reason).toBe('no error');
        expect((await client.trpc.auth.whoami.query()).user?.customerIds).toEqual([rhkf]);
        expect(await User.count({ where: { usernameKey: 'dora' } })).toBe(1);
      });

      it('[URS-ACC-009] refuses a user name the directory does not know; nothing is written', async () => {
        const before = await written();
        expect(await reasonOf(grant('nobody-in-the-directory'))).toBe('DIRECTORY_USER_UNKNOWN');
        expect(await reasonOf(grant('*'))).toBe('DIRECTORY_USER_UNKNOWN');
        expect(await written()).toEqual(before);
      });

      it('[URS-ACC-009] refuses a directory user whose groups give no shop role; nothing is written', async () => {
        const before = await written();
        // In no Tracershop group, and in production's group only.
        expect(await reasonOf(grant('carl'))).toBe('DIRECTORY_NO_SHOP_ROLE');
        expect(await reasonOf(grant('erik'))).toBe('DIRECTORY_NO_SHOP_ROLE');
        // An existing account is judged by its role, as without a directory.
        expect(await reasonOf(grant('prod-user'))).toBe('WRONG_USER_GROUP');
        expect(await reasonOf(grant('external'))).toBe('WRONG_USER_GROUP');
        expect(await written()).toEqual(before);
        expect(await api.db.models.User.findOne({ where: { usernameKey: 'erik' } })).toBeNull();
      });

      it('[URS-ACC-009] refuses a colleague who already has access to the customer', async () => {
        const before = await written();
        expect(await reasonOf(grant('DORA'))).toBe('ALREADY_HAS_ACCESS');
        expect(await reasonOf(grant('shop-user'))).toBe('ALREADY_HAS_ACCESS');
        expect(await written()).toEqual(before);
      });

      it('[URS-ACC-009] says so when the directory cannot be reached; nothing is written, existing accounts still granted', async () => {
        const closedPort = await freePort();
        const down = await startTestApi({
          dialect: 'sqlite',
          db: api.db,
          env: directoryEnv(ldap, { LDAP_URL: `ldap://127.0.0.1:${closedPort}/` }),
        });
        try {
          const admin = await down.loginAs('shop-admin');
          const before = await written();
          expect(await reasonOf(grant('frida', rhkf, admin))).toBe('DIRECTORY_UNAVAILABLE');
          expect(await written()).toEqual(before);
          expect(await api.db.models.User.findOne({ where: { usernameKey: 'frida' } })).toBeNull();
          // Dora has her account: the directory is not asked.
          expect(await grant('dora', herlev, admin)).toMatchObject({
            customerId: herlev,
            accountCreated: false,
          });
        } finally {
          await down.close();
        }
      });

      it('[URS-ACC-009] without directory login grants existing accounts only, and says so', async () => {
        const plain = await startTestApi({ dialect: 'sqlite', db: api.db, env: {} });
        try {
          const admin = await plain.loginAs('shop-admin');
          expect(await admin.trpc.setup.userAssignments.grantMode.query()).toEqual({
            directoryLookup: false,
          });
          const before = await written();
          expect(await reasonOf(grant('frida', rhkf, admin))).toBe('NOT_FOUND');
          expect(await written()).toEqual(before);
          await api.db.models.User.create({
            username: 'lokal-kollega',
            displayName: 'Lokal Kollega',
            userGroup: UserGroup.ShopUser,
            passwordHash: null,
            source: UserSource.Local,
          });
          expect(await grant('lokal-kollega', rhkf, admin)).toMatchObject({ customerId: rhkf });
          expect(await reasonOf(grant('lokal-kollega', rhkf, admin))).toBe('ALREADY_HAS_ACCESS');
        } finally {
          await plain.close();
        }
      });
    });
  },
);
