// Form definitions are data (resources/forms/*.json): how a form is recognised, where its header block
// is, how its columns and rows bind to the document. A new province's variant is a new or edited file.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../paths';

/** Words that must all appear in a label (compared without case or diacritics); a list of such groups matches when any group does. */
const WordGroups = z.array(z.array(z.string().min(1)).min(1)).min(1);
export type WordGroups = z.infer<typeof WordGroups>;

const ColumnRule = z.object({
  field: z.string(),
  words: WordGroups,
  /** Words that rule the column out even when `words` match. */
  not: WordGroups.optional(),
  /** A derived column (a count or total): checked against the data, never stored. */
  derived: z.boolean().default(false),
});
export type ColumnRule = z.infer<typeof ColumnRule>;

const SourceRule = z.object({
  role: z.string(),
  words: WordGroups,
  /** The role of the row above it in the tree; absent for top-level sources. */
  under: z.string().optional(),
});
export type SourceRule = z.infer<typeof SourceRule>;

const Common = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  recognise: z.object({
    /** "Biểu số 01", "Biểu 01", "Phụ lục 01", "Mẫu số 01" → 1. */
    formNumbers: z.array(z.number().int()),
    /** Words of the title (any group). */
    title: WordGroups,
  }),
  /** The column whose header starts the header block and whose cells name the rows. */
  keyColumn: WordGroups,
  columns: z.array(ColumnRule).default([]),
  /** Rows whose key cell says this are totals: checked, not stored. */
  totalRows: WordGroups,
  /** Rows from which on nothing is data (the signature block). */
  stopRows: WordGroups,
});

export const CriteriaMatrixForm = Common.extend({
  layout: z.literal('criteria-matrix'),
  /** Candidate criteria sets; the one whose criteria the columns name wins. */
  criteriaSets: z.array(z.string()).min(1),
  /** Row labels of footer rows that count communes per criterion ("Số xã đạt"). */
  countRows: WordGroups,
  /** Row labels of footer rows with the average criteria per commune. */
  averageRows: WordGroups,
  /** Rows naming a district (communes below belong to it). */
  sectionRows: WordGroups,
  marks: z.object({ met: z.array(z.string()), notMet: z.array(z.string()) }),
});
export type CriteriaMatrixForm = z.infer<typeof CriteriaMatrixForm>;

export const SourceTreeForm = Common.extend({
  layout: z.literal('source-tree'),
  sources: z.array(SourceRule).min(1),
});
export type SourceTreeForm = z.infer<typeof SourceTreeForm>;

export const ProjectListForm = Common.extend({
  layout: z.literal('project-list'),
  sources: z.array(SourceRule).min(1),
  phases: z.object({ continuing: WordGroups, new: WordGroups }),
});
export type ProjectListForm = z.infer<typeof ProjectListForm>;

/** The sub-criteria matrix: one row per indicator (17.3, 13.5), per commune a status and a plan column. */
export const IndicatorMatrixForm = Common.extend({
  layout: z.literal('indicator-matrix'),
  criteriaSets: z.array(z.string()).min(1),
  /** Sub-headers under a commune: its status at 31/12 (actual) and its plan for the year. */
  sides: z.object({ actual: WordGroups, plan: WordGroups }),
  /** Column headers that are not communes (unit of measure, requirement, note). */
  otherColumns: WordGroups,
  marks: z.object({ met: z.array(z.string()), notMet: z.array(z.string()) }),
});
export type IndicatorMatrixForm = z.infer<typeof IndicatorMatrixForm>;

/** Biểu 07: rows are the program's contents (a tree), one amount column per commune, a total column. */
export const ContentByUnitForm = Common.extend({
  layout: z.literal('content-by-unit'),
  /** The row total across communes: checked, not stored. */
  totalColumns: WordGroups,
  /** Column headers that are neither communes nor totals (unit of measure, note). */
  otherColumns: WordGroups,
});
export type ContentByUnitForm = z.infer<typeof ContentByUnitForm>;

/** Biểu 02: per commune, target indicators (income, poverty rate ...): the value last year and the target. */
export const UnitTargetsForm = Common.extend({
  layout: z.literal('unit-targets'),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string(), words: WordGroups })).min(1),
  /** Sub-headers: the value at the end of last year, and the target for the plan year (a year in the header also tells). */
  sides: z.object({ previous: WordGroups, target: WordGroups }),
});
export type UnitTargetsForm = z.infer<typeof UnitTargetsForm>;

/** Biểu 03: villages to be recognised, by year: a mark under a year column, or the year written in a column. */
export const VillageTargetsForm = Common.extend({
  layout: z.literal('village-targets'),
  /** The column naming each village's commune; else commune rows ("Xã Bản Bo") head their villages. */
  communeColumn: WordGroups,
  communeRows: WordGroups,
  /** A column holding the target year itself ("Năm dự kiến đạt chuẩn"). */
  yearColumn: WordGroups,
  /** Recognition level by title words; the first that matches, else "ntm". */
  levels: z.array(z.object({ level: z.enum(['ntm', 'nang_cao', 'kieu_mau']), words: WordGroups })),
  marks: z.object({ met: z.array(z.string()), notMet: z.array(z.string()) }),
});
export type VillageTargetsForm = z.infer<typeof VillageTargetsForm>;

export const FormDefinition = z.discriminatedUnion('layout', [
  CriteriaMatrixForm,
  SourceTreeForm,
  ProjectListForm,
  IndicatorMatrixForm,
  ContentByUnitForm,
  UnitTargetsForm,
  VillageTargetsForm,
]);
export type FormDefinition = z.infer<typeof FormDefinition>;

let cached: FormDefinition[] | null = null;

/** Every shipped definition, validated. */
export function loadFormDefinitions(dir = path.join(resourcesDir(), 'forms')): FormDefinition[] {
  if (cached && dir === path.join(resourcesDir(), 'forms')) return cached;
  const forms = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = FormDefinition.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`resources/forms/${f}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
  if (dir === path.join(resourcesDir(), 'forms')) cached = forms;
  return forms;
}
