/**
 * Every procedure of the api is reachable by someone who may call it: called from the screens
 * of an app whose users hold the procedure's role-matrix action (the shop for shop members, the
 * production app for production members, the shared `@tracershop/ui` from either), or listed in
 * docs/scripts.md, "Procedures only scripts call", with why. A procedure that is neither is a
 * capability nobody at the hospital can use; a listed one that an app calls, or that no longer
 * exists, makes the list wrong.
 *
 * "Called" is read from the apps' source: the procedure's path (or, after an alias such as
 * `const { isotope } = trpc.orders`, the alias and the rest of the path) followed by a call of
 * the tRPC client or its TanStack Query options.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Action, UserGroup } from '@tracershop/core';
import {
  UserGroup as UserGroups,
  allowed,
  enumValues,
  isProductionMember,
  isShopMember,
} from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/routers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCRIPTS_DOC = path.join(ROOT, 'docs/scripts.md');
const SCRIPT_ONLY_HEADING = '### Procedures only scripts call';

/** Where each app's screens live and who uses them. */
const APPS: ReadonlyArray<{ name: string; roots: string[]; users(g: UserGroup): boolean }> = [
  { name: 'shop', roots: ['apps/customer/src'], users: isShopMember },
  { name: 'production', roots: ['apps/production/src'], users: isProductionMember },
  {
    name: 'both apps',
    roots: ['packages/ui/src'],
    users: (g) => isShopMember(g) || isProductionMember(g),
  },
];

const CALL =
  '\\.(?:queryOptions|mutationOptions|infiniteQueryOptions|subscriptionOptions|queryKey|pathFilter|queryFilter|query|mutate|subscribe)\\b';

interface ListedProcedure {
  path: string;
  action: Action | undefined;
}

function proceduresOfRouter(): ListedProcedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: { action?: Action } } }
  >;
  return Object.entries(procedures).map(([procedurePath, procedure]) => ({
    path: procedurePath,
    action: procedure._def.meta?.action,
  }));
}

function sourceFilesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) {
      return entry === 'testing' || entry === 'node_modules' ? [] : sourceFilesUnder(full);
    }
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names under which `source` reaches the router at `prefix` (e.g. 'orders.isotope'): the
 * prefix itself, and aliases assigned from it or destructured out of its parent.
 */
function aliasesOf(source: string, prefix: string): string[] {
  const segments = prefix.split('.');
  const last = segments[segments.length - 1] ?? prefix;
  const names = [prefix];
  const assigned = new RegExp(
    `(?:const|let)\\s+(\\w+)\\s*=\\s*[\\w.]*\\b${escape(prefix)}\\s*;`,
    'g',
  );
  for (const match of source.matchAll(assigned)) {
    names.push(match[1] ?? '');
  }
  const destructured = new RegExp(`(?:const|let)\\s*\\{([^}]*)\\}\\s*=`, 'g');
  for (const match of source.matchAll(destructured)) {
    for (const part of (match[1] ?? '').split(',')) {
      const [key, rename] = part.split(':').map((word) => word.trim());
      if (key === last) {
        names.push(rename ?? key);
      }
    }
  }
  return names.filter((name) => name !== '');
}

/** Whether `source` calls the procedure at `procedurePath`. */
function calls(source: string, procedurePath: string): boolean {
  const segments = procedurePath.split('.');
  for (let cut = 1; cut < segments.length; cut += 1) {
    const prefix = segments.slice(0, cut).join('.');
    const rest = segments.slice(cut).join('.');
    for (const alias of aliasesOf(source, prefix)) {
      if (new RegExp(`\\b${escape(`${alias}.${rest}`)}${CALL}`).test(source)) {
        return true;
      }
    }
  }
  return false;
}

/** The procedures docs/scripts.md lists as called by scripts only: "- `path` — why". */
function scriptOnlyProcedures(): string[] {
  const doc = readFileSync(SCRIPTS_DOC, 'utf8');
  const start = doc.indexOf(SCRIPT_ONLY_HEADING);
  expect(start, `docs/scripts.md has the section "${SCRIPT_ONLY_HEADING}"`).toBeGreaterThan(-1);
  const section = doc.slice(start + SCRIPT_ONLY_HEADING.length).split(/\n#{1,3} /)[0] ?? '';
  return [...section.matchAll(/^- `([\w.]+)`/gm)].map((match) => match[1] ?? '');
}

const sources = APPS.map((app) => ({
  ...app,
  files: app.roots
    .flatMap((root) => sourceFilesUnder(path.join(ROOT, root)))
    .map((file) => readFileSync(file, 'utf8')),
}));

/** Every working group that may call `action` (any group for public and session-only calls). */
function callersOf(action: Action | undefined): UserGroup[] {
  const groups = enumValues(UserGroups).filter((group) => group !== UserGroups.Anon);
  return action === undefined ? groups : groups.filter((group) => allowed(group, action));
}

/** The apps that call `procedure` and whose users include someone allowed to. */
function reachingApps(procedure: ListedProcedure): string[] {
  const callers = callersOf(procedure.action);
  return sources
    .filter((app) => callers.some((group) => app.users(group)))
    .filter((app) => app.files.some((source) => calls(source, procedure.path)))
    .map((app) => app.name);
}

describe('every api procedure is reachable by someone who may call it', () => {
  const procedures = proceduresOfRouter();
  const scriptOnly = scriptOnlyProcedures();

  it('finds the calls it looks for (the reading of the sources works)', () => {
    const find = (procedurePath: string) =>
      reachingApps({ path: procedurePath, action: undefined });
    // A direct path, a destructured router, an alias of a router, the plain client.
    expect(find('auth.changePassword')).toContain('both apps');
    expect(find('setup.printers.create')).toEqual(['production']);
    expect(find('setup.procedureIdentifiers.create')).toEqual(['production']);
    expect(find('setup.customers.create')).toEqual(['production']);
    expect(procedures.length).toBeGreaterThan(100);
  });

  it('[URS-ACC-014] calls or documents every procedure', () => {
    const unreachable = procedures
      .filter((procedure) => reachingApps(procedure).length === 0)
      .map((procedure) => procedure.path)
      .filter((procedurePath) => !scriptOnly.includes(procedurePath));
    expect(
      unreachable,
      'procedures no app calls for a role that may call them: give them a screen, or list them ' +
        `in docs/scripts.md "${SCRIPT_ONLY_HEADING}" with why`,
    ).toEqual([]);
  });

  it('lists as script-only only procedures that exist and that no app calls', () => {
    const known = new Set(procedures.map((procedure) => procedure.path));
    expect(scriptOnly.filter((procedurePath) => !known.has(procedurePath))).toEqual([]);
    const called = procedures
      .filter((procedure) => scriptOnly.includes(procedure.path))
      .filter((procedure) => reachingApps(procedure).length > 0)
      .map((procedure) => procedure.path);
    expect(called, 'listed as script-only but called by an app').toEqual([]);
  });
});
