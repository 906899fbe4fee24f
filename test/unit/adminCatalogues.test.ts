import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { KickResult } from '../../src-shared/api/radius';
import type { PaymentOutcome } from '../../src-shared/api/payments';
import * as labels from '../../src-renderer/labels';
import * as paymentLabels from '../../src-renderer/paymentLabels';

/**
 * The admin UI's Bangla is complete and really Bangla: every `messages(en, bn)` catalogue in
 * src-renderer (found by reading the sources, so a page added later is checked without touching
 * this test) and every `<NAME>_BN` Record in the shared label modules. The compiler already
 * checks that the keys match; this checks the words: none empty, none left in English.
 */

const ROOT = join(__dirname, '..', '..');
const RENDERER = join(ROOT, 'src-renderer');

/** Words that are the same in both languages: names, and codes the owner types as they are. */
const SAME_IN_BOTH = new Set(['HotspotDesk', 'SSLCommerz', 'English', 'বাংলা', 'TrxID', 'RouterOS', 'D:\\HotspotDesk-backups\\hotspotdesk.db']);

const BANGLA = /[\u0980-\u09FF]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** What is wrong with one Bangla value next to its English one, or null. */
export function problemWith(en: string, bn: string): string | null {
  // Names written the same in both scripts do not count as English left in the Bangla.
  const names = [...SAME_IN_BOTH].filter((n) => /^[A-Za-z]+$/.test(n));
  const strip = (s: string) => names.reduce((acc, n) => acc.split(n).join(''), s);
  if (strip(en) !== en && strip(en) === strip(bn) && !LATIN_WORD.test(strip(en))) return null;
  if (en.trim() === '') return 'the English text is empty';
  // Acronyms the owner reads on the router's own screens (RADIUS, NAS IP, SSID) stay as they are.
  if (bn === en && (en.match(/[A-Za-z]+/g) ?? []).every((w) => /^[A-Z]{2,}$/.test(w))) return null;
  if (bn.trim() === '') return 'the Bangla text is empty';
  // Names, and values with no English words (a symbol, a number pattern): nothing to translate.
  if (SAME_IN_BOTH.has(bn) || (bn === en && !LATIN_WORD.test(en))) return null;
  if (bn === en) return `the Bangla is the English text (${JSON.stringify(en)})`;
  if (!BANGLA.test(bn) && LATIN_WORD.test(en)) return `no Bangla in ${JSON.stringify(bn)}`;
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The literal text of a message: a string as it is; a function as all the text its body writes. */
function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => `${literalText(s.expression)}${s.literal.text}`)].join('');
  }
  // A call's arguments are codes for the code ('bn', a key), not words the owner reads.
  if (ts.isCallExpression(node)) return '';
  const parts: string[] = [];
  node.forEachChild((child) => {
    parts.push(literalText(child));
  });
  return parts.join('');
}

function propName(p: ts.ObjectLiteralElementLike): string {
  if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) throw new Error('a catalogue key must be a plain name');
  return p.name.text;
}

/**
 * A function whose body writes no text of its own (it picks from a Record, or a word Bangla puts
 * elsewhere in the sentence) has nothing for this scan to read: it is left out, and its Record
 * is checked where it is declared.
 */
function entries(obj: ts.ObjectLiteralExpression): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) throw new Error(`catalogue entry ${p.getText()} is not "key: value"`);
    const text = literalText(p.initializer);
    const isFunction = ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer);
    out.set(propName(p), isFunction && text.trim() === '' ? SKIPPED : text);
  }
  return out;
}

const SKIPPED = '\u0000skipped';

interface Found {
  file: string;
  line: number;
  en: Map<string, string>;
  bn: Map<string, string>;
}

function catalogues(): Found[] {
  const found: Found[] = [];
  for (const path of sourceFiles(RENDERER)) {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('messages(')) continue;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'messages') {
        const [en, bn] = node.arguments;
        const where = `${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (!en || !bn || !ts.isObjectLiteralExpression(en) || !ts.isObjectLiteralExpression(bn)) {
          throw new Error(`${where}: messages() takes two object literals (written out, so this test can read them)`);
        }
        found.push({ file: relative(ROOT, path), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, en: entries(en), bn: entries(bn) });
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return found;
}

describe('the admin UI in Bangla', () => {
  it('problemWith catches an empty, an untranslated and a Latin-only Bangla value, and allows names', () => {
    expect(problemWith('Save', 'সেভ করুন')).toBeNull();
    expect(problemWith('Save', '')).toMatch(/empty/);
    expect(problemWith('Save', 'Save')).toMatch(/is the English/);
    expect(problemWith('Save settings', 'Save it')).toMatch(/no Bangla/);
    expect(problemWith('HotspotDesk', 'HotspotDesk')).toBeNull();
    expect(problemWith('', 'কিছু')).toMatch(/English text is empty/);
    // Only punctuation around placeholders: nothing to translate.
    expect(problemWith(' · ', ' · ')).toBeNull();
    expect(problemWith(' (TrxID ): ', ' (TrxID ): ')).toBeNull();
    expect(problemWith('NAS IP', 'NAS IP')).toBeNull();
    expect(problemWith('NAS IP address', 'NAS IP address')).toMatch(/is the English/);
    expect(problemWith('Enter the TrxID', 'Enter the TrxID')).toMatch(/is the English/);
  });

  const found = catalogues();

  it('finds the catalogues of the pages and components (the scan itself works)', () => {
    const files = new Set(found.map((f) => f.file.replace(/\\/g, '/')));
    for (const f of [
      'src-renderer/components/App.tsx',
      'src-renderer/pages/index.ts',
      'src-renderer/components/SignIn.tsx',
      'src-renderer/pages/SettingsPage.tsx',
      'src-renderer/pages/StaffPage.tsx',
      'src-renderer/pages/BackupsPage.tsx',
      'src-renderer/pages/setup/SetupPage.tsx',
      'src-renderer/pages/setup/Checklist.tsx',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(found.length).toBeGreaterThan(20);
  });

  it('every catalogue has the same keys in both languages, and every Bangla text is filled in and Bangla', () => {
    const problems: string[] = [];
    for (const c of found) {
      expect([...c.bn.keys()].sort(), `${c.file}:${c.line}`).toEqual([...c.en.keys()].sort());
      for (const [key, en] of c.en) {
        const bn = c.bn.get(key) ?? '';
        if (en === SKIPPED || bn === SKIPPED) continue;
        const p = problemWith(en, bn);
        if (p) problems.push(`${c.file}:${c.line} ${key}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every <NAME>_BN Record in labels.ts and paymentLabels.ts matches its English twin, word for word filled in', () => {
    const problems: string[] = [];
    const twins: Array<[string, unknown, unknown]> = [];
    for (const mod of [labels, paymentLabels] as Array<Record<string, unknown>>) {
      for (const [name, bn] of Object.entries(mod)) {
        if (name.endsWith('_BN')) twins.push([name, mod[name.slice(0, -3)], bn]);
      }
    }
    expect(twins.map(([n]) => n)).toEqual(expect.arrayContaining(['REASONS_BN', 'PLAN_STATUS_BN', 'ROLE_LABEL_BN', 'METHOD_LABEL_BN', 'STATUS_LABEL_BN']));
    const walk = (path: string, en: unknown, bn: unknown) => {
      if (typeof en === 'string') {
        // Badge tones are CSS names, not words.
        if (path.endsWith('.tone')) return expect(bn, path).toBe(en);
        const p = problemWith(en, String(bn ?? ''));
        if (p) problems.push(`${path}: ${p}`);
        return;
      }
      expect(en, `${path} has an English twin`).toBeTypeOf('object');
      expect(Object.keys(bn as object).sort(), path).toEqual(Object.keys(en as object).sort());
      for (const k of Object.keys(en as object)) walk(`${path}.${k}`, (en as Record<string, unknown>)[k], (bn as Record<string, unknown>)[k]);
    };
    for (const [name, en, bn] of twins) walk(name, en, bn);
    expect(problems).toEqual([]);
  });

  it('the label functions answer in Bangla when asked, and in the same English as before by default', () => {
    const outcomes: KickResult['outcome'][] = ['ack', 'api_removed', 'not_online', 'nak', 'timeout'];
    for (const outcome of outcomes) {
      const r = { outcome } as KickResult;
      expect(labels.kickOutcome(r, 'bn').ok).toBe(labels.kickOutcome(r).ok);
      expect(problemWith(labels.kickOutcome(r).text, labels.kickOutcome(r, 'bn').text)).toBeNull();
    }
    expect(labels.reasonLabel('expired')).toBe('Package expired');
    expect(labels.reasonLabel('expired', 'bn')).toBe('প্যাকেজের মেয়াদ শেষ');
    expect(labels.reasonHelp('device_limit', 'bn')).toBe(labels.REASONS_BN.device_limit.help);
    expect(labels.terminateCause('Lost-Carrier')).toBe('left WiFi range');
    expect(labels.terminateCause('Lost-Carrier', 'bn')).toBe('ওয়াইফাইয়ের সীমার বাইরে গেছে');
    expect(labels.gardenSourceLabel({ source: 'gateway', label: 'bkash' } as never, 'bn')).toBe('বিকাশ');
    expect(labels.reasonsFor('bn')).toBe(labels.REASONS_BN);
    expect(labels.reasonsFor('en')).toBe(labels.REASONS);

    expect(paymentLabels.statusOptionsFor('en')).toEqual(paymentLabels.STATUS_OPTIONS);
    expect(paymentLabels.STATUS_OPTIONS[0]).toEqual(['completed', 'Completed']);
    const bnOptions = paymentLabels.statusOptionsFor('bn');
    expect(bnOptions.map(([s]) => s)).toEqual(paymentLabels.STATUS_OPTIONS.map(([s]) => s));
    bnOptions.forEach(([, bn], i) => expect(problemWith(paymentLabels.STATUS_OPTIONS[i]![1], bn)).toBeNull());
    expect(paymentLabels.methodOptionsFor('bn').find(([m]) => m === 'bkash')?.[1]).toBe('বিকাশ');
    expect(paymentLabels.problemText('TRX_ID_USED', 'bn')).toMatch(BANGLA);
    expect(paymentLabels.problemText('SOMETHING_NEW', 'bn')).toBe('something new — নিশ্চিত করার আগে যাচাই করুন');
    const states: PaymentOutcome[] = [
      { state: 'completed', paymentId: 1, customerId: 1, subscriptionId: 9 },
      { state: 'checking', paymentId: 1, customerId: 1 },
      { state: 'failed', paymentId: 1, customerId: 1, message: 'cancelled' },
      { state: 'needs_review', paymentId: 1, customerId: 1, problem: 'PAYMENT_AMOUNT_MISMATCH' },
      { state: 'refunded', paymentId: 1, customerId: 1 },
    ] as PaymentOutcome[];
    for (const o of states) expect(problemWith(paymentLabels.outcomeText(o).text, paymentLabels.outcomeText(o, 'bn').text)).toBeNull();
  });
});
