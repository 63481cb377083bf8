/**
 * The release right of a signature (docs/operations.md): the site admin may
 * release everything; everyone else needs an unexpired right of their own for each tracer
 * (activity and injection orders) or isotope (isotope orders) being released. Expiry is read
 * against the site's calendar date, unlike the legacy server, which ignored it.
 */
import { hasReleaseRight } from '@tracershop/core';
import type { Transaction } from 'sequelize';
import type { SessionUser } from '../../auth/sessions';
import { siteToday } from '../../clock';
import { apiError } from '../../errors';
import type { ApiServices } from '../../services';

export interface ReleasedProducts {
  tracerIds?: readonly number[];
  isotopeIds?: readonly number[];
}

/**
 * Refuses with RELEASE_RIGHT_MISSING unless `user` may release every tracer and isotope of
 * `products`. Reads the rights in the release's transaction, so a right revoked meanwhile
 * counts.
 */
export async function assertReleaseRights(
  services: ApiServices,
  user: SessionUser,
  transaction: Transaction,
  products: ReleasedProducts,
): Promise<void> {
  const today = siteToday(services.clock, services.config.timeZone);
  const rows = await services.db.models.ReleaseRight.findAll({
    where: { userId: user.id },
    transaction,
  });
  const rights = rows.map((row) => ({
    userId: row.userId,
    tracerId: row.tracerId,
    isotopeId: row.isotopeId,
    expiryDate: row.expiryDate,
  }));
  const query = { userGroup: user.userGroup, userId: user.id, rights, today };
  // Tracer and isotope are asked separately: a right for one never stands in for the other.
  for (const tracerId of new Set(products.tracerIds ?? [])) {
    if (!hasReleaseRight({ ...query, tracerId })) {
      throw apiError('RELEASE_RIGHT_MISSING', {}, { tracerId });
    }
  }
  for (const isotopeId of new Set(products.isotopeIds ?? [])) {
    if (!hasReleaseRight({ ...query, isotopeId })) {
      throw apiError('RELEASE_RIGHT_MISSING', {}, { isotopeId });
    }
  }
}
