import { z } from 'zod';

/**
 * Owner-editable settings with their defaults. Stored one key per row in `settings` (JSON values);
 * a key missing from the table has its default, so adding a setting needs no migration.
 */
export const settingsSchema = z.strictObject({
  shopName: z.string().trim().min(1).max(60),
  /** Seconds between accounting interim updates asked of routers (Acct-Interim-Interval). */
  acctInterimInterval: z.number().int().min(30).max(3600),
  /** Seconds of no traffic before the router logs a client out (Idle-Timeout); 0 = not sent. */
  idleTimeout: z.number().int().min(0).max(86400),
  /** Address routers use to reach this PC (RADIUS, portal). Empty = detect. */
  serverAddress: z.string().max(253),
  /** Public/LAN URL of the captive portal, as phones reach it. Empty = http://<serverAddress>:<portal port>. */
  portalUrl: z.string().max(300),
  currency: z.literal('BDT'),
  timezone: z.string().max(60),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  shopName: 'HotspotDesk WiFi',
  acctInterimInterval: 60,
  idleTimeout: 300,
  serverAddress: '',
  portalUrl: '',
  currency: 'BDT',
  timezone: 'Asia/Dhaka',
};
