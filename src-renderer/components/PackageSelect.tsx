import type { Package } from '../../src-shared/domain';
import { describePackage, formatTaka } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';

const M = messages({ choose: 'Choose a package…' }, { choose: 'একটি প্যাকেজ বেছে নিন…' });

interface PackageSelectProps {
  packages: Package[];
  value: string;
  onChange(value: string): void;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** Active packages as "1 Day — ৳20 (1 day · ↓ 5 Mbps)". */
export function PackageSelect({ packages, value, onChange, ...aria }: PackageSelectProps) {
  const t = useT(M);
  const lang = useLang();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
      <option value="">{t.choose}</option>
      {packages.map((p) => (
        <option key={p.id} value={String(p.id)}>
          {p.name} — {formatTaka(p.price, lang)} ({describePackage(p, lang)})
        </option>
      ))}
    </select>
  );
}
