import type { Lang } from './i18n';

/**
 * The language each phone (by the router's MAC) last used in the flow. The switch rides in every
 * portal link and form, but a login goes through the router, and the router's pages (alogin.html,
 * flogin.html, the next login.html once a package ends) send the phone back without it: without
 * this, a customer who chose Bangla lands on the status page in their phone's language.
 * Only a language hint, so the router's word for the MAC is good enough; held in memory (a
 * restart falls back to Accept-Language) and bounded so a flood of MACs cannot grow it.
 */
export interface LanguageMemory {
  remember(mac: string | null, lang: Lang): void;
  recall(mac: string | null | undefined): Lang | undefined;
}

export function createLanguageMemory(max = 10_000): LanguageMemory {
  const byMac = new Map<string, Lang>();
  return {
    remember(mac, lang) {
      if (!mac) return;
      byMac.delete(mac);
      byMac.set(mac, lang);
      // Oldest first in a Map: drop the least recently used beyond the bound.
      while (byMac.size > max) byMac.delete(byMac.keys().next().value!);
    },
    recall: (mac) => (mac ? byMac.get(mac) : undefined),
  };
}
