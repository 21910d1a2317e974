// Excel stores a filled-down formula once (a shared formula: the master cell carries the text, the others
// only point to it). Reading a follower means moving the master's relative references by the offset.
import { columnName, parseA1 } from './a1';

const REF = /(?<![\w.$])((?:'[^']*'|[A-Za-z_][\w.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  // Text in double quotes ("x", "Đạt") is never a reference.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (whole, sheet: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) => {
            const pos = parseA1(`${col}${row}`);
            if (!pos) return whole;
            const c = colAbs ? pos.col : pos.col + cols;
            const r = rowAbs ? pos.row : pos.row + rows;
            if (c < 1 || r < 1) return '#REF!';
            return `${sheet ?? ''}${colAbs}${columnName(c)}${rowAbs}${r}`;
          }),
    )
    .join('');
}
