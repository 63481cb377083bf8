/**
 * Reading `/metrics` in tests: the samples of the Prometheus text format, and Prometheus' own
 * parser (`promtool check metrics`, Debian's `prometheus` package; CI installs it).
 */
import { spawnSync } from 'node:child_process';

/** `name{label="value",…}` → value, for every sample line. */
export type Samples = Map<string, number>;

function unescape(value: string): string {
  return value.replace(/\\(["\\n])/g, (_whole, escaped: string) =>
    escaped === 'n' ? '\n' : escaped,
  );
}

/** The key of a sample: its name and its labels sorted by name. */
export function sampleKey(name: string, labels: Record<string, string> = {}): string {
  const parts = Object.keys(labels)
    .sort()
    .map((label) => `${label}=${JSON.stringify(labels[label])}`);
  return parts.length === 0 ? name : `${name}{${parts.join(',')}}`;
}

export function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const match = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) {
      throw new Error(`Not a sample line: ${line}`);
    }
    const [, name = '', labelText = '', value = ''] = match;
    const labels: Record<string, string> = {};
    for (const label of labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[label[1] ?? ''] = unescape(label[2] ?? '');
    }
    samples.set(sampleKey(name, labels), Number(value));
  }
  return samples;
}

/** The value of one sample, or undefined when it is not there. */
export function sample(
  samples: Samples,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  return samples.get(sampleKey(name, labels));
}

export interface PromtoolVerdict {
  /** False when Prometheus' parser refused the text (exit code 1). */
  parsed: boolean;
  /** Lint findings (exit code 3), one per line: naming conventions and the like. */
  lintProblems: string[];
  output: string;
}

/** `promtool check metrics` on `text`. */
export function promtoolCheck(text: string): PromtoolVerdict {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  const parsed = result.status === 0 || result.status === 3;
  return {
    parsed,
    lintProblems:
      result.status === 3 ? output.split('\n').filter((line) => line.trim() !== '') : [],
    output,
  };
}
