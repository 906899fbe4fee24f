import type { Lang } from '../src-shared/format';
import { useSettingsStore } from './stores/settingsStore';
import { create } from 'zustand';

/**
 * The admin app's words in English and Bangla, the portal's catalogue approach for the renderer:
 * every page (or component) declares its own catalogue next to it with `messages(en, bn)`, and
 * the Bangla half must have exactly the English half's keys with the same types, so a missing or
 * misspelt translation is a compile error, not a blank on the owner's screen. Per-file catalogues
 * keep pages independent (no one giant file every change has to touch).
 *
 *   const M = messages(
 *     { title: 'Customers', found: (n: number) => `${n} found` },
 *     { title: 'গ্রাহক', found: (n) => `${localDigits(String(n), 'bn')} জন পাওয়া গেছে` },
 *   );
 *   const t = useT(M);   …   <h2>{t.title}</h2> {t.found(3)}
 *
 * Which language: the owner's setting (Settings → display.language) unless this browser chose
 * another with the switch in the sidebar (a cashier cannot change settings, but may read Bangla).
 */

export type { Lang };
export const ADMIN_LANGS: readonly Lang[] = ['en', 'bn'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function shape is a message
type Message = string | ((...args: any[]) => string);
export type Catalogue<E> = Readonly<Record<Lang, E>>;

/** One catalogue: the Bangla half is checked against the English half's keys and types. */
export function messages<E extends Record<string, Message>>(en: E, bn: { [K in keyof E]: E[K] extends string ? string : E[K] }): Catalogue<E> {
  return { en, bn: bn as E };
}

const STORAGE_KEY = 'hotspotdesk.lang';

function storedChoice(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' || v === 'bn' ? v : null;
  } catch {
    return null; // storage refused (private mode): the setting decides
  }
}

interface LangChoice {
  /** This browser's own choice, or null to follow the owner's setting. */
  choice: Lang | null;
  choose: (lang: Lang) => void;
}

export const useLangChoice = create<LangChoice>((set) => ({
  choice: storedChoice(),
  choose: (lang) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      /* not remembered across reloads; still switches now */
    }
    set({ choice: lang });
  },
}));

function langOf(choice: Lang | null, setting: Lang | undefined): Lang {
  return choice ?? setting ?? 'en';
}

/** The admin language (re-renders when it changes). */
export function useLang(): Lang {
  const choice = useLangChoice((s) => s.choice);
  const setting = useSettingsStore((s) => s.settings?.display?.language);
  return langOf(choice, setting);
}

/** For stores and event handlers (outside React's render). */
export function currentLang(): Lang {
  return langOf(useLangChoice.getState().choice, useSettingsStore.getState().settings?.display?.language);
}

/** A catalogue's words in the current language. */
export function useT<E>(catalogue: Catalogue<E>): E {
  return catalogue[useLang()];
}
