import { ADMIN_LANGS, messages, useLang, useLangChoice, useT } from '../i18n';

const M = messages({ language: 'Language' }, { language: 'ভাষা' });

/** The names each language is shown by in the switch (always in its own script). */
const LANG_NAMES = { en: 'English', bn: 'বাংলা' } as const;

/**
 * This browser's choice of the admin language (the sidebar's, and the sign-in screen's, where a
 * cashier who reads Bangla has no sidebar yet). `className` places it: nav-lang or signin-lang.
 */
export function LangSwitch({ className }: { className: string }) {
  const t = useT(M);
  const lang = useLang();
  const choose = useLangChoice((s) => s.choose);
  return (
    <div className={className} role="group" aria-label={t.language}>
      {ADMIN_LANGS.map((l) => (
        <button key={l} type="button" className="link-button" lang={l} aria-pressed={l === lang} onClick={() => choose(l)}>
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
