import { en, vi, type MessageKey } from './catalog';

export type Lang = 'vi' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Look up a message and fill its {placeholders}. Vietnamese is the default language. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[lang][key] ?? catalogs.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}
