/**
 * `tracershop token create`: an API token for a script, made at the server's console
 * (docs/scripts.md, "Tokens"). The token acts for `--owner`, whose own role bounds what it may
 * be given, exactly as when the owner creates it in the app; the audit trail names the
 * system (the operator at the console) and the owner.
 *
 *   tracershop token create --name NAME --owner USERNAME --role ROLE --access read|write
 *                           [--customer ID ...] --expires YYYY-MM-DD
 *
 * The token is printed alone on the last line of standard output, once.
 */
import { parseArgs } from 'node:util';
import {
  ROLE_NAMES,
  UserGroup,
  apiTokenCreateInput,
  messageFor,
  toValidationIssues,
  tokenRolesGrantableBy,
  userGroupOfRoleName,
} from '@tracershop/core';
import { usernameKeyOf } from '@tracershop/db';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { createApiToken } from './routers/admin/apiTokens';
import { withConsoleServices } from './consoleServices';

/** The role names a token can have: those the site admin may give it. */
const TOKEN_ROLE_NAMES = Object.entries(ROLE_NAMES)
  .filter(([, group]) => tokenRolesGrantableBy(UserGroup.Admin).includes(group))
  .map(([name]) => name);

export const TOKEN_USAGE = `Usage: tracershop token create --name NAME --owner USERNAME --role ROLE
                              --access read|write [--customer ID ...] --expires YYYY-MM-DD
  ROLE: ${TOKEN_ROLE_NAMES.join(', ')}
  The owner is a site admin (any role) or a production admin (production roles); shop roles
  need --customer, with customer ids.`;

/** Runs `tracershop token …`; returns the exit code. */
export async function runTokenCommand(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        name: { type: 'string' },
        owner: { type: 'string' },
        role: { type: 'string' },
        access: { type: 'string' },
        customer: { type: 'string', multiple: true },
        expires: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${TOKEN_USAGE}`);
    return 2;
  }
  if (subcommand !== 'create' || values.owner === undefined) {
    console.error(TOKEN_USAGE);
    return 2;
  }
  const userGroup = userGroupOfRoleName(values.role ?? '');
  if (userGroup === null) {
    console.error(`Unknown role "${values.role ?? ''}".\n${TOKEN_USAGE}`);
    return 2;
  }
  const parsed = apiTokenCreateInput.safeParse({
    name: values.name ?? '',
    userGroup,
    access: values.access,
    customerIds: (values.customer ?? []).map(Number),
    expiresOn: values.expires ?? '',
  });
  if (!parsed.success) {
    const problems = toValidationIssues(parsed.error).map((issue, index) => {
      const path = parsed.error.issues[index]?.path.join('.') ?? '';
      return `  ${path}: ${messageFor(issue)}`;
    });
    console.error(`The token cannot be created:\n${problems.join('\n')}\n${TOKEN_USAGE}`);
    return 2;
  }
  const ownerName = values.owner;
  return withConsoleServices({ migrate: false }, async (services) => {
    try {
      const ownerRow = await services.db.models.User.findOne({
        where: { usernameKey: usernameKeyOf(ownerName) },
      });
      const owner = ownerRow === null ? null : await services.sessions.loadUser(ownerRow.id);
      if (owner === null) {
        console.error(`No active user "${ownerName}" with a role.`);
        return 1;
      }
      const { token, listing } = await createApiToken({ services, user: null }, owner, parsed.data);
      console.log(
        `API token ${listing.id} "${listing.name}" of ${listing.ownerName}: ${values.role}, ` +
          `${listing.access}, expires ${listing.expiresAt}. It is shown once:`,
      );
      console.log(token);
      return 0;
    } catch (error) {
      if (error instanceof TRPCError || error instanceof ZodError) {
        console.error(`The token cannot be created: ${error.message}`);
        return 1;
      }
      throw error;
    }
  });
}
