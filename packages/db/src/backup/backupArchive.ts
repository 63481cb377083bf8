/**
 * The backup file: one gzip-compressed tar archive holding `manifest.json` and one part per
 * table per database (`record/<table>.ndjson`, `web/<table>.ndjson`: one JSON array of
 * column values per line, in the manifest's column order; columnValues.ts). Written beside
 * its destination under a hidden temporary name and renamed into place only once complete,
 * so a failed or interrupted backup never leaves a file that looks like a backup.
 *
 * Reading verifies before anything else happens: the archive is unpacked into a private
 * folder (only the manifest and the parts it may hold, nothing outside the folder), the
 * manifest must pass its schema, and every part its size and SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  access,
  mkdtemp,
  open,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { BackupRefusedError } from './backupErrors';
import type { BackupManifest } from './backupManifest';
import { MANIFEST_FILE, parseBackupManifest, partPath } from './backupManifest';

/** Entries a backup archive may hold. */
const PART_ENTRY_PATTERN = /^(record|web)\/[A-Za-z_][A-Za-z0-9_]*\.ndjson$/;

/** The SHA-256 (hex) and size of a file, read as a stream. */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    const bytesRead = chunk as Buffer;
    hash.update(bytesRead);
    bytes += bytesRead.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a destination that exists already or whose folder does not; returns the folder.
 * Checked before a backup starts, and again before its file is written.
 */
export async function checkDestination(destination: string): Promise<string> {
  const folder = path.dirname(destination);
  try {
    if (!(await stat(folder)).isDirectory()) {
      throw new Error('not a folder');
    }
  } catch {
    throw new Error(`The backup folder ${folder} does not exist or is not a folder`);
  }
  if (await exists(destination)) {
    throw new Error(`${destination} exists already; a backup never overwrites a file`);
  }
  return folder;
}

/**
 * Packs `manifest` and its parts (already written under `stageDir` at their part paths) into
 * `destination`, which must not exist yet and whose folder must. Returns the file's size.
 */
export async function writeBackupArchive(
  stageDir: string,
  manifest: BackupManifest,
  destination: string,
): Promise<number> {
  const folder = await checkDestination(destination);
  await writeFile(path.join(stageDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const parts = (['record', 'web'] as const).flatMap((database) =>
    manifest.databases[database].tables.map((table) => partPath(database, table.name)),
  );
  const partial = path.join(
    folder,
    `.${path.basename(destination)}.partial-${randomBytes(4).toString('hex')}`,
  );
  try {
    await tar.c({ gzip: true, file: partial, cwd: stageDir, portable: true }, [
      MANIFEST_FILE,
      ...parts,
    ]);
    // On disk before it gets its name: a crash never leaves a truncated file named as a backup.
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (await exists(destination)) {
      throw new Error(`${destination} appeared while the backup was written; it was left alone`);
    }
    await rename(partial, destination);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return (await stat(destination)).size;
}

/** A backup file whose manifest and parts have been verified, unpacked in a private folder. */
export interface VerifiedBackup {
  file: string;
  manifest: BackupManifest;
  /** The unpacked part of a table (verified against the manifest). */
  partFile(database: 'record' | 'web', table: string): string;
  /** Removes the unpacked copy. */
  close(): Promise<void>;
}

function refused(file: string, reason: string, cause?: unknown): BackupRefusedError {
  return new BackupRefusedError(
    `Refusing the backup file ${file}: ${reason}. Nothing was restored.`,
    cause === undefined ? undefined : { cause },
  );
}

async function unpack(file: string, folder: string): Promise<string[]> {
  const unexpected: string[] = [];
  try {
    await tar.x({
      file,
      cwd: folder,
      strict: true,
      preservePaths: false,
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        const name = entryPath.replace(/^\.\//, '');
        if (type === 'Directory' && (name === 'record/' || name === 'web/')) {
          return false;
        }
        if (type !== 'File' || (name !== MANIFEST_FILE && !PART_ENTRY_PATTERN.test(name))) {
          unexpected.push(name);
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw refused(file, `it is not a complete .tar.gz archive (${reason})`, error);
  }
  return unexpected;
}

/**
 * Unpacks and verifies a backup file: its manifest (schema, format version) and every part
 * (present, size, SHA-256), and that it holds nothing else. Refuses, in words, a file that
 * does not pass; the caller must `close()` the result. `workDir` is where the private folder
 * goes (default the system's temporary folder).
 */
export async function openBackupArchive(
  file: string,
  options: { workDir?: string } = {},
): Promise<VerifiedBackup> {
  const source = path.resolve(file);
  try {
    if (!(await stat(source)).isFile()) {
      throw new Error('not a file');
    }
  } catch {
    throw refused(source, 'there is no such file');
  }
  const folder = await mkdtemp(path.join(options.workDir ?? tmpdir(), 'tracershop-restore-'));
  try {
    const unexpected = await unpack(source, folder);
    let manifestText: string;
    try {
      manifestText = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
    } catch {
      throw refused(source, 'it holds no manifest.json, so it is not a Tracershop backup');
    }
    let manifest: BackupManifest;
    try {
      manifest = parseBackupManifest(manifestText);
    } catch (error) {
      throw refused(source, error instanceof Error ? error.message : String(error), error);
    }
    const problems = unexpected.map((name) => `it holds ${name}, which no backup holds`);
    const listed = new Set<string>();
    for (const database of ['record', 'web'] as const) {
      for (const table of manifest.databases[database].tables) {
        listed.add(table.part);
        const unpacked = path.join(folder, table.part);
        if (!(await exists(unpacked))) {
          problems.push(`the part ${table.part} is missing`);
          continue;
        }
        const digest = await fileDigest(unpacked);
        if (digest.sha256 !== table.sha256 || digest.bytes !== table.bytes) {
          problems.push(`the part ${table.part} does not match its SHA-256 in the manifest`);
        }
      }
    }
    for (const database of ['record', 'web']) {
      const partsFolder = path.join(folder, database);
      if (!(await exists(partsFolder))) {
        continue;
      }
      for (const name of await readdir(partsFolder)) {
        if (!listed.has(`${database}/${name}`)) {
          problems.push(`the part ${database}/${name} is not in the manifest`);
        }
      }
    }
    if (problems.length > 0) {
      throw refused(source, `it is damaged or was altered: ${problems.join('; ')}`);
    }
    return {
      file: source,
      manifest,
      partFile: (database, table) => path.join(folder, partPath(database, table)),
      close: () => rm(folder, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
