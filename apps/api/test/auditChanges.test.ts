/** What an audit event changed, field by field (`auditChanges`, the trail in words' input). */
import { describe, expect, it } from 'vitest';
import { auditChanges } from '../src/auditTrail/auditChanges';

describe('auditChanges', () => {
  it('lists only the fields an edit changed, old and new', () => {
    expect(
      auditChanges(
        { id: 7, status: 2, freedById: null, comment: 'x' },
        { id: 7, status: 3, freedById: 4, comment: 'x' },
      ),
    ).toEqual([
      { field: 'status', before: 2, after: 3 },
      { field: 'freedById', before: null, after: 4 },
    ]);
  });

  it('lists every value of a creation and of a deletion', () => {
    expect(auditChanges(null, { id: 1, name: 'FDG', owner: { id: 2 } })).toEqual([
      { field: 'id', after: 1 },
      { field: 'name', after: 'FDG' },
      { field: 'owner.id', after: 2 },
    ]);
    expect(auditChanges({ id: 1 }, null)).toEqual([{ field: 'id', before: 1 }]);
  });

  it('treats snapshots that are not objects as one value', () => {
    expect(auditChanges([1, 2], [1, 3])).toEqual([{ field: '', before: [1, 2], after: [1, 3] }]);
    expect(auditChanges(null, 5)).toEqual([{ field: '', after: 5 }]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it('compares nested objects and lists of rows field by field, row by row', () => {
    expect(
      auditChanges(
        { order: { id: 12, status: 3 }, vials: [{ id: 5, assignedToId: 12 }] },
        { order: { id: 12, status: 2 }, vials: [{ id: 5, assignedToId: null }] },
      ),
    ).toEqual([
      { field: 'order.status', before: 3, after: 2 },
      { field: 'vials[5].assignedToId', before: 12, after: null },
    ]);
    expect(
      auditChanges(
        { vials: [{ id: 5 }, { id: 7 }] },
        { vials: [{ id: 5 }, { id: 6, activity: 9 }] },
      ),
    ).toEqual([
      { field: 'vials[7]', removed: true },
      { field: 'vials[6].id', after: 6 },
      { field: 'vials[6].activity', after: 9 },
    ]);
  });

  it('reads a signed release as its manifest: new fields, nothing of the other shape', () => {
    expect(
      auditChanges(
        {
          orders: [{ id: 12, status: 2 }],
          vials: [{ id: 5, lotNumber: 'FDG-261202-1', activity: 15000 }],
        },
        {
          meaning: 'released',
          signedBy: { id: 3, name: 'Demo Production User' },
          orderIds: [12],
          vials: [{ id: 5, lotNumber: 'FDG-261202-1' }],
        },
      ),
    ).toEqual([
      { field: 'meaning', after: 'released' },
      { field: 'signedBy.id', after: 3 },
      { field: 'signedBy.name', after: 'Demo Production User' },
      { field: 'orderIds', after: [12] },
    ]);
  });
});
