import { describe, expect, it } from 'vitest';
import { parseMoneySms } from '../../src-main/gateways/smsIn/parse';

describe('money-received SMS parser (reference §5.4 samples)', () => {
  it('reads both bKash formats: Tk with and without a space, commas, fee missing, either date order', () => {
    expect(parseMoneySms('You have received Tk 500.00 from 01533817247. Fee Tk 0.00. Balance Tk 1,117.78. TrxID CJU0PZQ3U6 at 30/10/2025 21:02', 'bKash')).toEqual({
      wallet: 'bkash', amount: 50000, trxId: 'CJU0PZQ3U6', fromPhone: '+8801533817247',
    });
    expect(parseMoneySms('You have received Tk2,000.00 from 01798765432. TrxID DEF456GHI at 2024-01-02 14:30:00. Balance Tk7,000.00', '16247')).toEqual({
      wallet: 'bkash', amount: 200000, trxId: 'DEF456GHI', fromPhone: '+8801798765432',
    });
  });

  it('reads both Nagad shapes and the TxnID / Trx ID / TrxID labels', () => {
    expect(parseMoneySms('Money Received. Amount: Tk 500.00 Sender: 01812345678 Ref: x TxnID: 71A2B3C4 Balance: Tk 900.00', 'NAGAD')).toEqual({
      wallet: 'nagad', amount: 50000, trxId: '71A2B3C4', fromPhone: '+8801812345678',
    });
    expect(parseMoneySms('Received Tk 500.00 from 01812345678 Trx ID ABC123 Balance Tk 1,500.00', 'Nagad')).toMatchObject({ wallet: 'nagad', amount: 50000, trxId: 'ABC123' });
    // Sender id unknown: the wallet comes from the text's shape.
    expect(parseMoneySms('Money Received. Amount: Tk 75 Sender: 01812345678 TrxID: 7XYZ1234', '+8801000000000')).toMatchObject({ wallet: 'nagad', amount: 7500, trxId: '7XYZ1234' });
  });

  it('reads the Rocket shape', () => {
    expect(parseMoneySms('Tk 800.00 received from 01712345678 A/C. TxnID ABC123XYZ. Balance Tk 2,000.00', 'DBBL')).toEqual({
      wallet: 'rocket', amount: 80000, trxId: 'ABC123XYZ', fromPhone: '+8801712345678',
    });
  });

  it('never reads money going out, or a text without amount or id', () => {
    expect(parseMoneySms('You have sent Tk 500.00 to 01533817247. Fee Tk 0.00. TrxID CJU0PZQ3U6 at 30/10/2025', 'bKash')).toBeNull();
    expect(parseMoneySms('Cash Out Tk 500.00 received by agent. TrxID CJU0PZQ3U6', 'bKash')).toBeNull();
    expect(parseMoneySms('You have received Tk 500.00 from 01533817247.', 'bKash')).toBeNull();
    expect(parseMoneySms('Your OTP is 123456', 'bKash')).toBeNull();
    expect(parseMoneySms('You have received Tk 0.00 from 01533817247. TrxID CJU0PZQ3U6', 'bKash')).toBeNull();
  });
});
