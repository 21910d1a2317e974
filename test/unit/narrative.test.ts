import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPhrasing } from '../../electron/backend/dashboard/phrasing';
import { generateNarrative } from '../../shared/narrative/generate';
import { fill } from '../../shared/narrative/phrasing';
import { narrativeToText, textToHtml } from '../../shared/narrative/render';
import type { NarrativeSnapshot } from '../../shared/narrative/snapshot';
import { tempDir } from '../helpers/temp';

const phrasing = loadPhrasing();

/** Twelve communes of which three are planned for the standard this year, with their villages. */
function snapshot(patch: Partial<NarrativeSnapshot> = {}): NarrativeSnapshot {
  const names = ['Bình Lư', 'Bản Bo', 'Nà Tăm', 'Giang Ma', 'Tả Lèng'];
  const communes = names.map((name, i) => ({ id: i + 1, name, parentId: null }));
  const villages = [
    ...[1, 2, 3].map((i) => ({ id: 100 + i, name: `Bản G${i}`, parentId: 4 })),
    ...[1, 2].map((i) => ({ id: 200 + i, name: `Bản N${i}`, parentId: 3 })),
    ...[1, 2, 3, 4, 5].map((i) => ({ id: 300 + i, name: `Bản T${i}`, parentId: 5 })),
  ];
  return {
    year: 2025,
    criteria: [{ id: 11, no: 11, name: 'Nghèo đa chiều' }],
    buckets: [{ label: '1', min: 1, max: 1 }, { label: 'Dưới 1', min: 0, max: 0 }],
    communes,
    villages,
    actual: {
      year: 2024,
      metByCommune: new Map([[1, 1], [2, 1], [3, 0], [4, 0], [5, 1]]),
      byCriterion: new Map([[11, { met: 3, advanced: 1 }]]),
      statuses: [1, 2].map((unitId) => ({ unitId, level: 'ntm' as const, recognisedYear: 2019, plannedCount: 1 })),
    },
    planned: {
      year: 2025,
      metByCommune: new Map(),
      byCriterion: new Map(),
      statuses: [
        { unitId: 1, level: 'ntm', recognisedYear: null, plannedCount: 1 },
        { unitId: 2, level: 'nang_cao', recognisedYear: null, plannedCount: 1 },
        { unitId: 3, level: 'ntm', recognisedYear: null, plannedCount: 1 },
      ],
    },
    recognition: [...villages.map((v) => ({ unitId: v.id, level: 'ntm' as const })), { unitId: 4, level: 'ntm' }, { unitId: 5, level: 'ntm' }],
    sources: [],
    resources: [],
    projects: [],
    ...patch,
  };
}

describe('the plan paragraphs', () => {
  it('names the communes and villages to be recognised, counts zero-padded, villages by commune', () => {
    const targets = generateNarrative(snapshot(), phrasing).sections.find((s) => s.id === 'targets')!.paragraphs;
    expect(targets).toEqual([
      'Công nhận mới 03 xã (xã Nà Tăm, Giang Ma, Tả Lèng) đạt chuẩn nông thôn mới;',
      'Công nhận 01 xã (xã Bản Bo) đạt chuẩn nông thôn mới nâng cao;',
      'Công nhận mới 10 bản đạt chuẩn nông thôn mới (xã Nà Tăm 02 bản, xã Giang Ma 03 bản, xã Tả Lèng 05 bản).',
    ]);
  });

  it('adds the advanced-level count to a criterion, and leaves out sections without figures', () => {
    const narrative = generateNarrative(snapshot(), phrasing);
    expect(narrative.sections.map((s) => s.id)).toEqual(['status', 'targets']);
    expect(narrative.sections[0]!.paragraphs).toEqual([
      'Đến 31/12/2024, có 3/5 xã đạt chuẩn nông thôn mới; bình quân đạt 0,6 tiêu chí/xã.',
      'Trong đó: 03 xã đạt 1 tiêu chí; 02 xã đạt dưới 1 tiêu chí.',
      'Có 3/5 xã đạt tiêu chí số 11 về nghèo đa chiều, trong đó có 1 xã đạt tiêu chí nông thôn mới nâng cao.',
    ]);
    expect(generateNarrative(snapshot({ actual: { year: 2024, metByCommune: new Map(), byCriterion: new Map(), statuses: [] }, recognition: [], planned: { year: 2025, metByCommune: new Map(), byCriterion: new Map(), statuses: [] } }), phrasing).sections).toEqual([]);
  });

  it('writes the resources of a tree without a total row, zero included, nothing for sources without figures', () => {
    const sources = [
      { id: 1, parentId: null, code: 'I', label: 'Vốn ngân sách Trung ương', role: 'central', ord: 1 },
      { id: 2, parentId: 1, code: '1', label: 'Vốn đầu tư', role: 'central_investment', ord: 1 },
      { id: 3, parentId: 1, code: '2', label: 'Vốn sự nghiệp', role: 'central_recurrent', ord: 2 },
      { id: 4, parentId: null, code: 'II', label: 'Ngân sách xã', role: 'local_commune', ord: 2 },
      { id: 5, parentId: null, code: 'III', label: 'Vốn tín dụng', role: 'credit', ord: 3 },
    ];
    const entry = (sourceId: number, amount: number) => ({ sourceId, amount, investment: null, typedTotal: null, note: '' });
    const narrative = generateNarrative(snapshot({ sources, resources: [entry(2, 504), entry(3, 800.5), entry(4, 0)] }), phrasing);
    expect(narrative.sections.find((s) => s.id === 'resources')!.paragraphs).toEqual([
      'Tổng nguồn lực thực hiện Chương trình xây dựng nông thôn mới năm 2025: 1.304,5 triệu đồng, trong đó:',
      'Vốn ngân sách Trung ương: 1.304,5 triệu đồng (trong đó: vốn đầu tư 504 triệu đồng; vốn sự nghiệp 800,5 triệu đồng);',
      'Ngân sách xã: 0 triệu đồng.',
    ]);
  });

  it('follows the office-edited phrasing file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'phrasing.vi.json');
    const shipped = JSON.parse(fs.readFileSync(path.resolve('resources/narrative/phrasing.vi.json'), 'utf8'));
    shipped.criterion.sentence = '{met}/{total} xã hoàn thành tiêu chí {name|lowercase} (số {no})';
    fs.writeFileSync(file, JSON.stringify(shipped));
    const status = generateNarrative(snapshot(), loadPhrasing(file)).sections[0]!.paragraphs;
    expect(status).toContain('3/5 xã hoàn thành tiêu chí nghèo đa chiều (số 11), trong đó có 1 xã đạt tiêu chí nông thôn mới nâng cao.');
    fs.writeFileSync(file, JSON.stringify({ ...shipped, criterion: {} }));
    expect(() => loadPhrasing(file)).toThrowError(/Không đọc được tệp câu chữ/);
  });

  it('fills placeholders the Vietnamese way and keeps unknown ones visible', () => {
    expect(fill('{a} | {b|pad} | {c|lower} | {d|lowercase} | {e}', { a: 205250, b: 3, c: 'Vốn Sự nghiệp', d: 'Quốc phòng và An ninh' })).toBe(
      '205.250 | 03 | vốn Sự nghiệp | quốc phòng và an ninh | {e}',
    );
  });

  it('gives plain text with titles and "- " items, and HTML for Word with the titles bold and the text escaped', () => {
    const text = narrativeToText({ year: 2025, sections: [{ id: 'projects', title: 'Danh mục', paragraphs: ['A & <B>', 'C'] }] });
    expect(text).toBe('Danh mục\n- A & <B>\n- C');
    const html = textToHtml(text);
    expect(html).toContain('<b>Danh mục</b>');
    expect(html).toContain('- A &amp; &lt;B&gt;</p>');
    expect(html).toContain("font-family:'Times New Roman'");
  });
});
