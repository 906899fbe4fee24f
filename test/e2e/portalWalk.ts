import { expect } from '@playwright/test';
import { bn } from '../../src-main/portal/i18n/bn';
import { en } from '../../src-main/portal/i18n/en';
import type { Phone } from './portalPhone';
import type { PortalRig } from './portalRig';

/**
 * The steps of the customer's flow as a person does them in the browser: read the heading, type
 * into the labelled field, tap the button. Labels and buttons come from the portal's own message
 * catalogue, so the same walk runs in English and Bangla; what each step must SAY is asserted by
 * the specs in plain text.
 */
export type Lang = 'en' | 'bn';
export const catalogue = { en, bn } as const;

/** Local number for the customer-facing form, and the E.164 form the outbox stores. */
export function e164(local: string): string {
  return `+88${local}`;
}

/** Number → code from the outbox → PIN twice: ends on the account page with the card form. */
export async function registerNewNumber(rig: PortalRig, phone: Phone, opts: { number: string; typed?: string; pin: string; lang?: Lang; onCodePage?: () => Promise<void> }): Promise<void> {
  const m = catalogue[opts.lang ?? 'en'];
  const { page } = phone;
  await expect(page.getByRole('heading', { name: m.phoneTitle })).toBeVisible();
  await phone.step('number');
  await page.getByLabel(m.phoneLabel).fill(opts.typed ?? opts.number);
  await page.getByRole('button', { name: m.continueButton }).click();
  await expect(page.getByRole('heading', { name: m.codeTitle, level: 2 })).toBeVisible();
  await phone.step('code');
  await opts.onCodePage?.();
  await page.getByLabel(m.codeLabel).fill(await rig.lastOtp(e164(opts.number)));
  await page.getByRole('button', { name: m.continueButton }).click();
  await expect(page.getByRole('heading', { name: m.setPinTitle, level: 2 })).toBeVisible();
  await page.getByLabel(m.pinLabel, { exact: true }).fill(opts.pin);
  await page.getByLabel(m.pinAgainLabel).fill(opts.pin);
  await phone.step('pin');
  await page.getByRole('button', { name: m.continueButton }).click();
  await expect(page.getByRole('heading', { name: m.cardTitle })).toBeVisible();
}

/**
 * Types a card code and pays; then the portal posts the login to the router's link-login-only
 * (by itself with JavaScript, by the "Go online" button without), the router asks RADIUS, and
 * alogin.html sends the phone to the status page. Ends there, asserting the router has it online.
 */
export async function payWithCardAndGoOnline(rig: PortalRig, phone: Phone, opts: { code: string; js: boolean; lang?: Lang; paid: string }): Promise<void> {
  const m = catalogue[opts.lang ?? 'en'];
  const { page } = phone;
  await page.getByLabel(m.cardLabel).fill(opts.code);
  await phone.step('card');
  await page.getByRole('button', { name: m.cardButton }).click();
  if (!opts.js) {
    // Without JavaScript the login page waits for a tap: it says what was paid for.
    await expect(page.getByText(opts.paid)).toBeVisible();
    await phone.step('paid');
    await page.getByRole('button', { name: m.loginButton }).click();
  }
  await goesOnline(rig, phone, opts.lang);
}

/** The phone's browser lands on the portal's status page and the virtual router has it online. */
export async function goesOnline(rig: PortalRig, phone: Phone, lang: Lang = 'en'): Promise<void> {
  const m = catalogue[lang];
  await phone.page.waitForURL((u) => u.toString().startsWith(`${rig.portalUrl}/status?`));
  await expect(phone.page.getByRole('heading', { name: m.statusTitle, level: 2 })).toBeVisible();
  expect(rig.hotspot.isOnline(phone.mac)).toBe(true);
  expect(rig.hotspot.logins.filter((l) => l.mac === phone.mac).at(-1)).toMatchObject({ method: 'chap', accepted: true });
  await phone.step('online');
}
