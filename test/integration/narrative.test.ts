import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { narrativeToText } from '../../shared/narrative/render';
import { openTestBackend } from '../helpers/backend';
import { seedTamDuongPlan } from '../helpers/tam-duong-plan';

async function tamDuong() {
  const opened = await openTestBackend('tam-duong.ntm');
  const seeded = await seedTamDuongPlan(opened.backend.document!.db);
  return { ...opened, ...seeded };
}

describe('plan paragraphs from the Tam Đường example forms', () => {
  it('writes the resources paragraph with every "trong đó" breakdown', async () => {
    const { backend, planId } = await tamDuong();
    const narrative = await backend.dispatch('narrative.get', { planId });
    const resources = narrative.sections.find((s) => s.id === 'resources')!.paragraphs;
    expect(resources).toEqual([
      'Tổng nguồn lực thực hiện Chương trình xây dựng nông thôn mới năm 2025: 205.250 triệu đồng, trong đó:',
      'Vốn ngân sách Trung ương trực tiếp đầu tư: 23.756 triệu đồng (trong đó: vốn đầu tư phát triển 19.783 triệu đồng; vốn sự nghiệp 3.973 triệu đồng);',
      'Vốn ngân sách địa phương: 74.135 triệu đồng (trong đó: vốn đầu tư 39.767 triệu đồng);',
      'Vốn lồng ghép: 107.359 triệu đồng (trong đó: vốn Chương trình MTQG giảm nghèo bền vững 13.394 triệu đồng; vốn Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi 93.965 triệu đồng);',
      'Cộng đồng dân cư tham gia đóng góp: 0 triệu đồng.',
    ]);
    await backend.close();
  });

  it('counts the projects by phase and writes the status and targets per criterion', async () => {
    const { backend, planId } = await tamDuong();
    const narrative = await backend.dispatch('narrative.get', { planId, year: 2025 });
    const section = (id: string) => narrative.sections.find((s) => s.id === id)!.paragraphs;
    expect(section('projects')).toEqual([
      'Vốn ngân sách Trung ương trực tiếp đầu tư (vốn đầu tư phát triển): Dự án chuyển tiếp tổng 06 công trình, dự án khởi công mới 20 công trình, tổng kinh phí 19.783 triệu đồng.',
    ]);
    const status = section('status');
    expect(status[0]).toBe('Đến 31/12/2024, có 9/12 xã đạt chuẩn nông thôn mới; bình quân đạt 18,0 tiêu chí/xã.');
    expect(status[1]).toBe('Trong đó: 09 xã đạt 19 tiêu chí; 02 xã đạt 15-18 tiêu chí; 01 xã đạt 10-14 tiêu chí.');
    expect(status).toContain('Có 9/12 xã đạt tiêu chí số 11 về nghèo đa chiều.');
    expect(status).toContain('Có 11/12 xã đạt tiêu chí số 2 về giao thông.');
    expect(status).toContain('Có 12/12 xã đạt tiêu chí số 19 về quốc phòng và an ninh.');
    expect(status.filter((p) => p.startsWith('Có '))).toHaveLength(19);
    const targets = section('targets');
    expect(targets.slice(0, 2)).toEqual([
      'Công nhận mới 03 xã (xã Nà Tăm, Giang Ma, Tả Lèng) đạt chuẩn nông thôn mới;',
      'Công nhận 02 xã (xã Bản Bo, Sơn Bình) đạt chuẩn nông thôn mới nâng cao;',
    ]);
    // Every commune plans 19 criteria for 2025, so each criterion is planned everywhere; the plan writes it so.
    expect(targets).toHaveLength(21);
    expect(targets).toContain('Có 12/12 xã đạt tiêu chí số 2 về giao thông, trong đó có 2 xã đạt tiêu chí nông thôn mới nâng cao.');
    expect(targets.at(-1)).toBe('Có 12/12 xã đạt tiêu chí số 19 về quốc phòng và an ninh, trong đó có 2 xã đạt tiêu chí nông thôn mới nâng cao.');
    await backend.close();
  });

  it('adds the advanced-level count where the status records it', async () => {
    const { backend, planId, communeIds } = await tamDuong();
    const db = backend.document!.db;
    for (const name of ['Bản Bo', 'Sơn Bình']) db.prepare("UPDATE unit_status SET level = 'nang_cao' WHERE unit_id = ? AND year = 2024").run(communeIds.get(name));
    const status = (await backend.dispatch('narrative.get', { planId })).sections.find((s) => s.id === 'status')!.paragraphs;
    expect(status).toContain('Có 11/12 xã đạt tiêu chí số 2 về giao thông, trong đó có 2 xã đạt tiêu chí nông thôn mới nâng cao.');
    await backend.close();
  });

  it('gives the dashboard its chart data', async () => {
    const { backend, planId } = await tamDuong();
    const data = await backend.dispatch('dashboard.get', { planId });
    expect(data.communes).toBe(12);
    expect(data.buckets.map((b) => [b.label, b.actual])).toEqual([
      ['19', 9],
      ['15-18', 2],
      ['10-14', 1],
      ['5-9', 0],
      ['Dưới 5', 0],
    ]);
    // The plan side has no marks, only the planned number of criteria: every commune plans 19.
    expect(data.buckets[0]!.planned).toBe(12);
    expect(data.criteria.find((c) => c.no === 11)).toMatchObject({ actual: 9, planned: 12 });
    expect(data.resources.map((r) => [r.label, r.amount])).toEqual([
      ['Vốn ngân sách Trung ương trực tiếp đầu tư', 23756],
      ['Vốn ngân sách địa phương', 74135],
      ['Vốn lồng ghép', 107359],
      ['Cộng đồng dân cư tham gia đóng góp', 0],
    ]);
    expect(data.investment.reduce((sum, i) => sum + i.amount, 0)).toBe(19783);
    expect(data.investment.reduce((sum, i) => sum + i.projects, 0)).toBe(26);
    expect(data.investment.find((i) => i.name === 'Bản Hon')).toMatchObject({ projects: 4, amount: 642 + 392 + 660 + 459 });
    expect(data.progress).toEqual([{ year: 2024, fullyMet: 9, average: 18 }]);
    await backend.close();
  });

  it('counts only the communes of the plan: merged communes drop out, a commune plan counts its own', async () => {
    const { backend, planId, communeIds } = await tamDuong();
    await backend.dispatch('units.merge', { ids: [communeIds.get('Nà Tăm')!, communeIds.get('Giang Ma')!], name: 'Nà Tăm Giang Ma' });
    const district = (await backend.dispatch('narrative.get', { planId })).sections.find((s) => s.id === 'status')!.paragraphs;
    expect(district).toContain('Có 10/11 xã đạt tiêu chí số 2 về giao thông.');
    expect(district[1]).toBe('Trong đó: 09 xã đạt 19 tiêu chí; 01 xã đạt 15-18 tiêu chí.');
    const [set] = await backend.dispatch('criteria.sets', {});
    const own = await backend.dispatch('plans.create', { name: 'Kế hoạch xã Tả Lèng 2025', level: 'commune', unitId: communeIds.get('Tả Lèng')!, yearStart: 2025, yearEnd: 2025, criteriaSetId: set!.id });
    const commune = (await backend.dispatch('narrative.get', { planId: own.id })).sections.find((s) => s.id === 'status')!.paragraphs;
    expect(commune[0]).toBe('Đến 31/12/2024, có 0/1 xã đạt chuẩn nông thôn mới; bình quân đạt 16,0 tiêu chí/xã.');
    expect(commune).toContain('Có 1/1 xã đạt tiêu chí số 2 về giao thông.');
    expect(commune).toContain('Có 0/1 xã đạt tiêu chí số 11 về nghèo đa chiều.');
    await backend.close();
  });

  it('names the communes behind a bar', async () => {
    const { backend, planId } = await tamDuong();
    expect(await backend.dispatch('dashboard.units', { planId, side: 'actual', bucket: '15-18' })).toEqual([
      { id: expect.any(Number), name: 'Nà Tăm' },
      { id: expect.any(Number), name: 'Tả Lèng' },
    ]);
    const c11 = (await backend.dispatch('dashboard.units', { planId, side: 'actual', criterionNo: 11 })).map((u) => u.name);
    expect(c11).toHaveLength(9);
    expect(c11).not.toContain('Giang Ma');
    expect((await backend.dispatch('dashboard.units', { planId, side: 'planned', bucket: '19' })).length).toBe(12);
    expect((await backend.dispatch('dashboard.units', { planId, side: 'planned', criterionNo: 11 })).length).toBe(12);
    await expect(backend.dispatch('dashboard.units', { planId, side: 'actual', bucket: '7-8' })).rejects.toMatchObject({ code: 'error.notFound' });
    await backend.close();
  });

  it('prints the paragraphs from the command line', async () => {
    const { backend, documentPath, dataDir } = await tamDuong();
    const expected = narrativeToText(await backend.dispatch('narrative.get', {}));
    await backend.close();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['narrative', '--db', documentPath, '--year', '2025'], { out: (t) => out.push(t), err: (t) => err.push(t) }, { NTM_DATA_DIR: dataDir });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toBe(expected);
    for (const figure of ['205.250', '23.756', '19.783', '3.973', '74.135', '107.359', '13.394', '93.965']) expect(text).toContain(`${figure} triệu đồng`);
    expect(text).toContain('Dự án chuyển tiếp tổng 06 công trình, dự án khởi công mới 20 công trình, tổng kinh phí 19.783 triệu đồng');
    expect(text).toContain('- Có 9/12 xã đạt tiêu chí số 11 về nghèo đa chiều.');
  });

  it('keeps a chart image as a file that a printed annex embeds, and refuses what is not a PNG', async () => {
    const { backend, planId } = await tamDuong();
    const png = solidPng(40, 20, [0x1f, 0x6f, 0x43]);
    const file = await backend.dispatch('dashboard.saveChart', { chart: 'resources', name: 'nguon-luc-2025', dataUrl: `data:image/png;base64,${png.toString('base64')}` });
    expect(file.name).toBe('nguon-luc-2025.png');
    expect(backend.files.read(file.fileId).equals(png)).toBe(true);
    const printed = await backend.dispatch('print.html', { planId, table: 'resources', options: { images: [{ file, caption: 'Nguồn lực theo nguồn vốn năm 2025' }] } });
    const html = backend.files.read(printed.file.fileId).toString('utf8');
    expect(html).toContain(`data:image/png;base64,${png.toString('base64')}`);
    expect(html).toContain('Nguồn lực theo nguồn vốn năm 2025');
    const notPng = `data:image/png;base64,${Buffer.from('<svg/>').toString('base64')}`;
    await expect(backend.dispatch('dashboard.saveChart', { chart: 'resources', name: 'x', dataUrl: notPng })).rejects.toMatchObject({ code: 'dashboard.badImage' });
    await backend.close();
  });

  it('says so when the document has no plan', async () => {
    const { backend, dataDir, documentPath } = await openTestBackend();
    await expect(backend.dispatch('narrative.get', {})).rejects.toMatchObject({ code: 'dashboard.noPlan' });
    await backend.close();
    const err: string[] = [];
    const code = await runCli(['narrative', '--db', documentPath], { out: () => undefined, err: (t) => err.push(t) }, { NTM_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('The document has no plan yet');
  });
});

/** A real PNG of one colour: signature, IHDR, one IDAT of unfiltered rows, IEND. */
function solidPng(width: number, height: number, [r, g, b]: number[]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r!, g!, b!]).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
