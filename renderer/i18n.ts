import { create } from 'zustand';
import { translate, type Lang, type MessageKey, type MessageParams } from '../shared/i18n';

interface I18nState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('ntm.lang')) as Lang | null;

export const useI18n = create<I18nState>((set) => ({
  lang: stored === 'en' ? 'en' : 'vi',
  setLang: (lang) => {
    localStorage.setItem('ntm.lang', lang);
    document.documentElement.lang = lang;
    set({ lang });
  },
}));

/** The translate function for the current language; components re-render when it changes. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const lang = useI18n((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}
