/**
 * API tokens for scripts (docs/scripts.md, "Tokens"): the site admin creates them with every
 * working role, a production admin with the production roles (core's `apiTokenProblem`). A
 * token is shown once, when it is created; the list shows every token's scope, expiry and
 * last use, never the token. Creating and revoking are audited; a revocation closes the
 * token's open WebSockets on every instance at once. Only a person manages tokens: a token
 * cannot create or revoke one.
 */
import type { ApiTokenCreateInput } from '@tracershop/core';
import { apiTokenCreateInput, idInput, isSiteAdmin } from '@tracershop/core';
import type { SessionUser } from '../../auth/sessions';
import { listingOf } from '../../auth/apiTokens';
import type { ApiTokenListing } from '../../auth/apiTokens';
import { apiError, notFound } from '../../errors';
import type { Writer } from '../../recordWrites';
import { procedure } from '../../trpc/init';
import { writeAccess } from '../setup/accessWrites';
import { findRow } from '../setup/rows';

/** A person, not a token, manages tokens: no token mints a longer-lived one. */
function assertPerson(user: SessionUser): void {
  if (user.token !== undefined) {
    throw apiError('PERSON_REQUIRED');
  }
}

/** The site admin sees and revokes every token; a production admin their own. */
function mayManage(user: SessionUser, ownerId: number): boolean {
  return isSiteAdmin(user.userGroup) || ownerId === user.id;
}

/** What the audit trail keeps of a token: its scope, never its hash. */
function auditedToken(listing: ApiTokenListing) {
  return {
    name: listing.name,
    ownerName: listing.ownerName,
    userGroup: listing.userGroup,
    access: listing.access,
    customerIds: listing.customerIds,
    expiresAt: listing.expiresAt,
  };
}

export const apiTokenList = procedure('apiToken.manage').query(async ({ ctx }) => {
  const { ApiToken, User } = ctx.services.db.models;
  const tokens = await ApiToken.findAll({
    where: isSiteAdmin(ctx.user.userGroup) ? {} : { ownerId: ctx.user.id },
    include: [{ model: User, as: 'owner', attributes: ['id', 'username', 'displayName'] }],
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return tokens.map((token) =>
    listingOf(token, token.owner ? token.owner.displayName || token.owner.username : ''),
  );
});

/**
 * Creates a token of `owner` (core's rules bound what the owner may give) with its audit row;
 * `writer` is who does it: the owner in the app, the system at the command line.
 */
export async function createApiToken(
  writer: Writer,
  owner: SessionUser,
  input: ApiTokenCreateInput,
): Promise<{ token: string; listing: ApiTokenListing }> {
  const { services } = writer;
  const { Customer, ApiToken } = services.db.models;
  const { token, values } = services.sessions.tokens.plan(owner, input, services.config.timeZone);
  const known = await Customer.count({ where: { id: values.customerIds } });
  if (known !== values.customerIds.length) {
    throw notFound('Customer');
  }
  const listing = await writeAccess(writer, async ({ transaction, audit }) => {
    const row = await ApiToken.create(values, { transaction });
    const created = listingOf(row, owner.displayName || owner.username);
    audit({
      action: 'apiToken.create',
      entity: 'ApiToken',
      entityId: row.id,
      after: auditedToken(created),
    });
    return created;
  });
  return { token, listing };
}

export const apiTokenCreate = procedure('apiToken.manage')
  .input(apiTokenCreateInput)
  .mutation(async ({ ctx, input }) => {
    assertPerson(ctx.user);
    const created = await createApiToken(ctx, ctx.user, input);
    ctx.log.info({ tokenId: created.listing.id }, 'api token created');
    return created;
  });

export const apiTokenRevoke = procedure('apiToken.manage')
  .input(idInput)
  .mutation(async ({ ctx, input }) => {
    assertPerson(ctx.user);
    const { ApiToken } = ctx.services.db.models;
    const revoked = await writeAccess(ctx, async ({ transaction, audit }) => {
      const row = await findRow(ApiToken, input.id, 'ApiToken', transaction);
      if (!mayManage(ctx.user, row.ownerId)) {
        throw notFound('ApiToken');
      }
      if (row.revokedAt !== null) {
        return null;
      }
      row.revokedAt = ctx.services.clock.now();
      row.revokedByName = ctx.user.displayName || ctx.user.username;
      await row.save({ transaction });
      audit({
        action: 'apiToken.revoke',
        entity: 'ApiToken',
        entityId: row.id,
        after: { name: row.name, revokedAt: row.revokedAt.toISOString() },
      });
      return row.tokenHash;
    });
    // After the commit: every instance closes the token's sockets (auth/sessionSockets.ts).
    if (revoked !== null) {
      await ctx.services.sessions.tokens.announceRevoked([revoked]);
    }
    return { ok: true as const };
  });
