import { describe, expect, it } from 'vitest';
import { createPageCache } from '../../src-main/portal/pageCache';
import { forms, phoneBrowser } from '../helpers/phoneBrowser';
import { portalWorld } from '../helpers/portalWorld';

type World = Awaited<ReturnType<typeof portalWorld>>;

async function arrive(w: World, mac: string) {
  const b = phoneBrowser(mac);
  await b.open(`${w.hotspot.url}/generate_204`);
  await b.autoSubmit();
  return b;
}

/** The token the page's own URL carries, and the one its number form posts. */
function tokens(b: ReturnType<typeof phoneBrowser>) {
  const url = new URL(b.page.url).searchParams.get('t');
  const form = forms(b.page.html).find((f) => f.action.endsWith('/portal/phone'));
  return { url, form: form?.fields.t };
}

// The first page is kept rendered (pageCache.ts) after a power cut's rush; it must still be each
// phone's own page, and show a package or branding change at once (not a second later).
describe('the first page, kept rendered', () => {
  it('carries each phone its own token, and shows package and branding changes at once', async () => {
    const w = await portalWorld();
    const day = await w.pkg({ name: 'Day pass', price: 2000 });
    const a = await arrive(w, '30:39:26:86:CC:01');
    const b = await arrive(w, '30:39:26:86:CC:02');
    expect(a.text).toContain('Day pass');
    const ta = tokens(a);
    const tb = tokens(b);
    expect(ta.form).toBe(ta.url);
    expect(tb.form).toBe(tb.url);
    expect(ta.url).not.toBe(tb.url);
    expect(b.page.html).not.toContain(ta.url!);
    expect(b.page.html).toContain(`/portal?t=${tb.url}&amp;lang=bn`); // the language switch, too

    await w.pkg({ name: 'Week pass', price: 9000 });
    const c = await arrive(w, '30:39:26:86:CC:03');
    expect(c.text).toContain('Week pass');
    await w.ok('packages.update', { id: day.id, name: 'Day pass plus' });
    expect((await arrive(w, '30:39:26:86:CC:04')).text).toContain('Day pass plus');
    await w.ok('packages.archive', { id: day.id });
    expect((await arrive(w, '30:39:26:86:CC:05')).text).not.toContain('Day pass');
    await w.ok('settings.update', { shop: { name: 'Karim Net' } });
    expect((await arrive(w, '30:39:26:86:CC:06')).text).toContain('Karim Net');
  });
});

describe('pageCache', () => {
  it('pastes values into the kept page while its deps are the same objects, renders again otherwise', () => {
    const cache = createPageCache();
    let renders = 0;
    const deps = [{}, []];
    const t1 = 'eyJ2Ijp7fX0.' + 'a'.repeat(43);
    const t2 = 'eyJ2Ijp7fX0.' + 'b'.repeat(43);
    const page = (t: string) => () => (renders++, `<a href="/p?t=${t}">x</a><input value="${t}">`);
    expect(cache.page('k', deps, [t1], page(t1))).toBe(`<a href="/p?t=${t1}">x</a><input value="${t1}">`);
    expect(cache.page('k', deps, [t2], page(t2))).toBe(`<a href="/p?t=${t2}">x</a><input value="${t2}">`);
    expect(renders).toBe(1);
    cache.page('k', [deps[0], []], [t2], page(t2)); // a new package list: rendered again
    expect(renders).toBe(2);
    // A value that could read differently once escaped is never pasted.
    const odd = `${'c'.repeat(30)}&x`;
    expect(cache.page('k2', deps, [odd], () => (renders++, `v=${odd}`))).toBe(`v=${odd}`);
    cache.page('k2', deps, [odd], () => (renders++, `v=${odd}`));
    expect(renders).toBe(4);
  });
});
