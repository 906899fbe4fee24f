import { describe, expect, it } from 'vitest';
import { defaultTemplates, needsUnicode, renderTemplate, templateFor, templatePlaceholders } from '../../src-main/sms/templates';
import { formatNumber } from '../../src-main/sms/numberFormat';
import { toUcs2Hex } from '../../src-main/sms/providers/sslWireless';
import { smsKinds, smsLangs } from '../../src-shared/api/sms';

describe('sms templates', () => {
  it('has an English and a Bangla default for every kind, each using its placeholders', () => {
    for (const kind of smsKinds) {
      for (const lang of smsLangs) {
        const t = defaultTemplates[kind][lang];
        for (const p of templatePlaceholders[kind]) expect(t, `${kind}/${lang}`).toContain(`{${p}}`);
      }
      expect(needsUnicode(defaultTemplates[kind].bn)).toBe(true);
      expect(needsUnicode(renderTemplate(defaultTemplates[kind].en, { shop: 'Rahim WiFi', code: '123456', package: '1 day', until: '2 Jun 10:00', amount: 'Tk 30' }))).toBe(false);
    }
  });

  it('fills placeholders, leaves unknown ones as typed, and prefers the owner\'s non-empty override', () => {
    expect(renderTemplate(defaultTemplates.otp.en, { shop: 'Rahim', code: '042317' })).toBe('Your Rahim WiFi code is 042317. It expires in 5 minutes.');
    expect(renderTemplate('{shop} {oops} {code}', { shop: 'A', code: '1' })).toBe('A {oops} 1');
    expect(templateFor('otp', 'bn', { otp: { bn: 'কোড {code}' } })).toBe('কোড {code}');
    expect(templateFor('otp', 'bn', { otp: { bn: '  ' } })).toBe(defaultTemplates.otp.bn);
    expect(templateFor('otp', 'en', { otp: { bn: 'x' } })).toBe(defaultTemplates.otp.en);
  });

  it('formats numbers for each gateway', () => {
    expect(formatNumber('+8801712345678', 'e164')).toBe('+8801712345678');
    expect(formatNumber('+8801712345678', '880')).toBe('8801712345678');
    expect(formatNumber('+8801712345678', 'local')).toBe('01712345678');
  });

  it('encodes Bangla as UTF-16BE hex for the old SSL Wireless form', () => {
    expect(toUcs2Hex('কোড 1')).toBe('099509CB09A100200031');
  });
});
