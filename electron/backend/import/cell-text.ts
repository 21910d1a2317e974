// The one way text is read from a workbook cell. Every title, header, commune name, mark and note goes
// through `cellText`, so a later decoder (legacy TCVN3 / VNI fonts, shared/legacy/) can convert text by
// the font it is drawn in, for every reader at once.
import { decodeLegacyRun, type FoundEncodings } from '../../../shared/legacy';

/** A run of text as the workbook stores it, with the font the run names itself (if any). */
export interface TextRun {
  text: string;
  fontName?: string | undefined;
}

/** A cell's text: rich-text runs, or one plain string. */
export interface TextSource {
  runs?: readonly TextRun[] | undefined;
  text?: string | undefined;
}

/** The fonts a cell's text may be drawn in when a run does not name its own. */
export interface FontContext {
  /** Font of the cell's style. */
  cellFont: string | null;
  /** The workbook's default font (the first font of its stylesheet). */
  defaultFont: string | null;
  /** Collects the legacy encodings (TCVN3 / VNI) met, so the preview and the binding can name them. */
  encodings?: FoundEncodings | undefined;
}

/** The font a run is actually drawn in: the run's own font, else the cell style's, else the workbook default. */
export function resolvedFont(run: TextRun | undefined, context: FontContext): string | null {
  return run?.fontName ?? context.cellFont ?? context.defaultFont;
}

/**
 * A cell's text: each run converted from the legacy encoding of the font it is drawn in (TCVN3 / VNI), joined,
 * Unicode NFC. Runs are decoded exactly as stored: normalising or trimming first would destroy TCVN3 text.
 */
export function cellText(cell: TextSource, fontContext: FontContext): string {
  const runs = cell.runs ?? [{ text: cell.text ?? '' }];
  const raw = runs
    .map((run) => {
      const decoded = decodeLegacyRun(run.text, resolvedFont(run, fontContext));
      fontContext.encodings?.note(decoded.encoding);
      return decoded.text;
    })
    .join('');
  // Text without combining marks or letters past U+02FF is its own NFC (the common case: marks, numbers, ASCII).
  return NOT_PLAIN.test(raw) ? raw.normalize('NFC') : raw;
}

const NOT_PLAIN = /[\u0300-\uffff]/;
