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
  /** `parts` as UTF-8, made on the first cachedBytes (the fast path writes bytes, not strings). */
  bytes?: Buffer[];
}

export interface PageCache {
  /**
   * The page for `key`: from its template when `deps` are unchanged, else `render()` (whose output
   * becomes the template). `values` are this request's per-request strings, in a fixed order.
   */
  page(key: string, deps: readonly unknown[], values: readonly string[], render: () => string): string;
  /**
   * The same page as `page` would give, as UTF-8 bytes, but only from a valid template: null when
   * there is none yet (or the values are not usable), so the caller renders through `page`.
   */
  cachedBytes(key: string, deps: readonly unknown[], values: readonly string[]): Buffer | null;
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

  const usable = (values: readonly string[]) => values.every((v) => SLOT_SAFE.test(v)) && new Set(values).size === values.length;
  const valid = (t: Template | undefined, deps: readonly unknown[]): t is Template => !!t && t.deps.length === deps.length && t.deps.every((d, i) => d === deps[i]);

  return {
    cachedBytes(key, deps, values) {
      const t = templates.get(key);
      if (!valid(t, deps) || !usable(values)) return null;
      const parts = (t.bytes ??= t.parts.map((p) => Buffer.from(p, 'utf8')));
      let n = 0;
      for (const p of parts) n += p.length;
      // SLOT_SAFE values are ASCII: one byte per character.
      for (const s of t.slots) n += values[s]!.length;
      const out = Buffer.allocUnsafe(n);
      let at = parts[0]!.copy(out, 0);
      for (let i = 0; i < t.slots.length; i++) {
        at += out.write(values[t.slots[i]!]!, at, 'latin1');
        at += parts[i + 1]!.copy(out, at);
      }
      return out;
    },
    page(key, deps, values, render) {
      if (!usable(values)) return render();
      const t = templates.get(key);
      if (valid(t, deps)) {
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
