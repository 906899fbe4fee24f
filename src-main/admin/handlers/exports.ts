import type { exportsApi, CsvExport } from '../../../src-shared/api/exports';
import type { Payment } from '../../../src-shared/domain';
import type { Billing } from '../../billing';
import type { Clock } from '../../clock';
import { csvTaka, csvTime, toCsv } from '../../../src-shared/csv';
import { localPhone } from '../../../src-shared/format';
import { zonedYmd } from '../../../src-shared/time';
import type { AreaHandlers } from './types';

// Every row in one file: exports are read page by page from billing's own listings, this many at a time.
const CHUNK = 5000;

function kindOf(p: Payment): string {
  return p.reversal ?? 'sale';
}

/** CSV exports of the ledger, the customers and the recharge cards (card codes only in the last). */
export function exportsHandlers({ billing, clock }: { billing: Billing; clock: Clock }) {
  const file = (name: string, header: string[], rows: (string | number | null)[][]): CsvExport => ({
    filename: `hotspotdesk-${name}-${zonedYmd(clock.now(), billing.shopTimeZone())}.csv`,
    csv: toCsv(header, rows),
    rows: rows.length,
  });

  function allPages<T>(page: (offset: number) => { items: T[]; total: number }): T[] {
    const out: T[] = [];
    for (;;) {
      const p = page(out.length);
      out.push(...p.items);
      if (p.items.length === 0 || out.length >= p.total) return out;
    }
  }

  return {
    'exports.payments': ({ from, to }) => {
      const tz = billing.shopTimeZone();
      const items = allPages((offset) => billing.payments.list({ from, to, limit: CHUNK, offset })).reverse();
      const invoiceOf = new Map(items.map((p) => [p.id, p.invoiceNo]));
      return file(
        'payments',
        ['Invoice', 'Created', 'Completed', 'Kind', 'Method', 'Status', 'Amount (Tk)', 'Customer', 'Package', 'By', 'Reverses', 'Reversed by', 'Transaction ID', 'Note'],
        items.map((p) => [
          p.invoiceNo,
          csvTime(p.createdAt, tz),
          csvTime(p.completedAt, tz),
          kindOf(p),
          p.method,
          p.status,
          // A reversal is money going back: negative, so a column sum is the net.
          csvTaka(p.reversal ? -p.amount : p.amount),
          p.customerPhone ? localPhone(p.customerPhone) : '',
          p.packageName,
          p.createdBy,
          p.refundOf === null ? '' : (invoiceOf.get(p.refundOf) ?? billing.payments.get(p.refundOf).invoiceNo),
          p.reversedBy ? `${p.reversedBy.kind} ${invoiceOf.get(p.reversedBy.id) ?? billing.payments.get(p.reversedBy.id).invoiceNo}` : '',
          p.trxId,
          p.note,
        ]),
      );
    },
    'exports.customers': () => {
      const tz = billing.shopTimeZone();
      const items = allPages((offset) => billing.customers.list({ limit: CHUNK, offset })).reverse();
      return file(
        'customers',
        ['Phone', 'Name', 'Status', 'Has PIN', 'Active package', 'Active until', 'Joined'],
        items.map((c) => [c.localPhone, c.name, c.status, c.hasPin ? 'yes' : 'no', c.activePackage, csvTime(c.activeUntil, tz), csvTime(c.createdAt, tz)]),
      );
    },
    'exports.cards': ({ batchId }) => {
      const tz = billing.shopTimeZone();
      const { batches } = billing.vouchers.list({ limit: 1 });
      const batchById = new Map(batches.map((b) => [b.id, b]));
      const cards: ReturnType<typeof billing.vouchers.list>['vouchers'] = [];
      for (;;) {
        const page = billing.vouchers.list({ batchId, limit: CHUNK, offset: cards.length }).vouchers;
        cards.push(...page);
        if (page.length < CHUNK) break;
      }
      return file(
        batchId ? `cards-batch-${batchId}` : 'cards',
        ['Batch', 'Code', 'Package', 'Face value (Tk)', 'State', 'Distributor', 'Expires', 'Redeemed', 'Created'],
        cards.map((v) => {
          const b = batchById.get(v.batchId);
          return [v.batchId, v.code, b?.packageName ?? '', b ? csvTaka(b.faceValue) : '', v.status, v.distributorName, csvTime(v.expiresAt, tz), csvTime(v.redeemedAt, tz), csvTime(v.createdAt, tz)];
        }),
      );
    },
  } satisfies AreaHandlers<typeof exportsApi>;
}
