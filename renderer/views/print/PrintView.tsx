import './print.css';
import { useEffect, useState } from 'react';
import type { PrintDefaults, PrintOptionsInput, PrintTable } from '../../../shared/api/print';
import type { MessageKey } from '../../../shared/i18n';
import type { FileRef, Plan } from '../../../shared/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useApp, useCurrentPlan } from '../../store/app';
import { MAX_ANNEX_IMAGES, useAnnexImages, type AnnexImage } from '../../store/annex-images';

const TABLES: PrintTable[] = ['criteria', 'indicators', 'targets', 'resources', 'projects', 'recurrent', 'model-sites'];
const WITH_SIDE: PrintTable[] = ['criteria', 'indicators'];
const ZOOMS = [50, 75, 100, 125, 150, 200];
const TEXT_FIELDS: { key: 'formNo' | 'title' | 'issuer' | 'docNumber' | 'issuedBy' | 'preparedBy' | 'signer' | 'signerTitle'; label: MessageKey; size: number }[] = [
  { key: 'formNo', label: 'print.formNo', size: 6 },
  { key: 'title', label: 'print.titleField', size: 60 },
  { key: 'issuer', label: 'print.issuer', size: 36 },
  { key: 'docNumber', label: 'print.docNumber', size: 14 },
  { key: 'issuedBy', label: 'print.issuedBy', size: 30 },
  { key: 'preparedBy', label: 'print.preparedBy', size: 24 },
  { key: 'signer', label: 'print.signer', size: 24 },
  { key: 'signerTitle', label: 'print.signerTitle', size: 18 },
];
const MARGINS = [
  { key: 'top', label: 'print.margin.top' },
  { key: 'bottom', label: 'print.margin.bottom' },
  { key: 'left', label: 'print.margin.left' },
  { key: 'right', label: 'print.margin.right' },
] as const;

type Margins = Record<(typeof MARGINS)[number]['key'], number>;

interface PrintForm {
  year: number;
  paper: 'A4' | 'A3';
  orientation: 'auto' | 'portrait' | 'landscape';
  margins: Margins;
  formNo: string;
  title: string;
  issuer: string;
  docNumber: string;
  docDate: string;
  issuedBy: string;
  preparedBy: string;
  signer: string;
  signerTitle: string;
}

/** Nghị định 30/2020: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm. */
const DEFAULT_MARGINS: Margins = { top: 20, bottom: 20, left: 30, right: 15 };

function formFrom(d: PrintDefaults, previous: PrintForm | null): PrintForm {
  return {
    year: d.year,
    paper: previous?.paper ?? 'A4',
    orientation: previous?.orientation ?? 'auto',
    margins: previous?.margins ?? DEFAULT_MARGINS,
    formNo: d.formNo,
    title: d.title,
    issuer: d.issuer,
    docNumber: d.docNumber,
    docDate: d.docDate ?? '',
    issuedBy: d.issuedBy,
    preparedBy: previous?.preparedBy ?? '',
    signer: d.signer,
    signerTitle: d.signerTitle,
  };
}

function optionsOf(form: PrintForm, side: 'actual' | 'plan', images: readonly AnnexImage[]): PrintOptionsInput {
  return { ...form, side, docDate: form.docDate || null, images: images.map(({ file, caption }) => ({ file, caption })) };
}

function planYears(plan: Plan): number[] {
  return Array.from({ length: plan.yearEnd - plan.yearStart + 1 }, (_, i) => plan.yearStart + i);
}

/** The annex as it will print: options from the plan, editable; preview page by page; print; save as PDF. */
export function PrintView() {
  const t = useT();
  const plan = useCurrentPlan();
  const { run, setStatus } = useApp();
  const [table, setTable] = useState<PrintTable>('criteria');
  const [form, setForm] = useState<PrintForm | null>(null);
  const [preview, setPreview] = useState<{ file: FileRef; pages: number } | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(100);
  const [busy, setBusy] = useState(false);

  const [side, setSide] = useState<'actual' | 'plan'>('actual');
  const images = useAnnexImages();

  // The plan's header fields and the table's own title; the side changes the title, so it reloads too.
  useEffect(() => {
    if (!plan) return;
    void run(async () => {
      const defaults = await call('print.defaults', { planId: plan.id, table, options: { side } });
      setForm((previous) => formFrom(defaults, previous));
      setPreview(null);
    });
  }, [plan, table, side, run]);

  if (!plan) return <p className="page muted">{t('plan.none')}</p>;
  if (!form) return <p className="page muted">{t('common.loading')}</p>;

  const update = (patch: Partial<PrintForm>) => setForm({ ...form, ...patch });
  const request = () => ({ planId: plan.id, table, options: optionsOf(form, side, images.images) });
  const work = async (action: () => Promise<void>) => {
    setBusy(true);
    setStatus({ kind: 'busy', text: t('print.working') });
    await run(action);
    setBusy(false);
  };

  const addImages = () =>
    run(async () => {
      const files = await window.ntm.pickFiles({ accept: ['.png'], multiple: true });
      const added = images.add(files.map((file) => ({ file, caption: '' })));
      if (added < files.length) setStatus({ kind: 'error', text: t('print.imagesFull', { max: MAX_ANNEX_IMAGES }) });
    });
  const showPreview = () =>
    work(async () => {
      const result = await call('print.pdf', request());
      setPreview({ file: result.file, pages: result.pages });
      setPage(1);
      setStatus({ kind: 'saved', text: t('print.ready', { pages: result.pages }) });
    });
  const print = () =>
    work(async () => {
      const result = await call('print.html', request());
      await window.ntm.print(result.file, { landscape: result.landscape, paper: result.paper });
      setStatus({ kind: 'idle', text: '' });
    });
  const savePdf = () =>
    work(async () => {
      const result = await call('print.pdf', request());
      await window.ntm.saveFile(result.file);
      setStatus({ kind: 'saved', text: t('print.ready', { pages: result.pages }) });
    });

  return (
    <div className="page print-view">
      <h2>{t('print.heading')}</h2>
      <section className="card print-options">
        <div className="row">
          <Field label={t('print.table')}>
            <select aria-label={t('print.table')} value={table} onChange={(e) => setTable(e.target.value as PrintTable)}>
              {TABLES.map((id) => (
                <option key={id} value={id}>
                  {t(`print.table.${id}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          {WITH_SIDE.includes(table) && (
            <Field label={t('print.side')}>
              <select aria-label={t('print.side')} value={side} onChange={(e) => setSide(e.target.value as 'actual' | 'plan')}>
                <option value="actual">{t('print.side.actual')}</option>
                <option value="plan">{t('print.side.plan')}</option>
              </select>
            </Field>
          )}
          <Field label={t('print.year')}>
            <select aria-label={t('print.year')} value={form.year} onChange={(e) => update({ year: Number(e.target.value) })}>
              {planYears(plan).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('print.paper')}>
            <select aria-label={t('print.paper')} value={form.paper} onChange={(e) => update({ paper: e.target.value as PrintForm['paper'] })}>
              <option value="A4">A4</option>
              <option value="A3">A3</option>
            </select>
          </Field>
          <Field label={t('print.orientation')}>
            <select aria-label={t('print.orientation')} value={form.orientation} onChange={(e) => update({ orientation: e.target.value as PrintForm['orientation'] })}>
              {(['auto', 'landscape', 'portrait'] as const).map((o) => (
                <option key={o} value={o}>
                  {t(`print.orientation.${o}`)}
                </option>
              ))}
            </select>
          </Field>
          {MARGINS.map((m) => (
            <Field key={m.key} label={t(m.label)}>
              <input
                type="number"
                aria-label={t(m.label)}
                min={5}
                max={60}
                value={form.margins[m.key]}
                onChange={(e) => update({ margins: { ...form.margins, [m.key]: Number(e.target.value) } })}
              />
            </Field>
          ))}
        </div>
        <div className="row">
          {TEXT_FIELDS.map((f) => (
            <Field key={f.key} label={t(f.label)}>
              <input aria-label={t(f.label)} size={f.size} value={form[f.key]} onChange={(e) => update({ [f.key]: e.target.value })} />
            </Field>
          ))}
          <Field label={t('print.docDate')}>
            <input type="date" aria-label={t('print.docDate')} value={form.docDate} onChange={(e) => update({ docDate: e.target.value })} />
          </Field>
        </div>
        <div className="annex-images" role="group" aria-label={t('print.images')}>
          <strong>{t('print.images')}</strong>
          {images.images.length === 0 ? (
            <p className="muted">{t('print.imagesNone')}</p>
          ) : (
            <ol>
              {images.images.map((image, i) => (
                <li key={`${image.file.fileId}-${i}`}>
                  <span className="image-name">{image.file.name}</span>
                  <input aria-label={t('print.imageCaption', { n: i + 1 })} size={50} maxLength={300} value={image.caption} onChange={(e) => images.setCaption(i, e.target.value)} />
                  <button aria-label={t('print.imageRemove', { n: i + 1 })} onClick={() => images.remove(i)}>
                    ✕
                  </button>
                </li>
              ))}
            </ol>
          )}
          <button disabled={busy || images.images.length >= MAX_ANNEX_IMAGES} onClick={() => void addImages()}>
            {t('print.addImages')}
          </button>
        </div>
        <div className="row">
          <button type="submit" disabled={busy} onClick={() => void showPreview()}>
            {t('print.preview')}
          </button>
          <button disabled={busy} onClick={() => void print()}>
            {t('print.print')}
          </button>
          <button disabled={busy} onClick={() => void savePdf()}>
            {t('print.savePdf')}
          </button>
        </div>
      </section>
      {preview && (
        <section className="print-preview" aria-label={t('print.preview')}>
          <div className="row preview-bar">
            <button aria-label="‹" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              ‹
            </button>
            <span data-testid="preview-page">
              {t('print.page')} {page}/{preview.pages}
            </span>
            <button aria-label="›" disabled={page >= preview.pages} onClick={() => setPage(page + 1)}>
              ›
            </button>
            <Field label={t('print.zoom')}>
              <select aria-label={t('print.zoom')} value={zoom} onChange={(e) => setZoom(Number(e.target.value))}>
                {ZOOMS.map((z) => (
                  <option key={z} value={z}>
                    {z}%
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {/* The PDF itself, as printed; the viewer opens it at the chosen page and zoom. */}
          {window.ntm.viewUrl ? (
            <iframe
              key={`${preview.file.fileId}-${page}-${zoom}`}
              title={t('print.preview')}
              className="preview-frame"
              src={`${window.ntm.viewUrl(preview.file)}#page=${page}&zoom=${zoom}`}
            />
          ) : (
            <p className="muted">{t('print.noPreview')}</p>
          )}
        </section>
      )}
    </div>
  );
}
