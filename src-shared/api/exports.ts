import { z } from 'zod';
import { query, id } from './def';

/** A CSV file for the owner to save: its suggested name and its text. */
export interface CsvExport {
  filename: string;
  /** RFC 4180, CRLF, UTF-8 with a byte-order mark; times in the shop's zone, money in taka (two decimals). */
  csv: string;
  rows: number;
}

const epochMs = z.number({ error: 'must be a time (epoch milliseconds)' }).int('must be a whole number of milliseconds').min(0).max(8.64e15);

/**
 * CSV exports for the owner's spreadsheet. Owner only: the cards export holds card codes (money
 * to whoever reads them), and the ledger and customer list are the business's books.
 */
export const exportsApi = {
  'exports.payments': query<CsvExport>()(
    z.strictObject({ from: epochMs.optional(), to: epochMs.optional() }).refine((i) => i.from == null || i.to == null || i.to > i.from, { message: 'must be after from', path: ['to'] }),
    { role: 'owner' },
  ),
  'exports.customers': query<CsvExport>()(z.strictObject({}), { role: 'owner' }),
  'exports.cards': query<CsvExport>()(z.strictObject({ batchId: id.optional() }), { role: 'owner' }),
};
