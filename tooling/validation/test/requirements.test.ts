import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RequirementsError, parseRequirements, tableCells } from '../src/requirements';
import { requirementsMarkdown } from './resultFixtures';

function problemsOf(markdown: string): string[] {
  try {
    parseRequirements(markdown);
  } catch (error) {
    if (error instanceof RequirementsError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

const ORDERING = { name: 'Ordering', prefix: 'URS-ORD' };

describe('parseRequirements', () => {
  it('reads id, area, text, risk and regulation of every row', () => {
    const document = parseRequirements(
      requirementsMarkdown([
        {
          ...ORDERING,
          rows: [
            { id: 'URS-ORD-001', text: 'Orders `MBq`.', risk: 'medium' },
            {
              id: 'URS-ORD-002',
              text: 'Refuses a typing slip.',
              risk: 'High',
              regulation: 'Annex 11 §6',
            },
          ],
        },
        {
          name: 'Release and signature',
          prefix: 'URS-REL',
          rows: [{ id: 'URS-REL-001', text: 'Signs.', risk: 'high' }],
        },
      ]),
    );
    expect(document.areas).toEqual(['Ordering', 'Release and signature']);
    expect(document.requirements).toEqual([
      {
        id: 'URS-ORD-001',
        area: 'Ordering',
        text: 'Orders `MBq`.',
        risk: 'medium',
        regulation: '',
        line: 9,
      },
      {
        id: 'URS-ORD-002',
        area: 'Ordering',
        text: 'Refuses a typing slip.',
        risk: 'high',
        regulation: 'Annex 11 §6',
        line: 10,
      },
      {
        id: 'URS-REL-001',
        area: 'Release and signature',
        text: 'Signs.',
        risk: 'high',
        regulation: '',
        line: 16,
      },
    ]);
  });

  it('refuses an id used twice, naming both lines and both texts when they differ', () => {
    const problems = problemsOf(
      requirementsMarkdown([
        {
          ...ORDERING,
          rows: [
            { id: 'URS-ORD-001', text: 'Orders activity.', risk: 'medium' },
            { id: 'URS-ORD-001', text: 'Orders injections.', risk: 'medium' },
            { id: 'URS-ORD-002', text: 'Deletes.', risk: 'low' },
            { id: 'URS-ORD-002', text: 'Deletes.', risk: 'low' },
          ],
        },
      ]),
    );
    expect(problems).toEqual([
      'line 10: URS-ORD-001 is used for two different requirements: "Orders activity." (line 9) and "Orders injections."',
      'line 12: URS-ORD-002 is listed twice (also on line 11)',
    ]);
  });

  it('refuses malformed rows with the line and what is wrong', () => {
    const problems = problemsOf(
      requirementsMarkdown([
        {
          ...ORDERING,
          rows: [
            { id: 'URS-ORD-1', text: 'Short id.', risk: 'low' },
            { id: 'URS-REL-001', text: 'In the wrong area.', risk: 'low' },
            { id: 'URS-ORD-003', text: '', risk: 'low' },
            { id: 'URS-ORD-004', text: 'Unknown risk.', risk: 'critical' },
          ],
        },
      ]).replace('| URS-ORD-004 |', '| URS-ORD-005 | extra cell |'),
    );
    expect(problems).toEqual([
      'line 9: "URS-ORD-1" is not a requirement id like URS-ORD-001',
      'line 10: URS-REL-001 is under "Ordering", whose ids start with URS-ORD-',
      'line 11: URS-ORD-003 has no requirement text',
      'line 12: URS-ORD-005 has 5 cells, not 4 (Id | Requirement | Risk | Regulation)',
    ]);
  });

  it('refuses a requirement row in a table without the requirements header', () => {
    const markdown = [
      '## Ordering (URS-ORD)',
      '',
      '| Id | Text | Risk |',
      '| --- | --- | --- |',
      '| URS-ORD-001 | Orders. | low |',
    ].join('\n');
    expect(problemsOf(markdown)).toEqual([
      'line 5: URS-ORD-001 is in a table without the header | Id | Requirement | Risk | Regulation |',
    ]);
  });

  it('keeps a withdrawn requirement apart, its id still taken', () => {
    const markdown = requirementsMarkdown([
      {
        ...ORDERING,
        rows: [
          { id: 'URS-ORD-001', text: 'Orders.', risk: 'low' },
          { id: 'URS-ORD-002', text: 'Faxes the order.', risk: 'withdrawn' },
        ],
      },
    ]);
    const document = parseRequirements(markdown);
    expect(document.requirements.map((requirement) => requirement.id)).toEqual(['URS-ORD-001']);
    expect(document.withdrawn).toEqual([
      { id: 'URS-ORD-002', area: 'Ordering', text: 'Faxes the order.', line: 10 },
    ]);
    expect(
      problemsOf(
        `${markdown}\n## Later (URS-LAT)\n\n| Id | Requirement | Risk | Regulation |\n| --- | --- | --- | --- |\n| URS-ORD-002 | Something else. | low | — |\n`,
      ),
    ).toEqual([
      'line 16: URS-ORD-002 is under "Later", whose ids start with URS-LAT-',
      'line 16: URS-ORD-002 is used for two different requirements: "Faxes the order." (line 10) and "Something else."',
    ]);
  });

  it('refuses a document without requirements', () => {
    expect(problemsOf('# Nothing here\n')).toEqual([
      'no requirements found (tables with | Id | Requirement | Risk | Regulation | under "## <Area> (URS-XXX)")',
    ]);
  });

  it('reads a pipe written as \\| inside a cell', () => {
    expect(tableCells('| URS-ORD-001 | a \\| b | low | — |')).toEqual([
      'URS-ORD-001',
      'a | b',
      'low',
      '—',
    ]);
  });
});

describe('docs/validation/requirements.md', () => {
  const file = fileURLToPath(new URL('../../../docs/validation/requirements.md', import.meta.url));
  const document = parseRequirements(readFileSync(file, 'utf8'), file);

  it('holds 80 to 150 requirements in the areas of the validation pack', () => {
    expect(document.requirements.length).toBeGreaterThanOrEqual(80);
    expect(document.requirements.length).toBeLessThanOrEqual(150);
    expect(document.areas).toEqual([
      'Ordering',
      'Deadlines and calendar',
      'Production',
      'Release and signature',
      'Vials',
      'Documents',
      'Audit trail',
      'Access control',
      'Integrations',
      'Data integrity',
      'Backup and restore',
      'Performance and operation',
    ]);
  });

  it('numbers each area from 001 without gaps', () => {
    const byArea = new Map<string, number[]>();
    for (const { id } of [...document.requirements, ...document.withdrawn]) {
      const [, area = '', number = ''] = /^URS-([A-Z]{3})-(\d{3})$/.exec(id) ?? [];
      byArea.set(area, [...(byArea.get(area) ?? []), Number(number)]);
    }
    for (const numbers of byArea.values()) {
      expect(numbers).toEqual(numbers.map((_n, index) => index + 1));
    }
  });
});
