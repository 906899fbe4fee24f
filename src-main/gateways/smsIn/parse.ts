/**
 * Reads a wallet's "money received" SMS (reference §5.4): bKash, Nagad and Rocket, tolerant of
 * the drift seen in the wild (Tk with or without a space, thousands commas, the fee part missing,
 * the id labelled TrxID / TxnID / Trx ID, dates in either order). Anything that is not plainly an
 * incoming-money message is not read (the caller keeps it for the owner): a "you have sent" or
 * cash-out text must never pay anything.
 *
 * [U] Nagad's and Rocket's exact wording and the wallets' sender ids vary by operator: the wallet
 * is taken from the sender when it says so, else from the text, else from the message's shape.
 */

export type SmsWallet = 'bkash' | 'nagad' | 'rocket';

export interface MoneyReceivedSms {
  wallet: SmsWallet;
  /** paisa */
  amount: number;
  /** Upper-case. */
  trxId: string;
  /** E.164 when a Bangladeshi mobile number is in the text, else null. */
  fromPhone: string | null;
}

const TAKA = String.raw`(?:Tk\.?|BDT|৳)\s*([0-9][0-9,]*(?:\.[0-9]{1,2})?)`;
const AMOUNT_PATTERNS = [
  new RegExp(String.raw`received\s+(?:an?\s+amount\s+of\s+)?${TAKA}`, 'i'), // bKash, Nagad "Received Tk 500.00 from"
  new RegExp(String.raw`Amount\s*:?\s*${TAKA}`, 'i'), // Nagad "Money Received. Amount: Tk 500.00"
  new RegExp(String.raw`${TAKA}\s+(?:has\s+been\s+)?received`, 'i'), // Rocket "Tk 800.00 received from"
];
const TRX = /\b(?:Trx\.?\s*ID|TrxID|TxnID|Txn\.?\s*ID|TxID|Transaction\s*ID)\s*[:.#-]?\s*([A-Za-z0-9]{6,20})\b/i;
const FROM = /(?:\bfrom|\bSender)\s*:?\s*(?:A\/C\s*)?(\+?880|0)?(1[3-9][0-9]{8})/i;
const NOT_INCOMING = /\b(?:you\s+have\s+sent|sent\s+Tk|cash\s*out|payment\s+of\s+Tk|paid\s+Tk|recharge|transfer(?:red)?\s+Tk)\b/i;

function walletOf(sender: string | null, text: string): SmsWallet | null {
  const s = (sender ?? '').toLowerCase();
  if (s.includes('bkash') || s === '16247') return 'bkash';
  if (s.includes('nagad')) return 'nagad';
  if (s.includes('rocket') || s.includes('dbbl') || s === '16216') return 'rocket';
  if (/bkash/i.test(text)) return 'bkash';
  if (/nagad/i.test(text)) return 'nagad';
  if (/rocket|dbbl/i.test(text)) return 'rocket';
  // The shapes in §5.4: "You have received Tk" is bKash's, "Money Received. Amount:" Nagad's,
  // "Tk … received from" Rocket's.
  if (/you\s+have\s+received\s+(?:Tk|BDT)/i.test(text)) return 'bkash';
  if (/money\s+received/i.test(text) || /\bTxnID\b/.test(text) && /Amount/i.test(text)) return 'nagad';
  if (/(?:Tk|BDT)\s*[0-9][0-9,.]*\s+received/i.test(text)) return 'rocket';
  if (/^\s*received\s+(?:Tk|BDT)/i.test(text)) return 'nagad';
  return null;
}

function toPaisa(s: string): number | null {
  const m = /^([0-9]+)(?:\.([0-9]{1,2}))?$/.exec(s.replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function parseMoneySms(text: string, sender: string | null): MoneyReceivedSms | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!/received/i.test(t) || NOT_INCOMING.test(t)) return null;
  let amount: number | null = null;
  for (const re of AMOUNT_PATTERNS) {
    const m = re.exec(t);
    if (m) {
      amount = toPaisa(m[1]!);
      break;
    }
  }
  const trx = TRX.exec(t)?.[1];
  const wallet = walletOf(sender, t);
  if (amount === null || amount <= 0 || !trx || !wallet) return null;
  const from = FROM.exec(t);
  return { wallet, amount, trxId: trx.toUpperCase(), fromPhone: from ? `+880${from[2]}` : null };
}
