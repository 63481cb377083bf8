/**
 * The browser suite's screenshots of the GMP day (`e2e/artifacts/gmp-*.png`, written by
 * e2e/test/gmpDay.spec.ts) as evidence in the report, each with the caption the user guide
 * gives it (docs/user-guide-production.md, docs/user-guide-shop.md) and the moment it was
 * taken, so that a picture from an earlier run is never mistaken for this run's.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface Screenshot {
  /** The file name, e.g. `gmp-05-wrong-password.png`. */
  name: string;
  caption: string;
  /** `data:image/png;base64,…`: the report carries the picture itself. */
  dataUri: string;
  takenAt: Date;
  /** Taken after the run started (false: left over from an earlier run). */
  fromThisRun: boolean;
}

const GMP_DAY = /^gmp-[\w-]+\.png$/;

/** `![caption](images/name.png)` of the user guides, by file name. */
export async function guideCaptions(docsDir: string): Promise<Map<string, string>> {
  const captions = new Map<string, string>();
  let names: string[];
  try {
    names = (await readdir(docsDir)).filter((name) => name.startsWith('user-guide-'));
  } catch {
    return captions;
  }
  for (const name of names) {
    const text = await readFile(path.join(docsDir, name), 'utf8');
    for (const match of text.matchAll(/!\[([^\]]+)\]\(images\/([\w-]+\.png)\)/g)) {
      if (match[1] !== undefined && match[2] !== undefined && !captions.has(match[2])) {
        captions.set(match[2], match[1]);
      }
    }
  }
  return captions;
}

/** `gmp-05-wrong-password.png` → "Wrong password" when no guide shows it. */
function captionFromName(name: string): string {
  const words = name
    .replace(/\.png$/, '')
    .replace(/^gmp-\w+-/, '')
    .replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export async function collectScreenshots(
  artifactsDir: string,
  docsDir: string,
  runStartedAt: Date | null,
): Promise<Screenshot[]> {
  let names: string[];
  try {
    names = (await readdir(artifactsDir)).filter((name) => GMP_DAY.test(name)).sort();
  } catch {
    return [];
  }
  const captions = await guideCaptions(docsDir);
  const shots: Screenshot[] = [];
  for (const name of names) {
    const file = path.join(artifactsDir, name);
    const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
    shots.push({
      name,
      caption: captions.get(name) ?? captionFromName(name),
      dataUri: `data:image/png;base64,${bytes.toString('base64')}`,
      takenAt: info.mtime,
      fromThisRun: runStartedAt === null || info.mtime.getTime() >= runStartedAt.getTime(),
    });
  }
  return shots;
}
