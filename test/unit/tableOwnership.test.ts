import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * One owner per table (DESIGN.md convention 9): only a subsystem's own folder selects from or
 * writes its tables. Others ask through its factory or a port. A read-only JOIN that adds names
 * to a listing is allowed when the statement says so with `-- listing join` (or
 * `-- read-only join`); a write from outside the owner never is.
 *
 * SQL is found in string and template literals (the TypeScript parser finds them, so comments
 * and regular expressions are not mistaken for SQL).
 */

const SRC = path.join(__dirname, '..', '..', 'src-main');

/** Table → the folder (or single file) under src-main that owns it. */
const OWNERS: Record<string, string> = {
  customers: 'billing/',
  devices: 'billing/',
  packages: 'billing/',
  package_routers: 'billing/',
  package_zones: 'billing/',
  subscriptions: 'billing/',
  subscription_topups: 'billing/',
  payments: 'billing/',
  vouchers: 'billing/',
  voucher_batches: 'billing/',
  distributors: 'billing/',
  distributor_ledger: 'billing/',
  routers: 'routers/',
  zones: 'routers/',
  walled_garden_entries: 'routeros/',
  sessions: 'radius/',
  auth_log: 'radius/',
  auth_log_search: 'radius/',
  disconnects: 'radius/',
  settings: 'settingsStore.ts',
  audit_log: 'admin/',
  admin_users: 'admin/',
  admin_sessions: 'admin/',
  sms_outbox: 'sms/',
  otp_challenges: 'portal/',
  portal_pin_failures: 'portal/',
  portal_card_failures: 'portal/',
  sms_in: 'gateways/',
  free_minute_grants: 'radius/',
};

const MARKER = /--\s*(listing join|read-only join)\b/;
const SQL_REF = /\b(DELETE\s+FROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|FROM|JOIN)\s+([a-z_][a-z0-9_]*)/g;

interface Ref {
  file: string;
  line: number;
  table: string;
  write: boolean;
  marked: boolean;
}

interface Violation {
  file: string;
  line: number;
  table: string;
  owner: string;
  what: 'reads' | 'writes';
}

/** Every table reference in the SQL literals of one source file. */
function sqlRefs(file: string, source: string): Ref[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const refs: Ref[] = [];
  const scan = (node: ts.Node, text: string) => {
    const start = node.getStart(sf);
    const marked = MARKER.test(text);
    for (const m of text.matchAll(SQL_REF)) {
      const lineText = text.slice(text.lastIndexOf('\n', m.index) + 1, (text.indexOf('\n', m.index) + 1 || text.length + 1) - 1);
      refs.push({
        file,
        line: sf.getLineAndCharacterOfPosition(start).line + 1 + (text.slice(0, m.index).match(/\n/g)?.length ?? 0),
        table: m[2]!,
        write: !/^(FROM|JOIN)$/.test(m[1]!),
        marked: marked || MARKER.test(lineText),
      });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) scan(node, node.text);
    else if (ts.isTemplateExpression(node)) scan(node, node.head.text + node.templateSpans.map((s) => `\${} ${s.literal.text}`).join(''));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs;
}

/** `rel` is the path under src-main, e.g. `radius/authorize.ts`. */
function violations(rel: string, source: string): Violation[] {
  const out: Violation[] = [];
  for (const r of sqlRefs(rel, source)) {
    const owner = OWNERS[r.table];
    if (!owner) continue; // not one of our tables (an alias, sqlite_master, a word in a message)
    if (owner.endsWith('/') ? rel.startsWith(owner) : rel === owner) continue;
    if (!r.write && r.marked) continue;
    out.push({ file: rel, line: r.line, table: r.table, owner, what: r.write ? 'writes' : 'reads' });
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const files = sourceFiles(SRC).map((p) => ({ rel: path.relative(SRC, p).split(path.sep).join('/'), source: fs.readFileSync(p, 'utf8') }));

describe('table ownership', () => {
  it('no code outside a subsystem selects from or writes its tables', () => {
    const found = files.flatMap((f) => violations(f.rel, f.source));
    expect(found.map((v) => `${v.file}:${v.line} ${v.what} ${v.table} (owned by ${v.owner})`)).toEqual([]);
  });

  it('the scan sees the SQL it must judge', () => {
    // Guards against a scanner that silently finds nothing: known statements of each owner.
    const refs = files.flatMap((f) => sqlRefs(f.rel, f.source));
    const has = (file: string, table: string, write: boolean) => refs.some((r) => r.file === file && r.table === table && r.write === write);
    expect(has('billing/loginRead.ts', 'customers', false)).toBe(true);
    expect(has('billing/subscriptions.ts', 'subscriptions', true)).toBe(true);
    expect(has('radius/accounting.ts', 'sessions', true)).toBe(true);
    expect(has('routers/index.ts', 'routers', true)).toBe(true);
    expect(has('settingsStore.ts', 'settings', true)).toBe(true);
    // The sessions listing reads customers and routers through marked joins.
    expect(refs.filter((r) => r.file === 'radius/queries.ts' && (r.table === 'customers' || r.table === 'routers')).every((r) => r.marked)).toBe(true);
    expect(refs.length).toBeGreaterThan(60);
  });

  it('fails on planted violations and allows marked read-only joins', () => {
    const planted = `
      // a comment saying SELECT id FROM customers is not SQL
      const a = db.prepare('SELECT id FROM customers WHERE phone = ?');
      const b = db.prepare(\`UPDATE subscriptions SET status = 'expired' WHERE id = ?\`);
      const c = db.prepare(\`SELECT s.* FROM sessions s
        LEFT JOIN customers c ON c.id = s.customer_id -- listing join
        WHERE s.id = ?\`);
      const d = db.prepare(\`DELETE FROM devices WHERE mac = ? -- listing join\`);
      const e = db.prepare(\`INSERT OR IGNORE INTO payments (id) VALUES (\${x}) -- read-only join\`);
      const f = /FROM customers/.test(s);
    `;
    expect(violations('radius/planted.ts', planted).map((v) => `${v.line} ${v.what} ${v.table}`)).toEqual([
      '3 reads customers',
      '4 writes subscriptions',
      '8 writes devices',
      '9 writes payments',
    ]);
    // In billing the same statements touch its own tables, and the one into sessions is marked.
    expect(violations('billing/planted.ts', planted).map((v) => v.table)).toEqual([]);
    // A single-file owner: settings only from settingsStore.ts.
    expect(violations('admin/x.ts', "db.prepare('SELECT value FROM settings')")).toHaveLength(1);
    expect(violations('settingsStore.ts', "db.prepare('SELECT value FROM settings')")).toHaveLength(0);
  });
});
