/**
 * Rendered pages kept as templates (issue #9 benchmark: after a power cut every phone asks for
 * the same first page at once, and rendering it with React is most of what a request costs).
 *
 * A page is rendered once with its real per-request values (the signed token), then cut at every
 * place those values appear; later requests paste their own values into the cuts. The values must
 * be long (a token carries a 43-character HMAC, so it never appears by chance in the rest of the
 * page) and made only of characters that read the same in HTML text, attributes and URL queries
 * (base64url and '.'), so the cut places are exactly where the renderer put them. Anything else is
 * rendered afresh.
 *
 * An entry stays valid while every object in its `deps` is the very same one (===): the portal's
 * factory hands out the same branding, messages and package list until a write changes them.
 */
const SLOT_SAFE = /^[A-Za-z0-9._-]{24,}$/;

interface Template {
  deps: readonly unknown[];
  /** Text between the values; parts.length === slots.length + 1. */
  parts: string[];
  /** Which value goes after each part. */
  slots: number[];
}

export interface PageCache {
  /**
   * The page for `key`: from its template when `deps` are unchanged, else `render()` (whose output
   * becomes the template). `values` are this request's per-request strings, in a fixed order.
   */
  page(key: string, deps: readonly unknown[], values: readonly string[], render: () => string): string;
  size(): number;
}

export function createPageCache(maxEntries = 256): PageCache {
  const templates = new Map<string, Template>();

  function cut(html: string, values: readonly string[]): Omit<Template, 'deps'> {
    const parts: string[] = [];
    const slots: number[] = [];
    let at = 0;
    for (;;) {
      let next = -1;
      let which = -1;
      values.forEach((v, i) => {
        const p = html.indexOf(v, at);
        if (p >= 0 && (next < 0 || p < next)) {
          next = p;
          which = i;
        }
      });
      if (next < 0) break;
      parts.push(html.slice(at, next));
      slots.push(which);
      at = next + values[which]!.length;
    }
    parts.push(html.slice(at));
    return { parts, slots };
  }

  return {
    page(key, deps, values, render) {
      const usable = values.every((v) => SLOT_SAFE.test(v)) && new Set(values).size === values.length;
      if (!usable) return render();
      const t = templates.get(key);
      if (t && t.deps.length === deps.length && t.deps.every((d, i) => d === deps[i])) {
        let out = t.parts[0]!;
        for (let i = 0; i < t.slots.length; i++) out += values[t.slots[i]!]! + t.parts[i + 1]!;
        return out;
      }
      const html = render();
      // A full cache means many routers or languages: start over rather than track use.
      if (!t && templates.size >= maxEntries) templates.clear();
      templates.set(key, { ...cut(html, values), deps: [...deps] });
      return html;
    },
    size: () => templates.size,
  };
}
