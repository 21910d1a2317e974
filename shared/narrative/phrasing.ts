// The wording of the generated paragraphs is data (resources/narrative/*.json), so an office can
// adjust it without code. Placeholders are `{name}`; `{name|pad}` writes a count the way plans do
// ("03"), `{name|lower}` lowercases the first letter of a label in mid-sentence, `{name|lowercase}` all of it.
import { z } from 'zod';
import { formatAmount, padCount } from '../format/vi';

const Text = z.string().min(1);

export const Phrasing = z.object({
  sections: z.object({
    status: Text,
    targets: Text,
    resources: Text,
    projects: Text,
  }),
  status: z.object({
    overview: Text,
    bucket: Text,
    bucketSeparator: z.string(),
    bucketsLine: Text,
  }),
  criterion: z.object({
    sentence: Text,
    advanced: Text,
    end: z.string(),
  }),
  targets: z.object({
    communes: z.object({ ntm: Text, nang_cao: Text, kieu_mau: Text }),
    communeNames: Text,
    villages: z.object({ ntm: Text, nang_cao: Text, kieu_mau: Text }),
    villagesOfCommune: Text,
    listSeparator: z.string(),
  }),
  resources: z.object({
    total: Text,
    item: Text,
    breakdown: Text,
    part: Text,
    partSeparator: z.string(),
    investment: Text,
  }),
  projects: z.object({
    bySource: Text,
  }),
});
export type Phrasing = z.infer<typeof Phrasing>;

export type PhraseParams = Record<string, string | number>;

const FILTERS: Record<string, (value: string | number) => string> = {
  pad: (v) => (typeof v === 'number' ? padCount(v) : v),
  lower: (v) => lowerFirst(typeof v === 'number' ? formatAmount(v) : v),
  lowercase: (v) => (typeof v === 'number' ? formatAmount(v) : v).toLocaleLowerCase('vi'),
};

/** A label in mid-sentence: "Vốn sự nghiệp" → "vốn sự nghiệp". */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Fill a template; numbers are written the Vietnamese way (205.250). An unknown placeholder stays visible. */
export function fill(template: string, params: PhraseParams): string {
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, key: string, filter: string | undefined) => {
    const value = params[key];
    if (value === undefined) return whole;
    const apply = filter ? FILTERS[filter] : undefined;
    if (apply) return apply(value);
    return typeof value === 'number' ? formatAmount(value) : value;
  });
}
