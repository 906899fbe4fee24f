import type { AuthLogReason } from '../src-shared/radiusReasons';
import type { Lang } from './i18n';
import { REASONS, reasonLabel } from './labels';

/**
 * Why a login was refused, in the admin language: English from labels.ts REASONS (the words the
 * auth log uses), Bangla here. Keyed by every reason, so a new one without words fails to compile.
 */
const BN: Record<AuthLogReason, string> = {
  unknown_user: 'অচেনা ব্যবহারকারী',
  bad_password: 'ভুল পাসওয়ার্ড',
  no_active_package: 'চালু প্যাকেজ নেই',
  expired: 'প্যাকেজের মেয়াদ শেষ',
  data_exhausted: 'ডেটা শেষ',
  device_limit: 'ডিভাইস বেশি হয়ে গেছে',
  wrong_router: 'এই রাউটারে প্যাকেজটি বিক্রি হয় না',
  disabled: 'গ্রাহক বন্ধ করা',
  unknown_nas: 'অচেনা রাউটার',
  bad_authenticator: 'ভুল RADIUS সিক্রেট',
  missing_message_authenticator: 'Message-Authenticator নেই',
  malformed: 'নষ্ট অনুরোধ',
  oversized: 'অনুরোধ খুব বড়',
  unexpected_code: 'অপ্রত্যাশিত প্যাকেট',
  db_error: 'ডেটাবেস ত্রুটি',
  internal_error: 'ভেতরের ত্রুটি',
};

export function reasonWords(reason: string | null, lang: Lang): string {
  if (lang === 'bn' && reason && Object.prototype.hasOwnProperty.call(REASONS, reason)) return BN[reason as AuthLogReason];
  return reasonLabel(reason);
}
