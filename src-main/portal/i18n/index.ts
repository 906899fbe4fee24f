import { bn } from './bn';
import { en } from './en';
import type { Lang, Messages } from './messages';

export { LANGS, type Lang, type Messages } from './messages';

const catalogues: Record<Lang, Messages> = { en, bn };

export function messagesFor(lang: Lang): Messages {
  return catalogues[lang];
}
