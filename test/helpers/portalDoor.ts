import { expect } from 'vitest';
import { AUTO_SUBMIT, COUNTDOWN } from '../../src-main/portal/scripts';

/** Strings that break out of HTML text, attributes, URLs or the reader's eye (bidi, zero-width, look-alikes). */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)' x='",
  '</title></style><script>alert(2)</script>',
  'javascript:alert(3)',
  '&lt;script&gt;alert(4)&lt;/script&gt;',
  '\u202e\u0644\u200b<svg onload=alert(5)>',
  '\uff1cscript\uff1ealert(6)\uff1c/script\uff1e',
  '%3Cscript%3Ealert(7)%3C/script%3E',
  '{{constructor.constructor("alert(8)")()}}',
];

function unescapeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every place a page can send the browser: links, form actions, meta refreshes (the favicon `<link rel=icon href="data:,">` is not navigation). */
export function navTargets(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) out.push(m[1]!);
  for (const m of html.matchAll(/<form\b[^>]*?\saction="([^"]*)"/g)) out.push(m[1]!);
  for (const m of html.matchAll(/<meta\b[^>]*http-equiv="refresh"[^>]*content="([^"]*)"/gi)) out.push(m[1]!.replace(/^\s*\d+\s*;\s*url=/i, ''));
  for (const m of html.matchAll(/<link\b([^>]*)>/g)) if (!/\srel="icon"/.test(m[1]!)) out.push(/\shref="([^"]*)"/.exec(m[1]!)?.[1] ?? '');
  return out.map(unescapeHtml);
}

export function expectSafeTarget(u: string, where: string): void {
  // eslint-disable-next-line no-control-regex -- control characters before a scheme are exactly the trick looked for
  expect(/^[\s\u0000-\u001f]*(javascript|data|vbscript):/i.test(u), `${where}: ${u}`).toBe(false);
  const ours = u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/\\');
  // The support phone's link is digits only (parts.tsx strips the rest).
  expect(ours || /^https?:\/\/[^\s"<>]+$/.test(u) || /^tel:\+?\d*$/.test(u), `${where}: ${u}`).toBe(true);
}

/**
 * A page that shows hostile values must show them as text only: no element or attribute they
 * carry survives, only our two scripts run, and every navigation target is ours or http(s).
 */
export function expectInert(html: string, where: string): void {
  for (const raw of ['<script>alert', '<img src=x', '<svg onload', '</title></style><script>']) {
    expect(html.includes(raw), `${where} has raw ${raw}`).toBe(false);
  }
  // Our elements only: with their quoted values taken out, no tag has an event handler attribute.
  for (const m of html.matchAll(/<[a-zA-Z][^>]*>/g)) expect(/\son[a-z]+\s*=/i.test(m[0].replace(/"[^"]*"/g, '""')), `${where}: ${m[0]}`).toBe(false);
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) expect([AUTO_SUBMIT, COUNTDOWN], `${where}: script`).toContain(m[1]);
  for (const t of navTargets(html)) expectSafeTarget(t, where);
}

export function expectSafeLocation(res: Response, where: string): void {
  const loc = res.headers.get('location');
  if (loc !== null) expectSafeTarget(loc, `${where} Location`);
}
