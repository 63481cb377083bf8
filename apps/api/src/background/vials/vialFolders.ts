/**
 * Where a handled dispenser file goes: `processed/` once its vials are recorded (or found to
 * be duplicates), `rejected/` with a `<file>.reason.txt` when it cannot be read. Both folders
 * live inside the watched folder; a name already taken gets a `-2`, `-3`, … suffix.
 */
import { access, copyFile, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

export const PROCESSED_FOLDER = 'processed';
export const REJECTED_FOLDER = 'rejected';

/** Whether `name` is one of the folders handled files are moved to. */
export function isOutcomeFolder(name: string): boolean {
  return name === PROCESSED_FOLDER || name === REJECTED_FOLDER;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function freeTarget(folder: string, name: string): Promise<string> {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  let target = join(folder, name);
  for (let suffix = 2; await exists(target); suffix += 1) {
    target = join(folder, `${stem}-${suffix}${extension}`);
  }
  return target;
}

async function moveInto(file: string, folderName: string): Promise<string> {
  const folder = join(dirname(file), folderName);
  await mkdir(folder, { recursive: true });
  const target = await freeTarget(folder, basename(file));
  try {
    await rename(file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
      throw error;
    }
    await copyFile(file, target);
    await unlink(file);
  }
  return target;
}

/** Moves a handled file to `processed/`; returns where it went. */
export function moveToProcessed(file: string): Promise<string> {
  return moveInto(file, PROCESSED_FOLDER);
}

/** Moves an unreadable file to `rejected/` and writes why beside it. */
export async function moveToRejected(file: string, reason: string, at: Date): Promise<string> {
  const target = await moveInto(file, REJECTED_FOLDER);
  await writeFile(
    `${target}.reason.txt`,
    `${basename(file)} was rejected at ${at.toISOString()}:\n${reason}\n`,
    'utf8',
  );
  return target;
}
