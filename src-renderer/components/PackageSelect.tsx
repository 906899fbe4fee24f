import type { Package } from '../../src-shared/domain';
import { describePackage, formatTaka } from '../../src-shared/format';

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
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
      <option value="">Choose a package…</option>
      {packages.map((p) => (
        <option key={p.id} value={String(p.id)}>
          {p.name} — {formatTaka(p.price)} ({describePackage(p)})
        </option>
      ))}
    </select>
  );
}
