import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRequirements } from '../src/requirements';
import { findTestFiles, scanSourceTags, tagProblems } from '../src/tagCheck';
import { requirementsMarkdown, tag } from './resultFixtures';

const document = parseRequirements(
  requirementsMarkdown([
    {
      name: 'Ordering',
      prefix: 'URS-ORD',
      rows: [
        { id: 'URS-ORD-001', text: 'Orders.', risk: 'medium' },
        { id: 'URS-ORD-002', text: 'Faxes the order.', risk: 'withdrawn' },
      ],
    },
  ]),
);

let root: string;

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'validation-tags-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the tag check', () => {
  it('reads the tags of test and spec files, not of builds, packages, run output or other files', async () => {
    await write('packages/core/src/a.test.ts', `it('${tag('URS-ORD-001')} orders', () => {});\n`);
    await write('apps/shop/src/b.test.tsx', `\n\nit('${tag('URS-ORD-001')} shows', () => {});\n`);
    await write('e2e/test/c.spec.ts', `test.step('${tag('URS-ORD-001')} orders', () => {});\n`);
    await write('e2e/test/fixtures.ts', `// ${tag('URS-ORD-999')} is not a test file\n`);
    await write('packages/core/dist/a.test.ts', `${tag('URS-ORD-999')}\n`);
    await write('node_modules/x/a.test.ts', `${tag('URS-ORD-999')}\n`);
    await write('validation/results/a.test.ts', `${tag('URS-ORD-999')}\n`);
    await write('tooling/validation/test/d.test.ts', `it('${tag('URS-ORD-001')}', () => {});\n`);

    expect(await findTestFiles(root)).toEqual([
      'apps/shop/src/b.test.tsx',
      'e2e/test/c.spec.ts',
      'packages/core/src/a.test.ts',
      'tooling/validation/test/d.test.ts',
    ]);
    const { files, tags } = await scanSourceTags(root);
    expect(files).toBe(4);
    expect(tags).toEqual([
      { file: 'apps/shop/src/b.test.tsx', line: 3, text: 'URS-ORD-001' },
      { file: 'e2e/test/c.spec.ts', line: 1, text: 'URS-ORD-001' },
      { file: 'packages/core/src/a.test.ts', line: 1, text: 'URS-ORD-001' },
      { file: 'tooling/validation/test/d.test.ts', line: 1, text: 'URS-ORD-001' },
    ]);
    expect(tagProblems(tags, document)).toEqual([]);
  });

  it('fails an unknown, a withdrawn and a malformed tag, naming file and line', async () => {
    await write(
      'packages/core/src/a.test.ts',
      [
        `it('${tag('URS-ORD-001')}${tag('URS-ORD-003')} orders', () => {});`,
        `it('${tag('URS-ORD-002')} faxes', () => {});`,
        `it('${tag('URS-ORD-1')} is short', () => {});`,
      ].join('\n'),
    );
    const { tags } = await scanSourceTags(root);
    expect(tagProblems(tags, document)).toEqual([
      `packages/core/src/a.test.ts:1: ${tag('URS-ORD-003')} names no requirement of docs/validation/requirements.md`,
      `packages/core/src/a.test.ts:2: ${tag('URS-ORD-002')} names a withdrawn requirement`,
      `packages/core/src/a.test.ts:3: ${tag('URS-ORD-1')} is not a requirement id like ${tag('URS-ORD-001')}`,
    ]);
  });
});
