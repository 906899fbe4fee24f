import { useEffect } from 'react';
import { PageHeader } from '../components/PageHeader';
import { RadiusHealth } from '../components/RadiusHealth';
import { messages, useT } from '../i18n';
import { useRadiusStatusStore } from '../stores/radiusStatusStore';

const M = messages(
  { title: 'Health', sub: 'Is the hotspot’s machinery working? Counters of the RADIUS server since HotspotDesk started.' },
  { title: 'অবস্থা', sub: 'হটস্পটের যন্ত্রপাতি ঠিকমতো চলছে কি? HotspotDesk চালু হওয়ার পর থেকে RADIUS সার্ভারের হিসাব।' },
);

/** The owner's technical view (moved off the dashboard, which is about money): RADIUS counters. */
export function HealthPage() {
  const t = useT(M);
  const { status, error, load } = useRadiusStatusStore();
  useEffect(() => {
    void load();
    // Keep the counters current while the page is open.
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, [load]);
  return (
    <>
      <PageHeader title={t.title} sub={t.sub} />
      <RadiusHealth status={status} error={error} />
    </>
  );
}
