/**
 * The tag check (`npm run validation:check`, docs/validation/README.md): every `[URS-…]`
 * written in a test file of the repository names a requirement of
 * docs/validation/requirements.md that is not withdrawn. Runs on the sources alone, without
 * the suites.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { RequirementsDocument } from './requirements';
import { isRequirementId, tagOccurrences } from './testTags';

/** Test files: `*.test.ts`, `*.test.tsx` and the browser suite's `*.spec.ts`. */
const TEST_FILE = /\.(test\.tsx?|spec\.ts)$/;

/** Folders never searched, wherever they are: installed packages, builds and outputs. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  '.git',
  '.turbo',
  'coverage',
  'artifacts',
  'playwright-report',
  'test-results',
]);

/** The validation run's own output, `validation/` at the root. */
const RUN_OUTPUT = 'validation';

export interface SourceTag {
  /** Relative to the repository root, `/`-separated. */
  file: string;
  line: number;
  /** What is inside the brackets. */
  text: string;
}

async function testFilesUnder(folder: string, repoRoot: string, into: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isDirectory()) {
      const skipped =
        SKIPPED_FOLDERS.has(entry.name) || (folder === repoRoot && entry.name === RUN_OUTPUT);
      if (!skipped) {
        await testFilesUnder(path.join(folder, entry.name), repoRoot, into);
      }
    } else if (entry.isFile() && TEST_FILE.test(entry.name)) {
      into.push(path.relative(repoRoot, path.join(folder, entry.name)).split(path.sep).join('/'));
    }
  }
}

/** Every test file of the repository, sorted. */
export async function findTestFiles(repoRoot: string): Promise<string[]> {
  const files: string[] = [];
  await testFilesUnder(repoRoot, repoRoot, files);
  return files.sort();
}

/** Every `[URS…]` written in the repository's test files. */
export async function scanSourceTags(
  repoRoot: string,
): Promise<{ files: number; tags: SourceTag[] }> {
  const files = await findTestFiles(repoRoot);
  const tags: SourceTag[] = [];
  for (const file of files) {
    const source = await readFile(path.join(repoRoot, file), 'utf8');
    for (const occurrence of tagOccurrences(source)) {
      tags.push({ file, line: occurrence.line, text: occurrence.text });
    }
  }
  return { files: files.length, tags };
}

/** What is wrong with the tags, one line each, naming file and line; empty when all is well. */
export function tagProblems(tags: readonly SourceTag[], document: RequirementsDocument): string[] {
  const known = new Set(document.requirements.map((requirement) => requirement.id));
  const withdrawn = new Set(document.withdrawn.map((requirement) => requirement.id));
  const problems: string[] = [];
  for (const tag of tags) {
    const where = `${tag.file}:${tag.line}`;
    if (!isRequirementId(tag.text)) {
      problems.push(`${where}: [${tag.text}] is not a requirement id like [URS-ORD-001]`);
    } else if (withdrawn.has(tag.text)) {
      problems.push(`${where}: [${tag.text}] names a withdrawn requirement`);
    } else if (!known.has(tag.text)) {
      problems.push(
        `${where}: [${tag.text}] names no requirement of docs/validation/requirements.md`,
      );
    }
  }
  return problems;
}
