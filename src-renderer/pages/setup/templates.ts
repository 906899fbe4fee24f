/**
 * Starter packages the wizard offers (the owner edits names and prices before creating them).
 * Prices are whole taka as typed; speeds are a modest 5/2 Mbps the owner changes later.
 */
export interface PackageTemplate {
  key: string;
  name: string;
  priceTaka: number;
  validitySeconds: number | null;
  dataLimitBytes: number | null;
}

const HOUR = 3600;
const DAY = 86400;
const GB = 1024 ** 3;

export const PACKAGE_TEMPLATES: readonly PackageTemplate[] = [
  { key: '1h', name: '1 hour', priceTaka: 10, validitySeconds: HOUR, dataLimitBytes: null },
  { key: '1d', name: '1 day', priceTaka: 30, validitySeconds: DAY, dataLimitBytes: null },
  { key: '7d', name: '7 days', priceTaka: 150, validitySeconds: 7 * DAY, dataLimitBytes: null },
  { key: '30d', name: '30 days', priceTaka: 500, validitySeconds: 30 * DAY, dataLimitBytes: null },
  // A data pack still ends some day, so cards sold and forgotten do not stay valid for ever.
  { key: '1gb', name: '1 GB', priceTaka: 50, validitySeconds: 30 * DAY, dataLimitBytes: GB },
  { key: '5gb', name: '5 GB', priceTaka: 200, validitySeconds: 30 * DAY, dataLimitBytes: 5 * GB },
];

export const STARTER_SPEED = { downloadBps: 5_000_000, uploadBps: 2_000_000 };
