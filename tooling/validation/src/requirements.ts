/**
 * The user requirements (docs/validation/requirements.md) read from their markdown: one table
 * per area under a `## <Area> (URS-XXX)` heading, with the columns Id | Requirement | Risk |
 * Regulation. A row that looks like a requirement but is not well formed, an id used twice and
 * an id outside its area's prefix are refused with the line they are on, so that the document
 * cannot drift away from what the report and the tag check read.
 */

export const RISKS = ['high', 'medium', 'low'] as const;
export type Risk = (typeof RISKS)[number];

/** A requirement that no longer applies keeps its row (and its id) with this risk. */
export const WITHDRAWN = 'withdrawn';

/** `URS-ORD-001`: three capital letters for the area, three digits. */
export const REQUIREMENT_ID = /^URS-[A-Z]{3}-\d{3}$/;

export interface Requirement {
  id: string;
  /** The area's heading without its id prefix: "Release and signature". */
  area: string;
  text: string;
  risk: Risk;
  /** The clauses served, as written ("Annex 11 §14; Part 11 §11.50"); empty when none. */
  regulation: string;
  /** 1-based line of the row in the document. */
  line: number;
}

export interface WithdrawnRequirement {
  id: string;
  area: string;
  text: string;
  line: number;
}

export interface RequirementsDocument {
  /** The areas in document order. */
  areas: string[];
  requirements: Requirement[];
  withdrawn: WithdrawnRequirement[];
}

/** The document is not what the tools can trust; `problems` says where and why. */
export class RequirementsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `${file} is not a valid requirements document:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'RequirementsError';
  }
}

const HEADER = ['Id', 'Requirement', 'Risk', 'Regulation'];
/** `## Release and signature (URS-REL)`. */
const AREA_HEADING = /^##\s+(.+?)\s+\((URS-[A-Z]{3})\)\s*$/;
/** A row whose first cell starts like an id: it must then be a well-formed requirement. */
const LOOKS_LIKE_REQUIREMENT = /^URS\b/i;
const NO_REGULATION = new Set(['', '—', '-', '–']);

/** The cells of a markdown table row; `\|` is a pipe inside a cell. */
export function tableCells(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|') || trimmed.length < 2) {
    return null;
  }
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < trimmed.length - 1; i += 1) {
    const char = trimmed[i];
    if (char === '\\' && trimmed[i + 1] === '|') {
      cell += '|';
      i += 1;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function isSeparatorRow(cells: string[]): boolean {
  return cells.every((cell) => /^:?-{3,}:?$/.test(cell));
}

function quoted(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`;
}

/** Reads the requirements of `markdown`; throws RequirementsError listing every problem. */
export function parseRequirements(
  markdown: string,
  file = 'requirements.md',
): RequirementsDocument {
  const problems: string[] = [];
  const areas: string[] = [];
  const requirements: Requirement[] = [];
  const withdrawn: WithdrawnRequirement[] = [];
  const firstSeen = new Map<string, { line: number; text: string }>();

  let area: { name: string; prefix: string } | null = null;
  let inRequirementTable = false;

  for (const [index, raw] of markdown.split(/\r?\n/).entries()) {
    const where = `line ${index + 1}`;
    if (/^#{1,6}\s/.test(raw)) {
      inRequirementTable = false;
      const heading = AREA_HEADING.exec(raw);
      if (heading !== null) {
        area = { name: heading[1] ?? '', prefix: heading[2] ?? '' };
        areas.push(area.name);
      } else if (/^##\s/.test(raw)) {
        area = null;
      }
      continue;
    }
    const cells = tableCells(raw);
    if (cells === null) {
      inRequirementTable = false;
      continue;
    }
    if (cells.length === HEADER.length && cells.every((cell, i) => cell === HEADER[i])) {
      inRequirementTable = true;
      if (area === null) {
        problems.push(
          `${where}: a requirements table outside an area heading "## <Area> (URS-XXX)"`,
        );
      }
      continue;
    }
    if (!inRequirementTable) {
      if (LOOKS_LIKE_REQUIREMENT.test(cells[0] ?? '')) {
        problems.push(
          `${where}: ${cells[0]} is in a table without the header | Id | Requirement | Risk | Regulation |`,
        );
      }
      continue;
    }
    if (isSeparatorRow(cells)) {
      continue;
    }

    const [id = '', text = '', riskCell = '', regulation = ''] = cells;
    if (cells.length !== HEADER.length) {
      problems.push(
        `${where}: ${id || 'a row'} has ${cells.length} cells, not 4 (Id | Requirement | Risk | Regulation)`,
      );
      continue;
    }
    if (!REQUIREMENT_ID.test(id)) {
      problems.push(`${where}: "${id}" is not a requirement id like URS-ORD-001`);
      continue;
    }
    if (area !== null && !id.startsWith(`${area.prefix}-`)) {
      problems.push(
        `${where}: ${id} is under "${area.name}", whose ids start with ${area.prefix}-`,
      );
    }
    if (text === '') {
      problems.push(`${where}: ${id} has no requirement text`);
    }
    const risk = riskCell.toLowerCase();
    const knownRisk = (RISKS as readonly string[]).includes(risk);
    if (risk !== WITHDRAWN && !knownRisk) {
      problems.push(
        `${where}: ${id} has the risk "${riskCell}"; it must be high, medium, low or withdrawn`,
      );
    }
    const earlier = firstSeen.get(id);
    if (earlier !== undefined) {
      problems.push(
        earlier.text === text
          ? `${where}: ${id} is listed twice (also on line ${earlier.line})`
          : `${where}: ${id} is used for two different requirements: ${quoted(earlier.text)} (line ${earlier.line}) and ${quoted(text)}`,
      );
      continue;
    }
    const line = index + 1;
    firstSeen.set(id, { line, text });
    const areaName = area?.name ?? '';
    if (risk === WITHDRAWN) {
      withdrawn.push({ id, area: areaName, text, line });
    } else if (knownRisk) {
      requirements.push({
        id,
        area: areaName,
        text,
        risk: risk as Risk,
        regulation: NO_REGULATION.has(regulation) ? '' : regulation,
        line,
      });
    }
  }

  if (problems.length === 0 && requirements.length === 0) {
    problems.push(
      'no requirements found (tables with | Id | Requirement | Risk | Regulation | under "## <Area> (URS-XXX)")',
    );
  }
  if (problems.length > 0) {
    throw new RequirementsError(file, problems);
  }
  return { areas, requirements, withdrawn };
}
