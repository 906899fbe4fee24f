import { LANGS, type Lang } from './i18n';

export interface LanguageChoice {
  available: readonly Lang[];
  default: Lang;
}

function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

/**
 * The page's language: an explicit `lang` (the visible switch, carried in every link and form
 * because captive-portal windows may drop cookies) wins; then the phone's Accept-Language in its
 * q order; then the shop's default. Only languages the shop enabled are chosen.
 */
export function chooseLanguage(explicit: unknown, acceptLanguage: string | undefined, choice: LanguageChoice): Lang {
  const available = choice.available.length > 0 ? choice.available : [choice.default];
  const ok = (l: string): l is Lang => isLang(l) && available.includes(l);
  if (typeof explicit === 'string' && ok(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find((m) => m)?.[1];
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) if (ok(r.lang)) return r.lang;
  return ok(choice.default) ? choice.default : available[0]!;
}
