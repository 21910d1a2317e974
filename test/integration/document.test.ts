import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDocument } from '../../electron/backend/db/document';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { backupNow, listBackups } from '../../electron/backend/db/backups';
import { AppError } from '../../electron/backend/errors';
import { openTestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('the document file', () => {
  it('is created with the current schema, foreign keys on and nothing left beside it once closed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.ntm');
    const doc = await openDocument(file, { create: true });
    expect(doc.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(doc.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(doc.db.pragma('foreign_keys', { simple: true })).toBe(1);
    doc.db.prepare("INSERT INTO unit (kind, name) VALUES ('commune', 'Bản Bo')").run();
    doc.close();
    expect(fs.readdirSync(dir)).toEqual(['a.ntm']);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT name FROM unit').pluck().all()).toEqual(['Bản Bo']);
    copy.close();
  });

  it('refuses a missing file unless asked to create it', async () => {
    const error = await errorOf(openDocument(path.join(tempDir(), 'missing.ntm'), { create: false }));
    expect(error.code).toBe('error.docNotFound');
  });

  it('refuses a document written by a newer version, with a clear message, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'newer.ntm');
    (await openDocument(file, { create: true })).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    const error = await errorOf(openDocument(file, { create: false }));
    expect(error.code).toBe('error.docNewer');
    expect(error.message).toContain('phiên bản NTM Planner mới hơn');
    expect(error.toShape().messageEn).toContain('newer NTM Planner');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses files that are not NTM documents', async () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.ntm');
    fs.writeFileSync(text, 'hello, this is not a database at all........');
    expect((await errorOf(openDocument(text, { create: false }))).code).toBe('error.notADocument');

    const other = path.join(dir, 'other.sqlite');
    const raw = new Database(other);
    raw.exec('CREATE TABLE x (a)');
    raw.close();
    expect((await errorOf(openDocument(other, { create: false }))).code).toBe('error.notADocument');
  });

  it('reports a damaged document instead of opening it', async () => {
    const file = path.join(tempDir(), 'damaged.ntm');
    const doc = await openDocument(file, { create: true });
    const insert = doc.db.prepare("INSERT INTO unit (kind, name) VALUES ('commune', ?)");
    doc.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`Xã số ${i} ${'x'.repeat(50)}`);
    })();
    doc.close();
    const bytes = fs.readFileSync(file);
    // Scribble over the middle of the file, past the header page.
    bytes.fill(0xff, 8192, 8192 + 4096);
    fs.writeFileSync(file, bytes);
    const error = await errorOf(openDocument(file, { create: false }));
    expect(['error.docCorrupt', 'error.notADocument']).toContain(error.code);
  });

  it('gives a second process an "in use" message instead of letting it write', async () => {
    const file = path.join(tempDir(), 'shared.ntm');
    const doc = await openDocument(file, { create: true });
    const script = `
      import { openDocument } from ${JSON.stringify(path.resolve('electron/backend/db/document.ts'))};
      try { await openDocument(${JSON.stringify(file)}, { create: false }); console.log('OPENED'); }
      catch (e) { console.log(e.code + ' ' + e.message); }
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out).toContain('error.docInUse');
    expect(out).toContain('đang được mở bởi một chương trình khác');
    doc.close();
  });

  it('keeps rotating automatic backups made with the backup API', async () => {
    const { backend, dataDir, documentPath } = await openTestBackend();
    await backend.dispatch('units.create', { kind: 'commune', name: 'Giang Ma' });
    const doc = backend.document!;
    for (let i = 0; i < 12; i++) await backupNow(doc, dataDir);
    const backups = listBackups(dataDir, documentPath);
    expect(backups).toHaveLength(10);
    const copy = new Database(backups[0]!.path, { readonly: true });
    expect(copy.prepare('SELECT name FROM unit').pluck().all()).toEqual(['Giang Ma']);
    copy.close();
    await backend.close();
  });

  it('saves a copy that opens on its own', async () => {
    const { backend } = await openTestBackend();
    await backend.dispatch('units.create', { kind: 'commune', name: 'Tả Lèng' });
    const ref = await backend.dispatch('doc.saveCopy', {});
    const bytes = backend.files.read(ref.fileId);
    const target = path.join(tempDir(), 'copy.ntm');
    fs.writeFileSync(target, bytes);
    await backend.close();
    const copy = await openDocument(target, { create: false });
    expect(copy.db.prepare('SELECT name FROM unit').pluck().all()).toEqual(['Tả Lèng']);
    copy.close();
  });

  it('survives a host killed in the middle of writing: the document opens and passes integrity_check', async () => {
    const file = path.join(tempDir(), 'killed.ntm');
    (await openDocument(file, { create: true })).close();
    const script = `
      import { openDocument } from ${JSON.stringify(path.resolve('electron/backend/db/document.ts'))};
      const doc = await openDocument(${JSON.stringify(file)}, { create: false });
      const insert = doc.db.prepare("INSERT INTO unit (kind, name) VALUES ('commune', ?)");
      let n = 0;
      for (;;) {
        doc.db.transaction(() => { for (let i = 0; i < 200; i++) insert.run('Xã ' + n++); })();
        if (n === 2000) console.log('WRITING');
      }
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('WRITING') && resolve()));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const doc = await openDocument(file, { create: false });
    const committed = doc.db.prepare('SELECT count(*) FROM unit').pluck().get() as number;
    expect(committed).toBeGreaterThanOrEqual(2000);
    expect(committed % 200).toBe(0);
    expect(doc.db.pragma('integrity_check', { simple: true })).toBe('ok');
    doc.close();
  });
});

describe('documents of every shipped schema version', () => {
  const fixtures = fs.readdirSync(path.resolve('test/fixtures/documents')).filter((f) => /^v\d+\.ntm$/.test(f));

  it('has a fixture for every version before the current one', () => {
    const versions = fixtures.map((f) => Number(/\d+/.exec(f)![0]));
    for (let v = 1; v <= SCHEMA_VERSION - 1; v++) expect(versions).toContain(v);
  });

  it.each(fixtures)('opens %s, migrating it after a backup, with its data intact', async (fixture) => {
    const dir = tempDir();
    const file = path.join(dir, fixture);
    fs.copyFileSync(path.resolve('test/fixtures/documents', fixture), file);
    const version = Number(/\d+/.exec(fixture)![0]);
    const doc = await openDocument(file, { create: false, backupDir: path.join(dir, 'backups') });
    expect(doc.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(doc.db.prepare("SELECT name FROM unit WHERE kind = 'commune' ORDER BY ord").pluck().all()).toEqual(['Bản Bo', 'Giang Ma']);
    if (version < SCHEMA_VERSION) {
      expect(doc.migrationBackup).not.toBeNull();
      const backup = new Database(doc.migrationBackup!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(version);
      backup.close();
    } else {
      expect(doc.migrationBackup).toBeNull();
    }
    doc.close();
  });
});
