/**
 * `tracershop user create`: a local account made at the server's console. On a new site
 * started without the demo (`TRACERSHOP_DEMO=0`) it gives the site its first site admin, who
 * then creates everything else in the app (docs/operations.md, "A new site's first day").
 *
 *   tracershop user create --username NAME --role ROLE [--name "Display Name"] [--customer ID ...]
 *
 * The password is typed twice without echo at a terminal; otherwise the first line of
 * standard input is the password, so that automation can pipe it in. The databases are
 * migrated first, as the api does when it starts. The account is written and audited
 * (`user.create`, and `userAssignment.create` for each customer of a shop role) the way the
 * app writes access changes, with the system as the actor.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  ROLE_NAMES,
  fieldSchemas,
  newPasswordProblem,
  roleCustomersProblem,
  schemaLimits,
  userGroupOfRoleName,
} from '@tracershop/core';
import type { NewPasswordProblem, UserGroup } from '@tracershop/core';
import { DbConstraintError, hashPassword, usernameKeyOf } from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import { createLocalAccount } from './routers/admin/users';
import { withConsoleServices } from './consoleServices';
import type { ApiServices } from './services';

const { newPasswordMin } = schemaLimits;

export const USER_USAGE = `Usage: tracershop user create --username NAME --role ROLE
                             [--name "Display Name"] [--customer ID ...]
  ROLE: ${Object.keys(ROLE_NAMES).join(', ')}
  Shop roles need --customer with customer ids; the other roles see every customer.
  At a terminal the password is asked twice and not shown; otherwise the first line of
  standard input is the password (${newPasswordMin} characters at least, not the user name).
  The databases are migrated first, so a fresh install needs nothing else. The account is
  local (logs in with this password), active, and audited as created by the system.`;

/** What the first site admin is made with; main.ts prints it on a site without one. */
export function firstSiteAdminHint(siteUrl: string): string {
  return [
    'No demo site (TRACERSHOP_DEMO=0), and no active site administrator yet.',
    "Create the first one at this server's console (it asks for the password):",
    '  tracershop user create --username NAME --role site-admin --name "Full Name"',
    '  (from the repository: node apps/api/dist/cli.js user create … with the same arguments)',
    `Then log in at ${siteUrl}/production/ and create the other accounts there.`,
  ].join('\n');
}

/** The account asked for on the command line, checked. */
interface NewAccount {
  username: string;
  displayName: string;
  roleName: string;
  userGroup: UserGroup;
  customerIds: number[];
}

const REFUSED = 'No account was created.';

const PASSWORD_PROBLEMS: Record<NewPasswordProblem, string> = {
  tooShort: `The password is too short: it needs at least ${newPasswordMin} characters.`,
  tooLong: `The password is too long: it may have at most ${schemaLimits.password} characters.`,
  sameAsUsername: 'The password is the user name: choose one nobody can guess from it.',
};

const { boundedText, id, usernameText } = fieldSchemas;
const displayNameText = boundedText(schemaLimits.personName);

/** The account of the arguments, or the words saying what is wrong with them. */
function accountOf(argv: string[]): NewAccount | string {
  const [subcommand, ...rest] = argv;
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        customer: { type: 'string', multiple: true },
      },
      strict: true,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  if (subcommand !== 'create') {
    return subcommand === undefined ? 'Which user command?' : `Unknown command "${subcommand}".`;
  }
  const username = usernameText.safeParse(values.username ?? '');
  if (!username.success) {
    return values.username === undefined || values.username.trim() === ''
      ? 'The user name (--username) is missing.'
      : `The user name may have at most ${schemaLimits.username} characters.`;
  }
  const roleName = values.role ?? '';
  const userGroup = userGroupOfRoleName(roleName);
  if (userGroup === null) {
    return values.role === undefined
      ? 'The role (--role) is missing.'
      : `Unknown role "${roleName}".`;
  }
  const displayName = displayNameText.safeParse(values.name ?? '');
  if (!displayName.success) {
    return `The name (--name) may have at most ${schemaLimits.personName} characters.`;
  }
  const customers = values.customer ?? [];
  const customerIds: number[] = [];
  for (const text of customers) {
    const parsed = id.safeParse(/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);
    if (!parsed.success) {
      return `"${text}" is not a customer id (a whole number, as the customer list shows).`;
    }
    if (!customerIds.includes(parsed.data)) {
      customerIds.push(parsed.data);
    }
  }
  switch (roleCustomersProblem(userGroup, customerIds)) {
    case 'customersNeeded':
      return `A ${roleName} acts for customers: give at least one with --customer ID.`;
    case 'customersNotUsed':
      return `A ${roleName} sees every customer: leave --customer out.`;
    case null:
      break;
  }
  return {
    username: username.data,
    displayName: displayName.data,
    roleName,
    userGroup,
    customerIds,
  };
}

/** Why the account cannot be made on this site, or null. */
async function refusalOf(db: Databases, account: NewAccount): Promise<string | null> {
  const { User, Customer } = db.models;
  const existing = await User.findOne({ where: { usernameKey: usernameKeyOf(account.username) } });
  if (existing !== null) {
    return (
      `A user "${existing.username}" already exists ` +
      '(user names are the same in any letter case).'
    );
  }
  if (account.customerIds.length > 0) {
    const known = await Customer.findAll({ where: { id: account.customerIds } });
    const missing = account.customerIds.filter(
      (customerId) => !known.some((c) => c.id === customerId),
    );
    if (missing.length > 0) {
      return `No customer with the id ${missing.join(', ')}.`;
    }
  }
  return null;
}

/** The first line of a piped standard input, or null when there is none. */
async function firstLineOf(input: NodeJS.ReadableStream): Promise<string | null> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      return line;
    }
    return null;
  } finally {
    lines.close();
  }
}

/** The password typed twice at the terminal without echo, or null (different, cancelled). */
async function typedTwice(): Promise<string | null> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer | string, encoding: BufferEncoding, done: () => void) {
      if (!muted) {
        process.stdout.write(chunk, encoding);
      }
      done();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  const cancel = new AbortController();
  terminal.on('SIGINT', () => cancel.abort());
  const ask = async (prompt: string): Promise<string> => {
    // The prompt is written at once; what is typed after it is not shown.
    const answer = terminal.question(prompt, { signal: cancel.signal });
    muted = true;
    try {
      return await answer;
    } finally {
      muted = false;
      process.stdout.write('\n');
    }
  };
  try {
    const first = await ask('Password (not shown): ');
    const second = await ask('The same password again: ');
    if (first !== second) {
      console.error(`The two passwords differ. ${REFUSED}`);
      return null;
    }
    return first;
  } catch (error) {
    if ((error as Error).name === 'AbortError') {
      console.error(`Cancelled. ${REFUSED}`);
      return null;
    }
    throw error;
  } finally {
    terminal.close();
  }
}

/** The password from the terminal or the first line of standard input; null when none. */
async function readPassword(): Promise<string | null> {
  if (process.stdin.isTTY) {
    return typedTwice();
  }
  const line = await firstLineOf(process.stdin);
  if (line === null) {
    console.error(`No password on standard input (its first line is the password). ${REFUSED}`);
  }
  return line;
}

/** Runs `tracershop user …`; returns the exit code. */
export async function runUserCommand(argv: string[]): Promise<number> {
  const account = accountOf(argv);
  if (typeof account === 'string') {
    console.error(`${account}\n${USER_USAGE}`);
    return 2;
  }
  return withConsoleServices({ migrate: true }, async (services) => {
    try {
      return await createFromConsole(services, account);
    } catch (error) {
      if (
        error instanceof DbConstraintError &&
        error.kind === 'unique' &&
        error.entity === 'User'
      ) {
        console.error(`A user "${account.username}" was created meanwhile. ${REFUSED}`);
        return 1;
      }
      if (error instanceof DbConstraintError && error.kind === 'invalid') {
        // The users table's own limits: its columns are narrower than some schema limits.
        const fields = error.fields.length > 0 ? error.fields.join(', ') : 'values';
        console.error(`The database refused the account's ${fields} (too long?). ${REFUSED}`);
        return 1;
      }
      throw error;
    }
  });
}

/** Checks, asks for the password and writes the account; returns the exit code. */
async function createFromConsole(services: ApiServices, account: NewAccount): Promise<number> {
  const { db } = services;
  const refusal = await refusalOf(db, account);
  if (refusal !== null) {
    console.error(`${refusal} ${REFUSED}`);
    return 1;
  }
  const password = await readPassword();
  if (password === null) {
    return 1;
  }
  const problem = newPasswordProblem(password, account.username);
  if (problem !== null) {
    console.error(`${PASSWORD_PROBLEMS[problem]} ${REFUSED}`);
    return 1;
  }
  const passwordHash = await hashPassword(password);
  const user = await createLocalAccount(
    { services, user: null },
    { ...account, passwordHash, mustChangePassword: false },
  );
  const customers =
    account.customerIds.length === 0 ? '' : `, customers ${account.customerIds.join(', ')}`;
  const name = user.displayName === '' ? '' : ` (${user.displayName})`;
  console.log(
    `Created user ${user.id} "${user.username}"${name}: ${account.roleName}${customers}; ` +
      'local password, active, audited as user.create by the system.',
  );
  return 0;
}
