// The texts around a table — issuer, "Biểu số", the italic line, the signature — from the plan and
// whatever the user changed before printing.
import { formatDate } from '../../../shared/format/vi';
import type { PrintOptions } from '../../../shared/api/print';
import type { Plan } from '../../../shared/model';
import type { Annex } from './annex';

export interface AnnexTexts {
  issuerLines: string[];
  formLabel: string;
  title: string;
  attachedLine: string;
  preparedBy: string;
  signerRoles: string[];
  signer: string;
}

const COMMITTEE = /^(ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\b\s*/iu;
const UNIT_WORDS = ['thành phố', 'thị xã', 'thị trấn', 'huyện', 'tỉnh', 'xã', 'phường', 'quận'];

/** "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" → "UBND huyện Tam Đường", as the italic line names the issuer. */
export function shortIssuer(issuer: string): string {
  const rest = issuer.replace(/\s+/g, ' ').trim().replace(COMMITTEE, '');
  if (!rest || rest === issuer.trim()) return issuer.trim();
  const lower = rest.toLocaleLowerCase('vi');
  const kind = UNIT_WORDS.find((w) => lower.startsWith(`${w} `));
  const name = kind ? lower.slice(kind.length + 1) : lower;
  const titled = name.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'));
  return `UBND ${kind ? `${kind} ` : ''}${titled}`;
}

/** The issuer on two lines, "ỦY BAN NHÂN DÂN" above the unit, unless the user broke the lines. */
function issuerLines(issuer: string): string[] {
  const trimmed = issuer.trim();
  if (!trimmed) return ['ỦY BAN NHÂN DÂN', '...'];
  if (trimmed.includes('\n')) return trimmed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const rest = trimmed.replace(COMMITTEE, '');
  return rest && rest !== trimmed ? ['ỦY BAN NHÂN DÂN', rest] : [trimmed];
}

function planNumber(docNumber: string): string {
  const n = docNumber.trim();
  if (!n) return '.../KH-UBND';
  return n.includes('/') ? n : `${n}/KH-UBND`;
}

/** "TM. ỦY BAN NHÂN DÂN" and, for a deputy, "KT. CHỦ TỊCH" above "PHÓ CHỦ TỊCH". */
export function signerRoles(signerTitle: string): string[] {
  const title = signerTitle.trim().toLocaleUpperCase('vi');
  if (!title || title === 'PHÓ CHỦ TỊCH') return ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  if (title === 'CHỦ TỊCH') return ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
  return ['TM. ỦY BAN NHÂN DÂN', ...title.split(/\s*\/\s*|\r?\n/)];
}

export function annexTexts(plan: Plan, annex: Annex, options: PrintOptions): AnnexTexts {
  const issuer = options.issuer ?? plan.issuer;
  const docDate = options.docDate === undefined ? plan.docDate : options.docDate;
  const issuedBy = options.issuedBy ?? shortIssuer(issuer);
  return {
    issuerLines: issuerLines(issuer),
    formLabel: `Biểu số ${options.formNo ?? annex.formNo}`,
    title: options.title ?? annex.title,
    attachedLine: `(Kèm theo Kế hoạch số ${planNumber(options.docNumber ?? plan.docNumber)} ngày ${docDate ? formatDate(docDate) : '.../.../...'} của ${issuedBy || '...'})`,
    preparedBy: options.preparedBy ?? '',
    signerRoles: signerRoles(options.signerTitle ?? plan.signerTitle),
    signer: options.signer ?? plan.signer,
  };
}
