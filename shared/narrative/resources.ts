// "Tổng nguồn lực ...: 205.250 triệu đồng, trong đó: - Vốn ngân sách Trung ương trực tiếp đầu tư: 23.756 triệu
// đồng (trong đó: vốn đầu tư phát triển 19.783 triệu đồng; vốn sự nghiệp 3.973 triệu đồng); ..."
import { fill, type Phrasing } from './phrasing';
import type { NarrativeSnapshot } from './snapshot';
import { topSourceFigures, type SourceFigure } from './source-lines';

/** The total line, then one line per top-level source with every "trong đó" breakdown; none without figures. */
export function resourceSentences(snapshot: NarrativeSnapshot, phrasing: Phrasing): string[] {
  const p = phrasing.resources;
  const top = topSourceFigures(snapshot.sources, snapshot.resources);
  if (top.length === 0) return [];
  const total = top.reduce((sum, n) => sum + (n.line.amount ?? 0), 0);
  const breakdown = (node: SourceFigure, top: boolean): string => {
    const parts = node.children.map((c) => `${fill(p.part, { label: c.line.source.label, amount: c.line.amount ?? 0 })}${breakdown(c, false)}`);
    const { amount, investment } = node.line;
    // A top-level source without parts may still say how much of it is investment (Biểu 04's "Trong đó: vốn đầu tư").
    if (top && parts.length === 0 && investment !== null && investment > 0 && investment !== amount) parts.push(fill(p.part, { label: p.investment, amount: investment }));
    return parts.length > 0 ? fill(p.breakdown, { parts: parts.join(p.partSeparator) }) : '';
  };
  return [
    fill(p.total, { year: String(snapshot.year), amount: total }),
    ...top.map((n) => fill(p.item, { label: n.line.source.label, amount: n.line.amount ?? 0, breakdown: breakdown(n, true) })),
  ];
}
