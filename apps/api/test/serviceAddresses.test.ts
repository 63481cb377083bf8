/**
 * Outside service addresses kept on the server settings page and used without a restart
 * (addressesInForce.ts): the worklist poll after an edit of the RIS address asks the new
 * address of a real Modality Worklist SCP (dcmtk's wlmscpfs); the HL7 listener accepts the
 * stored senders from the next message on unless HL7_ALLOWED_HOSTS is set; directory login
 * against a real slapd is switched on, re-pointed and off by a stored 'ldap' address while
 * LDAP_URL is unset, and LDAP_URL wins when set; the page's "in force" answer says which; the
 * RIS address cannot be deleted or made another kind, and every change is audited.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserGroup } from '@tracershop/core';
import { missingTestPeers } from '@tracershop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_VARIABLES, directoryUrlOf } from '../src/addressesInForce';
import { startHl7Listener } from '../src/background/ris/hl7Listener';
import { mllpFrame } from '../src/background/ris/mllpServer';
import { pollWorklistOnce, startWorklistService } from '../src/background/ris/worklistPoller';
import { waitForPort } from './ippPrinterPeer';
import type { LdapPeer } from './ldapPeer';
import { LDAP_BASE_LDIF, LDAP_GROUPS, LDAP_PEOPLE, LDAP_SUFFIX, startLdapPeer } from './ldapPeer';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

const run = promisify(execFile);
const AE_TITLE = 'RISWL';
const TODAY = '2026-11-23';

/**
 * A free TCP port below the dynamic range (the api refuses dynamic ports in an address, and
 * the system hands those out for port 0).
 */
async function freeRegisteredPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      return port;
    }
  }
}

/** A worklist entry as dcmtk dump text: one scheduled step. */
function worklistDump(accession: string, date: string): string {
  return `${[
    '(0008,0005) CS [ISO_IR 100]',
    `(0008,0050) SH [${accession}]`,
    '(0010,0010) PN [Hansen^Hans]',
    '(0010,0020) LO [0101011234]',
    '(0020,000d) UI [1.2.826.0.1.3680043.2.77]',
    '(0032,1060) LO [PET/CT FDG helkrop]',
    '(0040,0100) SQ',
    '(fffe,e000) -',
    '(0008,0060) CS [PT]',
    '(0040,0001) AE [PETCT1]',
    `(0040,0002) DA [${date.replaceAll('-', '')}]`,
    '(0040,0003) TM [083000]',
    '(0040,0007) LO [PET/CT FDG helkrop]',
    '(0040,0009) SH [SPS77]',
    '(0040,0011) SH [RGH-KF-PETCT1]',
    '(fffe,e00d) -',
    '(fffe,e0dd) -',
    '(0040,1001) SH [RP77]',
  ].join('\n')}\n`;
}

/** One HL7 message over MLLP from 127.0.0.1; resolves MSA-1 and MSA-3 of the ACK. */
async function sendHl7(port: number, controlId: string): Promise<{ code: string; text: string }> {
  // An order without ORC/OBR pairs: AE from an accepted sender, AR from a refused one.
  const message = `MSH|^~\\&|RIS|RH|TRACERSHOP|RH|20261123080000||ORM^O01|${controlId}|P|2.3\rPID|1||0101011234\r`;
  const socket = net.connect({ host: '127.0.0.1', port });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    const ack = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ACK')), 10_000);
      let received = '';
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        const end = received.indexOf('\u001c\r');
        if (end >= 0) {
          clearTimeout(timer);
          resolve(received.slice(received.indexOf('\u000b') + 1, end));
        }
      });
    });
    socket.write(mllpFrame(message, 'latin1'));
    const msa = (await ack).split('\r').find((line) => line.startsWith('MSA|')) ?? '';
    const [, code = '', , text = ''] = msa.split('|');
    return { code, text };
  } finally {
    socket.destroy();
  }
}

describe.each(TEST_DIALECTS)('service addresses (%s)', (dialect) => {
  let api: TestApi;
  let siteAdmin: TestClient;

  beforeAll(async () => {
    api = await startTestApi({ dialect, today: TODAY, env: {} });
    siteAdmin = await api.loginAs('site-admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  const auditCount = () => api.db.models.AuditEvent.count({ where: { entity: 'ServiceAddress' } });

  it('[URS-INT-002] refuses deleting the RIS address or making it another kind; nothing is written', async () => {
    const ris = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
      kind: 'dicom',
      host: 'ris.example.dk',
      port: 104,
      aeTitle: 'RIS1',
      description: 'RIS',
    });
    await siteAdmin.trpc.setup.settings.edit.mutate({ risAddressId: ris.id });
    const before = await auditCount();
    expect(
      await reasonOf(siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: ris.id })),
    ).toBe('RIS_ADDRESS_IN_USE');
    expect(
      await reasonOf(
        siteAdmin.trpc.setup.serviceAddresses.edit.mutate({ id: ris.id, kind: 'hl7' }),
      ),
    ).toBe('RIS_ADDRESS_IN_USE');
    expect(await api.db.models.ServiceAddress.findByPk(ris.id)).toMatchObject({ kind: 'dicom' });
    expect(await auditCount()).toBe(before);

    // Only a DICOM address can be the RIS.
    const sender = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
      kind: 'hl7',
      host: '10.0.0.7',
      port: 2575,
    });
    expect(
      await reasonOf(siteAdmin.trpc.setup.settings.edit.mutate({ risAddressId: sender.id })),
    ).toBe('INVALID_INPUT');

    await siteAdmin.trpc.setup.settings.edit.mutate({ risAddressId: null });
    await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: ris.id });
    await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: sender.id });
    expect(await api.db.models.ServiceAddress.findByPk(ris.id)).toBeNull();
    const actions = await api.db.models.AuditEvent.findAll({
      where: { entity: 'ServiceAddress' },
      order: [['id', 'ASC']],
    });
    expect(actions.map((event) => [event.action, event.entityId])).toEqual(
      expect.arrayContaining([
        ['serviceAddress.create', ris.id],
        ['serviceAddress.delete', ris.id],
        ['serviceAddress.create', sender.id],
        ['serviceAddress.delete', sender.id],
      ]),
    );
  });

  it('answers which address is in force per kind, only to the site admin', async () => {
    const ris = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
      kind: 'dicom',
      host: 'ris.example.dk',
      port: 104,
      aeTitle: 'RIS2',
    });
    await siteAdmin.trpc.setup.settings.edit.mutate({ risAddressId: ris.id });
    const sender = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
      kind: 'hl7',
      host: '10.0.0.8',
      port: 2575,
    });
    const directory = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
      kind: 'ldap',
      host: 'dc.example.dk',
      port: 636,
    });
    const inForce = await siteAdmin.trpc.setup.serviceAddresses.inForce.query();
    expect(inForce).toEqual([
      {
        kind: 'dicom',
        source: 'stored',
        variable: null,
        addressIds: [ris.id],
        value: 'ris.example.dk:104 (RIS2)',
        missing: [],
      },
      {
        kind: 'hl7',
        source: 'stored',
        variable: 'HL7_ALLOWED_HOSTS',
        addressIds: [sender.id],
        value: '10.0.0.8',
        missing: [],
      },
      {
        kind: 'ldap',
        source: 'stored',
        variable: 'LDAP_URL',
        addressIds: [directory.id],
        value: 'ldaps://dc.example.dk:636',
        // This site has no LDAP_* settings: the stored directory cannot be used yet.
        missing: ['LDAP_SEARCH_BASE'],
      },
    ]);
    const prodAdmin = await api.loginAs('prod-admin');
    expect(await reasonOf(prodAdmin.trpc.setup.serviceAddresses.inForce.query())).toBe(
      'FORBIDDEN_ROLE',
    );

    // The same site with the variables set: they win, and the page is told so.
    const withEnv = await startTestApi({
      dialect,
      db: api.db,
      env: {
        HL7_ALLOWED_HOSTS: 'ris-hl7.example.dk',
        LDAP_URL: 'ldap://dc2.example.dk:389',
        LDAP_SEARCH_BASE: 'ou=people,dc=example,dc=dk',
      },
    });
    try {
      const admin = await withEnv.loginAs('site-admin');
      const overridden = await admin.trpc.setup.serviceAddresses.inForce.query();
      expect(overridden.slice(1)).toEqual([
        {
          kind: 'hl7',
          source: 'environment',
          variable: 'HL7_ALLOWED_HOSTS',
          addressIds: [],
          value: 'ris-hl7.example.dk',
          missing: [],
        },
        {
          kind: 'ldap',
          source: 'environment',
          variable: 'LDAP_URL',
          addressIds: [],
          value: 'ldap://dc2.example.dk:389',
          missing: [],
        },
      ]);
    } finally {
      await withEnv.close();
    }
    await siteAdmin.trpc.setup.settings.edit.mutate({ risAddressId: null });
    await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: ris.id });
    await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: sender.id });
    await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: directory.id });
  });

  describe.skipIf(missingTestPeers(['dcmtk']) !== undefined)('the worklist', () => {
    let root: string;
    let scp: ChildProcess;
    let port: number;

    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'tracershop-addresses-'));
      const folder = path.join(root, AE_TITLE);
      await mkdir(folder);
      await writeFile(path.join(folder, 'lockfile'), '');
      const dump = path.join(folder, 'one.dump');
      await writeFile(dump, worklistDump('DKREGH0007700001', '2026-11-24'), 'latin1');
      await run('dump2dcm', [dump, path.join(folder, 'one.wl')]);
      await rm(dump);
      port = await freeRegisteredPort();
      scp = spawn('wlmscpfs', ['-dfp', root, String(port)], { stdio: 'ignore' });
      await waitForPort(port);
    });

    afterAll(async () => {
      scp?.kill();
      if (root !== undefined) {
        await rm(root, { recursive: true, force: true });
      }
    });

    it('[URS-INT-002] runs without a RIS address, and the next poll uses an edited one without a restart', async () => {
      await siteAdmin.trpc.setup.settings.edit.mutate({ risAddressId: null });
      // Started while no RIS is chosen: a later choice needs no restart.
      const service = await startWorklistService(
        api.server.services,
        { WORKLIST_ENABLED: '1', WORKLIST_TIMEOUT_SECONDS: '2' },
        false,
      );
      expect(service?.name).toBe('worklist');
      await service?.stop();

      const closed = await freeRegisteredPort();
      const ris = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
        kind: 'dicom',
        host: '127.0.0.1',
        port: closed,
        aeTitle: AE_TITLE,
        description: 'RIS worklist',
      });
      await siteAdmin.trpc.setup.settings.edit.mutate({ risAddressId: ris.id });
      await expect(pollWorklistOnce(api.server.services, { timeoutMs: 2000 })).rejects.toThrow(
        /unreachable|closed|timed out/,
      );
      expect(
        await api.db.models.Booking.findOne({ where: { accessionNumber: 'DKREGH0007700001' } }),
      ).toBeNull();

      await siteAdmin.trpc.setup.serviceAddresses.edit.mutate({ id: ris.id, port });
      const result = await pollWorklistOnce(api.server.services, { timeoutMs: 5000 });
      expect(result).toMatchObject({ steps: 1, skipped: 0, created: 1 });
      expect(
        await api.db.models.Booking.findOne({ where: { accessionNumber: 'DKREGH0007700001' } }),
      ).toMatchObject({ startDate: '2026-11-24', startTime: '08:30:00' });

      // An edited AE title counts from the next poll as well.
      await siteAdmin.trpc.setup.serviceAddresses.edit.mutate({ id: ris.id, aeTitle: 'NOSUCHAE' });
      await expect(pollWorklistOnce(api.server.services, { timeoutMs: 2000 })).rejects.toThrow();
      await siteAdmin.trpc.setup.settings.edit.mutate({ risAddressId: null });
    });
  });
});

const PEOPLE = LDAP_PEOPLE;
const GROUPS = LDAP_GROUPS;
const LDIF = `${LDAP_BASE_LDIF}
dn: cn=Gitte Gram,${PEOPLE}
objectClass: inetOrgPerson
objectClass: tracershopAccount
cn: Gitte Gram
sn: Gram
sAMAccountName: GITTE
userPassword: gitte-secret
memberOf: CN=RGH-B-SE Tracershop Production-User,${GROUPS}
`;

/** The LDAP_* settings of directory login, without LDAP_URL. */
const DIRECTORY_ENV: NodeJS.ProcessEnv = {
  LDAP_BIND_DN: `cn=tracershop-service,${LDAP_SUFFIX}`,
  LDAP_BIND_PASSWORD: 'service-secret',
  LDAP_SEARCH_BASE: PEOPLE,
  LDAP_TIMEOUT_SECONDS: '3',
};

describe.skipIf(missingTestPeers(['slapd']) !== undefined)(
  'directory login and HL7 senders from stored addresses (sqlite)',
  () => {
    let ldap: LdapPeer;
    let api: TestApi;
    let siteAdmin: TestClient;

    beforeAll(async () => {
      ldap = await startLdapPeer(LDIF, { port: await freeRegisteredPort() });
      api = await startTestApi({ dialect: 'sqlite', env: DIRECTORY_ENV });
      siteAdmin = await api.loginAs('site-admin');
    });

    afterAll(async () => {
      await api?.close();
      await ldap?.close();
    });

    async function login(username: string, password: string, target: TestApi = api) {
      return reasonOf(target.client().trpc.auth.login.mutate({ username, password }));
    }

    const lastLoginReason = async (username: string) =>
      (
        await api.db.models.LoginEvent.findOne({
          where: { username },
          order: [['id', 'DESC']],
        })
      )?.reason;

    it('[URS-INT-007] switches directory login on, re-points it and off without a restart while LDAP_URL is unset', async () => {
      expect(await login('gitte', 'gitte-secret')).toBe('LOGIN_FAILED');
      const shopAdmin = await api.loginAs('shop-admin');
      expect(await shopAdmin.trpc.setup.userAssignments.grantMode.query()).toEqual({
        directoryLookup: false,
      });

      const address = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
        kind: 'ldap',
        host: '127.0.0.1',
        port: ldap.port,
        description: 'Test directory',
      });
      expect(directoryUrlOf(address)).toBe(`ldap://127.0.0.1:${ldap.port}`);
      expect(await login('gitte', 'gitte-secret')).toBe('no error');
      expect(await api.db.models.User.findOne({ where: { usernameKey: 'gitte' } })).toMatchObject({
        source: 'ldap',
        userGroup: UserGroup.ProductionUser,
      });
      expect(await login('gitte', 'wrong')).toBe('LOGIN_FAILED');
      expect(await lastLoginReason('gitte')).toBe('wrong-password');
      expect(await shopAdmin.trpc.setup.userAssignments.grantMode.query()).toEqual({
        directoryLookup: true,
      });
      const [, , directory] = await siteAdmin.trpc.setup.serviceAddresses.inForce.query();
      expect(directory).toMatchObject({
        source: 'stored',
        addressIds: [address.id],
        value: `ldap://127.0.0.1:${ldap.port}`,
        missing: [],
      });

      // Re-pointed at a port where nobody answers: the next login asks there.
      const closed = await freeRegisteredPort();
      await siteAdmin.trpc.setup.serviceAddresses.edit.mutate({ id: address.id, port: closed });
      expect(await login('gitte', 'gitte-secret')).toBe('LOGIN_FAILED');
      expect(await lastLoginReason('gitte')).toBe('unavailable');
      await siteAdmin.trpc.setup.serviceAddresses.edit.mutate({
        id: address.id,
        port: ldap.port,
      });
      expect(await login('gitte', 'gitte-secret')).toBe('no error');

      // Deleted: directory login is off again; local accounts keep working throughout.
      await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: address.id });
      expect(await login('gitte', 'gitte-secret')).toBe('LOGIN_FAILED');
      expect(await login('site-admin', DEMO_PASSWORD)).toBe('no error');
      expect(await shopAdmin.trpc.setup.userAssignments.grantMode.query()).toEqual({
        directoryLookup: false,
      });
    });

    it('[URS-INT-007] lets LDAP_URL win over a stored address', async () => {
      const stored = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
        kind: 'ldap',
        host: '127.0.0.1',
        port: ldap.port,
      });
      const closed = await freeRegisteredPort();
      const pinned = await startTestApi({
        dialect: 'sqlite',
        db: api.db,
        env: { ...DIRECTORY_ENV, LDAP_URL: `ldap://127.0.0.1:${closed}/` },
      });
      try {
        // The stored address would work; the variable's does not answer, and it is the one asked.
        expect(await login('gitte', 'gitte-secret', pinned)).toBe('LOGIN_FAILED');
        expect(await lastLoginReason('gitte')).toBe('unavailable');
        expect(await login('gitte', 'gitte-secret')).toBe('no error');
        const admin = await pinned.loginAs('site-admin');
        const [, , directory] = await admin.trpc.setup.serviceAddresses.inForce.query();
        expect(directory).toEqual({
          kind: 'ldap',
          source: 'environment',
          variable: ADDRESS_VARIABLES.ldap,
          addressIds: [],
          value: `ldap://127.0.0.1:${closed}/`,
          missing: [],
        });
      } finally {
        await pinned.close();
        await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: stored.id });
      }
    });

    it('[URS-INT-001] accepts the stored HL7 senders from the next message on, HL7_ALLOWED_HOSTS winning', async () => {
      const listener = await startHl7Listener(api.server.services, {
        port: 0,
        host: '127.0.0.1',
        env: {},
      });
      const pinned = await startHl7Listener(api.server.services, {
        port: 0,
        host: '127.0.0.1',
        env: { HL7_ALLOWED_HOSTS: '10.20.30.40' },
      });
      try {
        // No sender stored: every sender, as before.
        expect(await sendHl7(listener.port, 'OPEN1')).toMatchObject({ code: 'AE' });
        const other = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
          kind: 'hl7',
          host: '10.0.0.5',
          port: 2575,
        });
        expect(await sendHl7(listener.port, 'OTHER1')).toEqual({
          code: 'AR',
          text: 'Sender not allowed',
        });
        await siteAdmin.trpc.setup.serviceAddresses.edit.mutate({
          id: other.id,
          host: 'localhost',
        });
        expect(await sendHl7(listener.port, 'LOCAL1')).toMatchObject({ code: 'AE' });
        // The variable wins over the stored sender.
        expect(await sendHl7(pinned.port, 'PINNED1')).toEqual({
          code: 'AR',
          text: 'Sender not allowed',
        });
        await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: other.id });
        expect(await sendHl7(listener.port, 'OPEN2')).toMatchObject({ code: 'AE' });
      } finally {
        await listener.stop();
        await pinned.stop();
      }
    });
  },
);
