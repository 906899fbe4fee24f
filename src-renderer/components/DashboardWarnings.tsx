import type { DashboardWarning } from '../../src-shared/api/dashboard';
import { formatDateTime, formatTaka, localDigits, type TimeDisplay } from '../../src-shared/format';
import { messages, useLang, useT, type Lang } from '../i18n';
import { useShopTimeDisplay } from '../shopTime';

const M = messages(
  {
    heading: 'Needs your attention',
    openRouter: 'Open the router ›',
    smsSettings: 'SMS settings ›',
    backups: 'Backups ›',
    open: 'Open ›',
  },
  {
    heading: 'আপনার নজর দরকার',
    openRouter: 'রাউটার খুলুন ›',
    smsSettings: 'এসএমএস সেটিংস ›',
    backups: 'ব্যাকআপ ›',
    open: 'খুলুন ›',
  },
);

function minutesBn(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 120) return `${localDigits(String(m), 'bn')} মিনিট`;
  const h = Math.round(m / 60);
  return h < 48 ? `${localDigits(String(h), 'bn')} ঘণ্টা` : `${localDigits(String(Math.round(h / 24)), 'bn')} দিন`;
}

/**
 * A warning's words in Bangla, from its code and facts. English is the engine's own message and
 * fix (one source for the UI and for scripts); an unknown code from a newer engine shows those too.
 */
function bangla(w: DashboardWarning, display: TimeDisplay): { message: string; fix: string } {
  const name = w.router?.name ?? '';
  switch (w.code) {
    case 'router_unreachable':
      return {
        message: `রাউটার "${name}"-এর সাথে যোগাযোগ হচ্ছে না${w.at ? ` (${formatDateTime(w.at, display, 'bn')} থেকে)` : ''}। এর গ্রাহকেরা হয়তো অনলাইনে যেতে পারছেন না।`,
        fix: 'রাউটারটি চালু আছে এবং এই পিসির নেটওয়ার্কে যুক্ত আছে কিনা দেখুন, তারপর রাউটারটি খুলে Diagnose চালান।',
      };
    case 'ssid_mismatch':
      return {
        message: `রাউটার "${name}" ভুল ওয়াইফাই নাম দেখাচ্ছে: ${w.detail ?? ''}। এতে যাওয়া ফোনগুলো চেনা যায় না, আবার লগইন করতে হয়।`,
        fix: 'রাউটারের ওয়াইফাই নাম (SSID) জোনের নামের সাথে মিলিয়ে দিন (রাউটারে Wireless বা WiFi > Interfaces), তারপর আবার Diagnose চালান।',
      };
    case 'clock_skew':
      return {
        message: `রাউটার "${name}"-এর ঘড়ি এই পিসির চেয়ে ${minutesBn(w.offsetMs ?? 0)} ${(w.offsetMs ?? 0) > 0 ? 'এগিয়ে' : 'পিছিয়ে'}। প্যাকেজ শেষের সময় আর লগ মিলবে না।`,
        fix: 'রাউটারে SNTP client চালু করুন (System > SNTP Client) এবং এই পিসির তারিখ, সময় ও টাইম জোন দেখুন।',
      };
    case 'sms_balance_low':
      return {
        message: `এসএমএস গেটওয়ের ব্যালেন্স কম${w.balance != null ? ` (${formatTaka(w.balance, 'bn')} বাকি)` : ''}। রিচার্জ করুন: না হলে নতুন গ্রাহকেরা লগইন কোড পাবেন না।`,
        fix: 'এসএমএস গেটওয়ের অ্যাকাউন্টে টাকা দিন, অথবা এসএমএস সেটিংসে অন্য গেটওয়ে বেছে নিন।',
      };
    case 'backup_overdue':
      return {
        message: w.at ? `শেষ ব্যাকআপ হয়েছে ${formatDateTime(w.at, display, 'bn')}: ব্যাকআপ বাকি পড়ে গেছে।` : 'ডেটাবেসের কোনো ব্যাকআপ এখনো হয়নি।',
        fix: 'ব্যাকআপ পাতায় এখনই একটি ব্যাকআপ নিন, এবং ব্যাকআপ ফোল্ডার আছে ও জায়গা আছে কিনা দেখুন।',
      };
    default:
      return { message: w.message, fix: w.fix };
  }
}

function words(w: DashboardWarning, lang: Lang, display: TimeDisplay): { message: string; fix: string } {
  return lang === 'bn' ? bangla(w, display) : { message: w.message, fix: w.fix };
}

/** The dashboard's warnings: what is wrong, what to do, and a link to the page that fixes it. */
export function DashboardWarnings({ warnings }: { warnings: DashboardWarning[] }) {
  const t = useT(M);
  const lang = useLang();
  const display = useShopTimeDisplay();
  if (warnings.length === 0) return null;
  const link = (href: string) => (href.startsWith('#/routers') ? t.openRouter : href === '#/settings' ? t.smsSettings : href === '#/backups' ? t.backups : t.open);
  return (
    <section aria-label={t.heading}>
      <h2 className="sr-only">{t.heading}</h2>
      <ul className="warning-list">
        {warnings.map((w) => {
          const { message, fix } = words(w, lang, display);
          return (
            <li key={`${w.code}-${w.router?.id ?? ''}`} data-code={w.code}>
              <span className="strong">{message}</span>
              <span className="fix small">
                {fix} <a href={w.href}>{link(w.href)}</a>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
