/**
 * Login attempts for the site admin: who tried, from where, whether it worked and why not.
 */
import { fieldSchemas } from '@tracershop/core';
import type { LoginEvent } from '@tracershop/db';
import type { WhereOptions } from 'sequelize';
import { z } from 'zod';
import { procedure } from '../../trpc/init';
import { toWireList } from '../../wire';
import { instantWindow, instantWindowFields, pageFields, pageOf } from './queryWindows';

const { booleanFlag, keyed, usernameText } = fieldSchemas;

export const loginEventsInput = z.strictObject(
  {
    username: usernameText.optional(),
    success: booleanFlag().optional(),
    ...instantWindowFields,
    ...pageFields,
  },
  keyed('input.invalid'),
);

export const loginEventsRead = procedure('admin.audit.read')
  .input(loginEventsInput.optional())
  .query(async ({ ctx, input = {} }) => {
    const where: WhereOptions<LoginEvent> = {
      ...(input.username === undefined ? {} : { username: input.username }),
      ...(input.success === undefined ? {} : { success: input.success }),
      ...instantWindow(input.from, input.to),
    };
    const { page, pageSize, limit, offset } = pageOf(input.page, input.pageSize);
    const { rows, count } = await ctx.services.db.models.LoginEvent.findAndCountAll({
      where,
      order: [['id', 'DESC']],
      limit,
      offset,
    });
    return { rows: toWireList(rows), total: count, page, pageSize };
  });
