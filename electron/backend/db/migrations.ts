import type Database from 'better-sqlite3';

export interface Migration {
  /** Short name, for logs and the backup file's name. */
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

// Migrations are append-only: once a version has shipped, its entry is never edited. The schema version
// of a document (PRAGMA user_version) is the number of migrations applied to it.
export const migrations: readonly Migration[] = [
  {
    name: 'initial',
    up: (db) =>
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE criteria_set (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          period_start INTEGER NOT NULL,
          period_end INTEGER NOT NULL,
          level TEXT NOT NULL CHECK (level IN ('commune', 'village', 'district')),
          catalog_version INTEGER NOT NULL,
          buckets TEXT NOT NULL,
          legal_basis TEXT NOT NULL DEFAULT '',
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE criteria_group (
          set_id TEXT NOT NULL REFERENCES criteria_set(id) ON DELETE CASCADE,
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          ord INTEGER NOT NULL,
          PRIMARY KEY (set_id, code)
        );
        CREATE TABLE criterion (
          id INTEGER PRIMARY KEY,
          set_id TEXT NOT NULL REFERENCES criteria_set(id) ON DELETE CASCADE,
          no INTEGER NOT NULL,
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          group_code TEXT NOT NULL,
          UNIQUE (set_id, no)
        );
        CREATE TABLE indicator (
          id INTEGER PRIMARY KEY,
          criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          unit TEXT NOT NULL DEFAULT '',
          kind TEXT NOT NULL CHECK (kind IN ('boolean', 'percent', 'number')),
          threshold TEXT,
          unconfirmed INTEGER NOT NULL DEFAULT 0,
          ord INTEGER NOT NULL,
          UNIQUE (criterion_id, code)
        );

        CREATE TABLE unit (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('province', 'district', 'commune', 'village')),
          name TEXT NOT NULL,
          parent_id INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
          code TEXT,
          merged_into_id INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
          ord INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX unit_parent ON unit(parent_id);
        CREATE INDEX unit_kind ON unit(kind, ord);

        CREATE TABLE plan (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          level TEXT NOT NULL CHECK (level IN ('district', 'commune')),
          unit_id INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
          year_start INTEGER NOT NULL,
          year_end INTEGER NOT NULL,
          criteria_set_id TEXT NOT NULL REFERENCES criteria_set(id) ON DELETE RESTRICT,
          issuer TEXT NOT NULL DEFAULT '',
          doc_number TEXT NOT NULL DEFAULT '',
          doc_date TEXT,
          signer TEXT NOT NULL DEFAULT '',
          signer_title TEXT NOT NULL DEFAULT '',
          CHECK (year_end >= year_start)
        );

        -- Which unit meets which criterion: 'actual' at 31/12 of the year, or 'plan' for the year.
        CREATE TABLE criterion_mark (
          unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
          criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('actual', 'plan')),
          met INTEGER NOT NULL CHECK (met IN (0, 1)),
          met_year INTEGER,
          PRIMARY KEY (unit_id, criterion_id, year, kind)
        ) WITHOUT ROWID;
        CREATE INDEX criterion_mark_year ON criterion_mark(year, kind);

        CREATE TABLE unit_status (
          unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
          year INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('actual', 'plan')),
          level TEXT CHECK (level IN ('ntm', 'nang_cao', 'kieu_mau')),
          recognised_year INTEGER,
          planned_count INTEGER,
          note TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (unit_id, year, kind)
        ) WITHOUT ROWID;

        CREATE TABLE indicator_value (
          unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('actual', 'plan')),
          value REAL,
          text TEXT,
          PRIMARY KEY (unit_id, indicator_id, year, kind)
        ) WITHOUT ROWID;

        -- The capital-source tree (I, II, III; 1, 2) shared by every plan of the document.
        CREATE TABLE capital_source (
          id INTEGER PRIMARY KEY,
          parent_id INTEGER REFERENCES capital_source(id) ON DELETE RESTRICT,
          code TEXT NOT NULL,
          label TEXT NOT NULL,
          role TEXT,
          ord INTEGER NOT NULL
        );
        CREATE TABLE resource_amount (
          plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          source_id INTEGER NOT NULL REFERENCES capital_source(id) ON DELETE RESTRICT,
          amount REAL,
          investment REAL,
          typed_total REAL,
          note TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (plan_id, year, source_id)
        ) WITHOUT ROWID;
        CREATE TABLE allocation (
          plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          source_id INTEGER NOT NULL REFERENCES capital_source(id) ON DELETE RESTRICT,
          unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
          amount REAL,
          PRIMARY KEY (plan_id, year, source_id, unit_id)
        ) WITHOUT ROWID;
        CREATE TABLE project (
          id INTEGER PRIMARY KEY,
          plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          source_id INTEGER NOT NULL REFERENCES capital_source(id) ON DELETE RESTRICT,
          phase TEXT NOT NULL CHECK (phase IN ('continuing', 'new')),
          name TEXT NOT NULL,
          unit_id INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
          period TEXT NOT NULL DEFAULT '',
          total_investment REAL,
          allocated_before REAL,
          plan_amount REAL,
          note TEXT NOT NULL DEFAULT '',
          ord INTEGER NOT NULL
        );
        CREATE INDEX project_plan ON project(plan_id, year);
        CREATE TABLE recurrent_content (
          id INTEGER PRIMARY KEY,
          plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
          parent_id INTEGER REFERENCES recurrent_content(id) ON DELETE CASCADE,
          code TEXT NOT NULL,
          label TEXT NOT NULL,
          ord INTEGER NOT NULL
        );
        CREATE TABLE recurrent_amount (
          content_id INTEGER NOT NULL REFERENCES recurrent_content(id) ON DELETE CASCADE,
          unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
          amount REAL,
          PRIMARY KEY (content_id, unit_id)
        ) WITHOUT ROWID;
        CREATE TABLE target_indicator (
          id INTEGER PRIMARY KEY,
          plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
          unit_id INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
          code TEXT NOT NULL,
          label TEXT NOT NULL,
          unit TEXT NOT NULL DEFAULT '',
          value_prev REAL,
          target REAL,
          ord INTEGER NOT NULL
        );
        -- Units the plan sets out to recognise this year, by level.
        CREATE TABLE recognition_target (
          plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
          unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
          year INTEGER NOT NULL,
          level TEXT NOT NULL CHECK (level IN ('ntm', 'nang_cao', 'kieu_mau')),
          PRIMARY KEY (plan_id, unit_id, year, level)
        ) WITHOUT ROWID;
        CREATE TABLE model_site (
          id INTEGER PRIMARY KEY,
          plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
          unit_id INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
          scope TEXT NOT NULL CHECK (scope IN ('commune', 'village')),
          content TEXT NOT NULL,
          ord INTEGER NOT NULL
        );

        -- Imported provincial workbooks, kept whole so a form can be exported back into its own file.
        CREATE TABLE workbook (
          id INTEGER PRIMARY KEY,
          plan_id INTEGER REFERENCES plan(id) ON DELETE SET NULL,
          form TEXT NOT NULL,
          sheet TEXT NOT NULL,
          file_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          bytes BLOB NOT NULL,
          binding TEXT NOT NULL,
          imported_at TEXT NOT NULL
        );

        -- One row per user action (an edit, a paste, an import): its forward and inverse changes.
        CREATE TABLE undo_step (
          id INTEGER PRIMARY KEY,
          label TEXT NOT NULL,
          forward TEXT NOT NULL,
          inverse TEXT NOT NULL,
          undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
          created_at TEXT NOT NULL
        );
      `),
  },
  {
    name: 'criterion-mark-side-index',
    // The dashboard, the summary and validation read whole sides of the matrix (one year and kind). Marks are
    // stored by unit; an index that covers the mark reads a side in order instead of looking each one up.
    up: (db) =>
      db.exec(`
        CREATE INDEX criterion_mark_side ON criterion_mark(year, kind, criterion_id, unit_id, met);
        DROP INDEX criterion_mark_year;
      `),
  },
];

export const SCHEMA_VERSION = migrations.length;
