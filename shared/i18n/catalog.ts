import { core } from './messages/core';
import { dashboard } from './messages/dashboard';
import { edits } from './messages/edits';
import { matrix } from './messages/matrix';
import { funding } from './messages/funding';
import { exportMessages } from './messages/export';
import { importMessages } from './messages/import';
import { legacy } from './messages/legacy';
import { print } from './messages/print';
import { validation } from './messages/validation';

// Every domain's messages; a new domain adds one line here.
const domains = { core, dashboard, edits, funding, export: exportMessages, import: importMessages, legacy, print, validation, matrix };

type Domains = typeof domains;
export type MessageKey = { [D in keyof Domains]: keyof Domains[D]['vi'] & string }[keyof Domains];

function merge(lang: 'vi' | 'en'): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const domain of Object.values(domains)) Object.assign(out, domain[lang]);
  return out as Record<MessageKey, string>;
}

export const vi = merge('vi');
export const en = merge('en');
