import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { migrations, SCHEMA_VERSION } from './migrations';

/** 'NTMP': marks a SQLite file as an NTM Planner document. */
export const APPLICATION_ID = 0x4e544d50;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create: boolean;
  /** Where to put the backup taken before migrating; defaults to next to the document. */
  backupDir?: string;
}

export interface Document {
  readonly path: string;
  readonly db: Database.Database;
  readonly schemaVersion: number;
  /** Path of the backup made before a migration, when one ran. */
  readonly migrationBackup: string | null;
  close(): void;
}

/**
 * Open (or create) a document for writing. The connection holds an exclusive lock for its whole life,
 * so a second process gets a clear "in use" error instead of writing beside us; the rollback journal
 * (not WAL) keeps a closed document complete in its one file.
 */
export async function openDocument(file: string, options: OpenOptions): Promise<Document> {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new AppError('error.docNotFound', { path: file });
  if (exists) assertLooksLikeSqlite(file);
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });

  const db = new Database(file, { timeout: 250 });
  try {
    configureAndLock(db, file);
    checkIntegrity(db, file);
    const found = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (found === 0 && hasUserTables(db)) throw new AppError('error.notADocument', { path: file });
    if (found > 0 && appId !== APPLICATION_ID) throw new AppError('error.notADocument', { path: file });
    if (found > SCHEMA_VERSION) throw new AppError('error.docNewer', { path: file, found, supported: SCHEMA_VERSION });
    let migrationBackup: string | null = null;
    if (found < SCHEMA_VERSION) {
      if (found > 0) migrationBackup = await backupBeforeMigration(db, file, found, options.backupDir);
      migrate(db, found);
    }
    return {
      path: file,
      db,
      schemaVersion: SCHEMA_VERSION,
      migrationBackup,
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertLooksLikeSqlite(file: string): void {
  const size = fs.statSync(file).size;
  if (size === 0) return;
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    if (header.toString('latin1') !== SQLITE_MAGIC) throw new AppError('error.notADocument', { path: file });
  } finally {
    fs.closeSync(fd);
  }
}

function configureAndLock(db: Database.Database, file: string): void {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    // In exclusive locking mode the lock taken by this write transaction is kept until close.
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    if (isBusy(error)) throw new AppError('error.docInUse', { path: file });
    if (isNotADatabase(error)) throw new AppError('error.notADocument', { path: file });
    throw error;
  }
}

function checkIntegrity(db: Database.Database, file: string): void {
  let rows: { integrity_check: string }[];
  try {
    rows = db.pragma('integrity_check') as { integrity_check: string }[];
  } catch (error) {
    if (isNotADatabase(error)) throw new AppError('error.notADocument', { path: file });
    throw new AppError('error.docCorrupt', { path: file, detail: (error as Error).message });
  }
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new AppError('error.docCorrupt', { path: file, detail: problems.slice(0, 3).join('; ') });
}

function hasUserTables(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n > 0;
}

async function backupBeforeMigration(db: Database.Database, file: string, version: number, dir?: string): Promise<string> {
  const target = path.join(dir ?? path.dirname(file), `${path.basename(file)}.v${version}-${timestamp()}.bak`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await db.backup(target);
  return target;
}

/** All pending migrations in one transaction: a failure leaves the document exactly as it was. */
export function migrate(db: Database.Database, from: number): void {
  db.transaction(() => {
    for (const migration of migrations.slice(from)) migration.up(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

export function timestamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB';
}
