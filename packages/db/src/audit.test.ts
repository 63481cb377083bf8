import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditHash, canonicalJson } from './audit';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('follows JSON.stringify for dates, undefined and non-finite numbers', () => {
    expect(
      canonicalJson({
        at: new Date('2024-03-31T01:00:00.123Z'),
        gone: undefined,
        list: [undefined, Number.NaN],
        big: 10n,
      }),
    ).toBe('{"at":"2024-03-31T01:00:00.123Z","big":"10","list":[null,null]}');
  });

  it('gives the same text for objects built in different orders', () => {
    expect(canonicalJson({ x: 1, y: 'æøå' })).toBe(canonicalJson({ y: 'æøå', x: 1 }));
  });
});

describe('auditHash', () => {
  it('is sha256 of the previous hash followed by the canonical event', () => {
    const fields = {
      at: new Date('2024-12-02T07:12:00.000Z'),
      actorId: 3,
      actorName: 'Production User',
      action: 'activityOrder.release',
      entity: 'ActivityOrder',
      entityId: 17,
      before: '{"status":2}',
      after: '{"status":3}',
    };
    const text =
      GENESIS_HASH +
      '{"action":"activityOrder.release","actorId":3,"actorName":"Production User",' +
      '"after":"{\\"status\\":3}","at":"2024-12-02T07:12:00.000Z","before":"{\\"status\\":2}",' +
      '"entity":"ActivityOrder","entityId":17}';
    expect(auditHash(GENESIS_HASH, fields)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('changes with any field and with the previous hash', () => {
    const fields = {
      at: new Date('2024-12-02T07:12:00.000Z'),
      actorId: null,
      actorName: null,
      action: 'x',
      entity: 'Y',
      entityId: null,
      before: null,
      after: null,
    };
    const hash = auditHash(GENESIS_HASH, fields);
    expect(auditHash(GENESIS_HASH, { ...fields, actorName: 'Someone' })).not.toBe(hash);
    expect(auditHash(GENESIS_HASH, { ...fields, at: new Date(fields.at.getTime() + 1) })).not.toBe(
      hash,
    );
    expect(auditHash('1'.repeat(64), fields)).not.toBe(hash);
  });

  it('hashes a reason for a change when there is one, and an event without one as before', () => {
    const fields = {
      at: new Date('2024-12-02T07:12:00.000Z'),
      actorId: 3,
      actorName: 'Production User',
      action: 'activityOrder.editDose',
      entity: 'ActivityOrder',
      entityId: 17,
      before: '{"orderedActivity":300}',
      after: '{"orderedActivity":350}',
    };
    const without = auditHash(GENESIS_HASH, fields);
    // An event written before reasons existed keeps its hash (null and absent are the same).
    expect(auditHash(GENESIS_HASH, { ...fields, reason: null })).toBe(without);
    const text =
      GENESIS_HASH +
      '{"action":"activityOrder.editDose","actorId":3,"actorName":"Production User",' +
      '"after":"{\\"orderedActivity\\":350}","at":"2024-12-02T07:12:00.000Z",' +
      '"before":"{\\"orderedActivity\\":300}","entity":"ActivityOrder","entityId":17,' +
      '"reason":"Kunden ringede"}';
    expect(auditHash(GENESIS_HASH, { ...fields, reason: 'Kunden ringede' })).toBe(
      createHash('sha256').update(text).digest('hex'),
    );
  });
});
