/**
 * docs/core-api.md documents every name the package root exports, and nothing else.
 *
 * The exports are read twice: at runtime (`import * as core`, the values) and with the
 * TypeScript compiler from src/index.ts and the modules it re-exports (values and types, each
 * with the file it is declared in). The document is read as its module sections
 * (`## <Title> (<file>.ts)`, the path relative to packages/core/src) and, in them, the rows of
 * the tables whose first header cell is `Name`: every name in backticks in a row's first cell
 * is one documented export.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

import * as core from '../src/index';

// Core's tsconfig leaves Node.js's types out (`types: []`), so that the library's sources cannot
// reach Node's globals. This test types the few parts of Node.js it uses itself.
interface PathModule {
  join(...parts: string[]): string;
  dirname(path: string): string;
  relative(from: string, to: string): string;
  sep: string;
}

/** A Node.js built-in module, with the type the caller gives it. */
async function nodeModule<T>(name: string): Promise<T> {
  return (await import(`node:${name}`)) as T;
}

const path = await nodeModule<PathModule>('path');
const { readFile } = await nodeModule<{
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}>('fs/promises');
const { fileURLToPath } = await nodeModule<{ fileURLToPath(url: string): string }>('url');

const testFile = fileURLToPath((import.meta as unknown as { url: string }).url);
const packageDir = path.dirname(path.dirname(testFile));
const srcDir = path.join(packageDir, 'src');
const docFile = path.join(packageDir, '..', '..', 'docs', 'core-api.md');

const ENTRY_FORMAT =
  'Each export needs a row in the `| Name | Signature | Description |` table under the ' +
  '`## <Title> (<file>.ts)` heading of the module that declares it, e.g. ' +
  '| `decayFactor` | `(halflifeSeconds: number, elapsedSeconds: number): number` | The fraction of activity left … |';

/** An exported name and the module (relative to src/, `/`-separated) that declares it. */
interface Export {
  name: string;
  module: string;
}

/** A name the document lists, the module section it is in, and its line. */
interface DocumentedName {
  name: string;
  module: string | null;
  line: number;
}

/** Every export of src/index.ts, values and types, from the TypeScript compiler. */
function compilerExports(): Export[] {
  const configFile = ts.readConfigFile(path.join(packageDir, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, packageDir);
  const indexFile = path.join(srcDir, 'index.ts');
  const program = ts.createProgram([indexFile], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(indexFile);
  const moduleSymbol = index === undefined ? undefined : checker.getSymbolAtLocation(index);
  if (moduleSymbol === undefined) {
    throw new Error(`TypeScript could not read ${indexFile}`);
  }
  return checker.getExportsOfModule(moduleSymbol).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    const file = declaration?.getSourceFile().fileName ?? '';
    return {
      name: symbol.name,
      module: path.relative(srcDir, file).split(path.sep).join('/'),
    };
  });
}

/** The cells of a Markdown table row (`\|` is a pipe inside a cell). */
function cellsOf(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

const MODULE_HEADING = /^##\s+.*\(([\w./-]+\.ts)\)\s*$/;
const DELIMITER_ROW = /^\|?\s*:?-{3,}/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The documented names, and what in the document's entry rows is not a name. */
function documentedNames(markdown: string): { names: DocumentedName[]; problems: string[] } {
  const names: DocumentedName[] = [];
  const problems: string[] = [];
  const lines = markdown.split(/\r?\n/);
  let module: string | null = null;
  let inFence = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      continue;
    }
    if (/^#{1,2}\s/.test(line)) {
      module = MODULE_HEADING.exec(line)?.[1] ?? null;
      continue;
    }
    const isTableStart =
      line.trimStart().startsWith('|') &&
      cellsOf(line)[0] === 'Name' &&
      DELIMITER_ROW.test((lines[index + 1] ?? '').trim());
    if (!isTableStart) {
      continue;
    }
    index += 2;
    for (
      ;
      index < lines.length && (lines[index] as string).trimStart().startsWith('|');
      index += 1
    ) {
      const row = lines[index] as string;
      const spans = [...(cellsOf(row)[0] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]);
      if (spans.length === 0) {
        problems.push(`line ${index + 1}: an entry row without a name in backticks: ${row}`);
      }
      for (const span of spans) {
        const name = (span as string).trim();
        if (IDENTIFIER.test(name)) {
          names.push({ name, module, line: index + 1 });
        } else {
          problems.push(`line ${index + 1}: \`${name}\` in a Name cell is not a plain name`);
        }
      }
    }
    index -= 1;
  }
  return { names, problems };
}

let exported: Export[] = [];
let documented: DocumentedName[] = [];
let formatProblems: string[] = [];

beforeAll(async () => {
  exported = compilerExports();
  ({ names: documented, problems: formatProblems } = documentedNames(
    await readFile(docFile, 'utf8'),
  ));
}, 120_000);

describe('docs/core-api.md', () => {
  it('is read: the compiler sees every runtime export, and the document lists names', () => {
    const compiled = new Set(exported.map((entry) => entry.name));
    expect(Object.keys(core).filter((name) => !compiled.has(name))).toEqual([]);
    expect(exported.length).toBeGreaterThan(Object.keys(core).length);
    expect(documented.length).toBeGreaterThan(0);
  });

  it('names exports in plain backticks only', () => {
    expect(formatProblems, 'docs/core-api.md entry rows that cannot be read').toEqual([]);
  });

  it('documents every exported name (values and types)', () => {
    const listed = new Set(documented.map((entry) => entry.name));
    const missing = exported
      .filter((entry) => !listed.has(entry.name))
      .map((entry) => `${entry.name} (src/${entry.module})`);
    expect(missing, `exports missing from docs/core-api.md. ${ENTRY_FORMAT}`).toEqual([]);
  });

  it('lists only names the package exports', () => {
    const names = new Set([...exported.map((entry) => entry.name), ...Object.keys(core)]);
    const unknown = documented
      .filter((entry) => !names.has(entry.name))
      .map((entry) => `${entry.name} (docs/core-api.md line ${entry.line})`);
    expect(unknown, 'docs/core-api.md lists names @tracershop/core does not export').toEqual([]);
  });

  it('lists each name once, under the module that declares it', () => {
    const moduleOf = new Map(exported.map((entry) => [entry.name, entry.module]));
    const problems: string[] = [];
    const seen = new Map<string, number>();
    for (const entry of documented) {
      const earlier = seen.get(entry.name);
      if (earlier !== undefined) {
        problems.push(`${entry.name}: listed on lines ${earlier} and ${entry.line}`);
      }
      seen.set(entry.name, entry.line);
      const module = moduleOf.get(entry.name);
      if (module !== undefined && entry.module !== module) {
        problems.push(
          `${entry.name} (line ${entry.line}) is declared in src/${module} but listed under ` +
            (entry.module === null ? 'no module heading' : `the heading of ${entry.module}`),
        );
      }
    }
    expect(problems, `docs/core-api.md entries out of place. ${ENTRY_FORMAT}`).toEqual([]);
  });
});
