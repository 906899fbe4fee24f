import { expect, test } from '@playwright/test';
import { openPhone } from './portalPhone';
import { startPortalRig, type PortalRig } from './portalRig';

// Issue #9 "End to end", flow 5: nobody can guess a code or run up the shop's SMS bill. In
// Chromium at 360×740 against a real engine on a manual clock (the limits are time rules: the
// test moves the clock instead of sleeping). Screenshots: test-results/portal/flow5-<step>.png.
const MAC = '30:39:26:86:CC:F5';
const NUMBER = '01812345678';
const E164 = '+8801812345678';

let rig: PortalRig;
test.beforeAll(async () => {
  rig = await startPortalRig();
  await rig.pkg({ name: 'Day pack' });
});
test.afterAll(async () => {
  await rig?.close();
});

test('5. five wrong codes lock the code with a message; a fourth code within the hour is refused and the outbox holds only three', async ({ browser }) => {
  const phone = await openPhone(browser, rig, { flow: 'flow5-limits', mac: MAC });
  const { page } = phone;
  const askForCode = async () => {
    await phone.arrive();
    await page.getByLabel('Mobile number').fill(NUMBER);
    await page.getByRole('button', { name: 'Continue' }).click();
  };
  await askForCode();
  await expect(page.getByRole('heading', { name: 'Enter the code', level: 2 })).toBeVisible();
  // JavaScript counts down to the resend and hides the plain link meanwhile.
  await expect(page.locator('#cd')).toContainText(/You can ask for a new code in (60|59|58) seconds\./);
  await expect(page.locator('#rs')).toBeHidden();
  await phone.step('code-sent');
  const real = await rig.lastOtp(E164);
  const wrong = real === '000000' ? '111111' : '000000';

  for (let left = 4; left >= 1; left--) {
    await page.getByLabel('6-digit code').fill(wrong);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText(`That code is not right. ${left} tries left.`);
    if (left === 4) await phone.step('wrong-code');
  }
  await page.getByLabel('6-digit code').fill(wrong);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('Too many wrong codes: this code is locked. Ask for a new one.');
  await phone.step('locked');
  // Locked means locked: the right code no longer works either.
  await page.getByLabel('6-digit code').fill(real);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText(/locked|no longer works/);
  await expect(page.getByRole('heading', { name: 'Choose a PIN' })).toHaveCount(0);

  // Two more codes, each after the resend wait; the fourth in the hour is refused in plain words.
  for (let i = 2; i <= 3; i++) {
    rig.clock.advance(61_000);
    await askForCode();
    await expect(page.getByRole('heading', { name: 'Enter the code', level: 2 })).toBeVisible();
  }
  rig.clock.advance(61_000);
  await askForCode();
  await expect(page.getByRole('alert')).toHaveText(/^Too many codes were sent to this number\. Try again in \d+ min \(at 1 Jun, \d\d:\d\d\)\.$/);
  await expect(page.getByRole('heading', { name: 'Enter the code', level: 2 })).toHaveCount(0);
  await phone.step('fourth-code-refused');
  expect(await rig.outboxFor(E164)).toHaveLength(3);
  expect(phone.foreign).toEqual([]);
  await phone.close();
});
