import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../api';
import { ExportButton } from '../components/ExportButton';
import { PageRule, PaperSelect } from '../components/PrintSheet';
import type { Paper } from '../print';
import type { Package, VoucherAlphabet, VoucherBatch } from '../../src-shared/domain';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field } from '../components/Field';
import { PackageSelect } from '../components/PackageSelect';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { useSubmit } from '../formErrors';
import { JobProgressBar } from '../components/JobProgressBar';
import { withJobProgress } from '../jobProgress';
import type { JobProgress } from '../../src-shared/api/jobs';
import { describeTerms, formatDateTime, formatTaka, localDigits } from '../../src-shared/format';
import { formatVoucherCode } from '../../src-shared/voucherCodes';
import { zonedDayRange, zonedYmd } from '../../src-shared/time';
import { useShopTimeDisplay, useShopTimeZone } from '../shopTime';
import { messages, useLang, useT } from '../i18n';
import { navigate } from '../route';
import { sellable, usePackagesStore } from '../stores/packagesStore';
import { useSettingsStore } from '../stores/settingsStore';
import { useVouchersStore } from '../stores/vouchersStore';
import { useRole } from '../stores/authStore';
import { useDistributorsStore } from '../stores/distributorsStore';

const M = messages(
  {
    needPackage: 'Choose the package the cards sell.',
    badCount: 'Enter how many cards: 1 to 10000.',
    badPrefix: 'Up to 6 letters or digits, or leave empty.',
    badExpiry: 'Choose a day, or leave empty for cards that never expire.',
    generateHeading: 'Generate recharge cards',
    package: 'Package',
    numberOfCards: 'Number of cards',
    prefix: 'Code prefix (optional)',
    prefixPlaceholder: 'e.g. DAY',
    codeType: 'Code type',
    lettersDigits: 'Letters and digits (12)',
    digitsOnly: 'Digits only (13, for keypads)',
    expiresAfter: 'Expires after (optional)',
    generating: 'Generating…',
    generate: 'Generate',
    title: 'Recharge cards',
    sub: 'Printed cards customers redeem on the portal',
    noCards: 'No cards yet. Generate a batch above, then print it.',
    batches: 'Batches',
    batch: 'Batch',
    prefixCol: 'Prefix',
    cards: 'Cards',
    used: 'Used',
    price: 'Price',
    made: 'Made',
    expires: 'Expires',
    status: 'Status',
    never: 'Never',
    viewPrint: 'View & print',
    disableBatchQ: (id: string) => `Disable all unused cards in batch #${id}?`,
    disable: 'Disable',
    allBatches: '‹ All batches',
    batchTitle: (id: string, pkg: string | null) => `Batch #${id}${pkg ? ` · ${pkg}` : ''}`,
    batchSub: (count: string, price: string, used: string, made: string, expires: string | null, disabled: boolean) =>
      `${count} cards · ${price} each · ${used} used · made ${made} · ${expires ? `expires ${expires}` : 'never expires'}${disabled ? ' · disabled' : ''}`,
    unusedOnly: 'Unused only',
    disableEveryQ: 'Disable every unused card in this batch?',
    disableBatch: 'Disable batch',
    printCards: (n: number) => `Print ${n} card${n === 1 ? '' : 's'}`,
    loadingCards: 'Loading cards…',
    cardsLabel: 'Cards',
    howToUse: 'Join the WiFi, open any page, choose “Recharge card” and enter this code.',
    assignedTo: (who: string) => `assigned · ${who}`,
    needLastDay: 'Choose the last day the cards work.',
    nowExpire: (id: string, time: string) => `Cards of batch #${id} now expire ${time}.`,
    noLongerExpire: (id: string) => `Cards of batch #${id} no longer expire.`,
    needDistributor: 'Choose the distributor who takes the cards.',
    theDistributor: 'the distributor',
    assigned: (n: number, who: string, skipped: number) =>
      `Assigned ${n} card${n === 1 ? '' : 's'} to ${who}${skipped ? ` (${skipped} not new, left as they were)` : ''}.`,
    needCode: 'Type the code printed on the card.',
    cardDisabled: (code: string) => `Card ${code} is disabled.`,
    batchTools: 'Batch tools',
    batchExpiry: 'Batch expiry',
    workUntil: 'Cards work until (last day)',
    saveExpiry: 'Save expiry',
    neverExpire: 'Never expire',
    assignTo: 'Assign to a distributor',
    distributor: 'Distributor',
    choose: 'Choose…',
    assignNew: 'Assign new cards',
    disableOne: 'Disable one card',
    cardCode: 'Card code',
    codePlaceholder: 'as printed, any case',
    disableCard: 'Disable card',
  },
  {
    needPackage: 'কার্ডগুলো কোন প্যাকেজ বিক্রি করবে তা বেছে নিন।',
    badCount: 'কয়টি কার্ড লিখুন: ১ থেকে ১০০০০।',
    badPrefix: 'সর্বোচ্চ ৬টি অক্ষর বা অঙ্ক, অথবা খালি রাখুন।',
    badExpiry: 'একটি দিন বেছে নিন, অথবা কখনো মেয়াদ শেষ না হওয়া কার্ডের জন্য খালি রাখুন।',
    generateHeading: 'রিচার্জ কার্ড তৈরি করুন',
    package: 'প্যাকেজ',
    numberOfCards: 'কার্ডের সংখ্যা',
    prefix: 'কোডের শুরুর অংশ (ঐচ্ছিক)',
    prefixPlaceholder: 'যেমন DAY',
    codeType: 'কোডের ধরন',
    lettersDigits: 'অক্ষর ও অঙ্ক (১২টি)',
    digitsOnly: 'শুধু অঙ্ক (১৩টি, কিপ্যাডের জন্য)',
    expiresAfter: 'মেয়াদ শেষ (ঐচ্ছিক)',
    generating: 'তৈরি হচ্ছে…',
    generate: 'তৈরি করুন',
    title: 'রিচার্জ কার্ড',
    sub: 'ছাপানো কার্ড, যা গ্রাহক পোর্টালে ব্যবহার করেন',
    noCards: 'এখনো কোনো কার্ড নেই। ওপরে একটি ব্যাচ তৈরি করে প্রিন্ট করুন।',
    batches: 'ব্যাচ',
    batch: 'ব্যাচ',
    prefixCol: 'শুরুর অংশ',
    cards: 'কার্ড',
    used: 'ব্যবহৃত',
    price: 'দাম',
    made: 'তৈরি',
    expires: 'মেয়াদ শেষ',
    status: 'অবস্থা',
    never: 'কখনো না',
    viewPrint: 'দেখুন ও প্রিন্ট করুন',
    disableBatchQ: (id) => `#${id} ব্যাচের সব অব্যবহৃত কার্ড বন্ধ করবেন?`,
    disable: 'বন্ধ করুন',
    allBatches: '‹ সব ব্যাচ',
    batchTitle: (id, pkg) => `ব্যাচ #${id}${pkg ? ` · ${pkg}` : ''}`,
    batchSub: (count, price, used, made, expires, disabled) =>
      `${count}টি কার্ড · প্রতিটি ${price} · ${used}টি ব্যবহৃত · তৈরি ${made} · ${expires ? `মেয়াদ শেষ ${expires}` : 'মেয়াদ শেষ হয় না'}${disabled ? ' · বন্ধ' : ''}`,
    unusedOnly: 'শুধু অব্যবহৃত',
    disableEveryQ: 'এই ব্যাচের সব অব্যবহৃত কার্ড বন্ধ করবেন?',
    disableBatch: 'ব্যাচ বন্ধ করুন',
    printCards: (n) => `${localDigits(String(n), 'bn')}টি কার্ড প্রিন্ট করুন`,
    loadingCards: 'কার্ড লোড হচ্ছে…',
    cardsLabel: 'কার্ড',
    howToUse: 'ওয়াইফাইতে যুক্ত হয়ে যেকোনো ওয়েবসাইট খুলুন, “রিচার্জ কার্ড” বেছে নিয়ে এই কোডটি লিখুন।',
    assignedTo: (who) => `দেওয়া হয়েছে · ${who}`,
    needLastDay: 'কার্ডগুলো শেষ কোন দিন কাজ করবে তা বেছে নিন।',
    nowExpire: (id, time) => `#${id} ব্যাচের কার্ডের মেয়াদ এখন ${time}-এ শেষ হবে।`,
    noLongerExpire: (id) => `#${id} ব্যাচের কার্ডের মেয়াদ আর শেষ হবে না।`,
    needDistributor: 'যে বিক্রেতা কার্ডগুলো নেবেন তাঁকে বেছে নিন।',
    theDistributor: 'বিক্রেতা',
    assigned: (n, who, skipped) =>
      `${who}-কে ${localDigits(String(n), 'bn')}টি কার্ড দেওয়া হয়েছে${skipped ? ` (${localDigits(String(skipped), 'bn')}টি নতুন নয়, যেমন ছিল তেমন রাখা হয়েছে)` : ''}।`,
    needCode: 'কার্ডে ছাপা কোডটি লিখুন।',
    cardDisabled: (code) => `${code} কার্ডটি বন্ধ করা হয়েছে।`,
    batchTools: 'ব্যাচের কাজ',
    batchExpiry: 'ব্যাচের মেয়াদ',
    workUntil: 'কার্ড যেদিন পর্যন্ত কাজ করবে (শেষ দিন)',
    saveExpiry: 'মেয়াদ সংরক্ষণ করুন',
    neverExpire: 'মেয়াদ শেষ হবে না',
    assignTo: 'বিক্রেতাকে দিন',
    distributor: 'বিক্রেতা',
    choose: 'বেছে নিন…',
    assignNew: 'নতুন কার্ডগুলো দিন',
    disableOne: 'একটি কার্ড বন্ধ করুন',
    cardCode: 'কার্ডের কোড',
    codePlaceholder: 'যেমন ছাপা আছে, ছোট-বড় হাতের যেকোনো অক্ষরে',
    disableCard: 'কার্ড বন্ধ করুন',
  },
);

export function VouchersPage({ param }: { param: string | null }) {
  const packages = usePackagesStore();
  useEffect(() => {
    // Archived packages too: old batches still name them.
    if (!packages.loaded && !packages.loading) void packages.load();
  }, [packages]);
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  return id ? <BatchView batchId={id} /> : <BatchList />;
}

function GenerateForm() {
  const { generate } = useVouchersStore();
  const packages = usePackagesStore();
  const [packageId, setPackageId] = useState('');
  const [count, setCount] = useState('50');
  const [prefix, setPrefix] = useState('');
  const [alphabet, setAlphabet] = useState<VoucherAlphabet>('default');
  const [expires, setExpires] = useState('');
  const tz = useShopTimeZone();
  const t = useT(M);
  const { busy, errors, submit, clear } = useSubmit(['packageId', 'count', 'prefix', 'alphabet', 'expiresAt'], 'vouchers.generate');
  // A big batch takes a while: its progress while the engine makes it (jobs.progress).
  const [job, setJob] = useState<JobProgress | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!packageId) local.packageId = t.needPackage;
    const n = Number(count);
    if (!/^\d+$/.test(count.trim()) || n < 1 || n > 10_000) local.count = t.badCount;
    const p = prefix.trim().toUpperCase();
    if (!/^[A-Z0-9]{0,6}$/.test(p)) local.prefix = t.badPrefix;
    const expiresAt = expiryFromDay(expires, tz);
    if (expiresAt === 'bad') local.expiresAt = t.badExpiry;
    const input = { packageId: Number(packageId), count: n, alphabet, ...(p ? { prefix: p } : {}), ...(typeof expiresAt === 'number' ? { expiresAt } : {}) };
    const r = await submit(local, () => withJobProgress((jobId) => generate({ ...input, jobId }), setJob), input);
    setJob(null);
    if (r) navigate(`/cards/${r.batchId}`);
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.generateHeading}>
      <h2>{t.generateHeading}</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <div className="form-row">
        <Field label={t.package} error={errors.fields.packageId} className="grow">
          <PackageSelect packages={sellable(packages.items)} value={packageId} onChange={setPackageId} />
        </Field>
        <Field label={t.numberOfCards} error={errors.fields.count}>
          <input inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} className="narrow" />
        </Field>
        <Field label={t.prefix} error={errors.fields.prefix}>
          <input value={prefix} onChange={(e) => setPrefix(e.target.value.toUpperCase())} maxLength={6} placeholder={t.prefixPlaceholder} className="narrow" />
        </Field>
        <Field label={t.codeType} error={errors.fields.alphabet}>
          <select value={alphabet} onChange={(e) => setAlphabet(e.target.value as VoucherAlphabet)}>
            <option value="default">{t.lettersDigits}</option>
            <option value="digits">{t.digitsOnly}</option>
          </select>
        </Field>
        <Field label={t.expiresAfter} error={errors.fields.expiresAt}>
          <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t.generating : t.generate}
          </button>
        </div>
      </div>
      {busy ? <JobProgressBar job={job} unit="items" /> : null}
    </form>
  );
}

function BatchList() {
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const { batches, loaded, error, load, disableBatch } = useVouchersStore();
  const [actionError, setActionError] = useState<string | null>(null);
  // Making cards makes money-equivalents: the owner's; a cashier views and prints batches.
  const owner = useRole() === 'owner';
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title={t.title} sub={t.sub} />
      {owner ? <GenerateForm /> : null}
      {error ? <Banner>{error}</Banner> : null}
      {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
      {loaded && batches.length === 0 ? (
        <div className="empty card">
          <p>{t.noCards}</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table" aria-label={t.batches}>
            <thead>
              <tr>
                <th>{t.batch}</th>
                <th>{t.package}</th>
                <th>{t.prefixCol}</th>
                <th className="num">{t.cards}</th>
                <th className="num">{t.used}</th>
                <th className="num">{t.price}</th>
                <th>{t.made}</th>
                <th>{t.expires}</th>
                <th>{t.status}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td className="strong">#{localDigits(String(b.id), lang)}</td>
                  <td>{b.packageName}</td>
                  <td className="mono">{b.prefix || '—'}</td>
                  <td className="num">{localDigits(String(b.count), lang)}</td>
                  <td className="num">{localDigits(String(b.used), lang)}</td>
                  <td className="num">{formatTaka(b.faceValue, lang)}</td>
                  <td>{formatDateTime(b.createdAt, tz, lang)}</td>
                  <td>{b.expiresAt ? formatDateTime(b.expiresAt, tz, lang) : t.never}</td>
                  <td>
                    <StatusBadge status={batchStatus(b)} />
                  </td>
                  <td className="row-actions">
                    <a className="btn btn-small" href={`#/cards/${b.id}`}>
                      {t.viewPrint}
                    </a>
                    {b.disabledAt ? null : (
                      <ConfirmButton
                        confirm={t.disableBatchQ(localDigits(String(b.id), lang))}
                        confirmLabel={t.disable}
                        onConfirm={async () => {
                          const r = await disableBatch(b.id);
                          setActionError(r.ok ? null : r.error.message);
                        }}
                      >
                        {t.disable}
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function BatchView({ batchId }: { batchId: number }) {
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const n = (v: number) => localDigits(String(v), lang);
  const { batches, codes, codesLoading, codesError, openBatch, disableBatch } = useVouchersStore();
  const packages = usePackagesStore((s) => s.items);
  const settings = useSettingsStore();
  const [actionError, setActionError] = useState<string | null>(null);
  const [unusedOnly, setUnusedOnly] = useState(true);
  const [paper, setPaper] = useState<Paper>('a4');
  const grid = useRef<HTMLDivElement>(null);
  const role = useRole();

  useEffect(() => {
    void openBatch(batchId);
  }, [batchId, openBatch]);
  useEffect(() => {
    if (!settings.loaded && !settings.loading) void settings.load();
  }, [settings]);

  const batch = batches.find((b) => b.id === batchId);
  const pkg: Package | undefined = packages.find((p) => p.id === batch?.packageId);
  const shown = unusedOnly ? codes.filter((v) => v.status === 'new' || v.status === 'assigned') : codes;
  const shop = settings.settings?.shop.name ?? 'WiFi';
  const logo = settings.settings?.shop.logo ?? '';
  const colour = settings.settings?.shop.colour;
  const portal = settings.settings?.network.portalUrl ?? '';

  return (
    <>
      <div className="no-print">
        <a href="#/cards" className="back">
          {t.allBatches}
        </a>
        <PageHeader
          title={t.batchTitle(n(batchId), batch ? batch.packageName : null)}
          sub={
            batch
              ? t.batchSub(
                  n(batch.count),
                  formatTaka(batch.faceValue, lang),
                  n(batch.used),
                  formatDateTime(batch.createdAt, tz, lang),
                  batch.expiresAt ? formatDateTime(batch.expiresAt, tz, lang) : null,
                  Boolean(batch.disabledAt),
                )
              : undefined
          }
        >
          <label className="check">
            <input type="checkbox" checked={unusedOnly} onChange={(e) => setUnusedOnly(e.target.checked)} />
            {t.unusedOnly}
          </label>
          {batch && !batch.disabledAt ? (
            <ConfirmButton
              confirm={t.disableEveryQ}
              confirmLabel={t.disable}
              onConfirm={async () => {
                const r = await disableBatch(batchId);
                setActionError(r.ok ? null : r.error.message);
              }}
            >
              {t.disableBatch}
            </ConfirmButton>
          ) : null}
          <PaperSelect paper={paper} onPaper={setPaper} />
          {role === 'owner' ? <ExportButton run={() => call('exports.cards', { batchId })} /> : null}
          <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={shown.length === 0}>
            {t.printCards(shown.length)}
          </button>
        </PageHeader>
        {codesError ? <Banner>{codesError}</Banner> : null}
        {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
        {/* keyed: a different batch starts with its own expiry in the form */}
        {batch ? <BatchTools key={batch.id} batch={batch} /> : null}
        {codesLoading && codes.length === 0 ? <p className="muted">{t.loadingCards}</p> : null}
      </div>
      <PageRule paper={paper} content={grid} deps={shown.length} />
      <div className={`voucher-grid paper-${paper}`} aria-label={t.cardsLabel} ref={grid} lang={lang} data-paper={paper}>
        {shown.map((v) => (
          <div key={v.id} className={`voucher voucher-${v.status}`}>
            <div className="voucher-top" style={colour ? { borderBottomColor: colour } : undefined}>
              <span className="voucher-shop" style={colour ? { color: colour } : undefined}>
                {logo ? <img className="voucher-logo" src={logo} alt="" /> : null}
                {shop}
              </span>
              <span className="voucher-price">{batch ? formatTaka(batch.faceValue, lang) : ''}</span>
            </div>
            <div className="voucher-pkg">
              {batch?.packageName}
              {pkg ? <span className="voucher-desc"> · {describeTerms(pkg, lang)}</span> : null}
            </div>
            <div className="voucher-code" data-testid="voucher-code">
              {batch ? formatVoucherCode(v.code, batch.prefix, batch.alphabet) : v.code}
            </div>
            <div className="voucher-help">
              {v.status === 'new' || v.status === 'assigned' ? (
                <>
                  {t.howToUse}
                  {portal ? <span className="voucher-portal"> {portal}</span> : null}
                </>
              ) : null}
            </div>
            {v.status === 'new' ? null : (
              <div className="voucher-state no-print" data-testid="voucher-state">
                <StatusBadge status={v.status} label={v.status === 'assigned' && v.distributorName ? t.assignedTo(v.distributorName) : undefined} />
              </div>
            )}
          </div>
        ))}
      </div>
    </>
  );
}

/** A date input's day → the end of that day in the shop (cards work through the whole day); '' → none. */
function expiryFromDay(ymd: string, tz: string): number | null | 'bad' {
  if (!ymd) return null;
  return zonedDayRange(ymd, tz)?.to ?? 'bad';
}

function batchStatus(b: VoucherBatch): string {
  if (b.disabledAt) return 'disabled';
  if (b.expiresAt != null && b.expiresAt <= Date.now()) return 'expired';
  return 'active';
}

/** The owner's tools for one batch: its expiry, handing it to a distributor, disabling one card. */
function BatchTools({ batch }: { batch: VoucherBatch }) {
  const tz = useShopTimeZone();
  const time = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const id = localDigits(String(batch.id), lang);
  const { updateBatch, disableCard, assignBatch } = useVouchersStore();
  const distributors = useDistributorsStore();
  useEffect(() => {
    if (!distributors.loaded && !distributors.loading) void distributors.load();
  }, [distributors]);
  // The last day the cards work, as the date input shows it.
  const [expires, setExpires] = useState(batch.expiresAt ? zonedYmd(batch.expiresAt - 1, tz) : '');
  const [distributorId, setDistributorId] = useState('');
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const expiry = useSubmit(['expiresAt'], 'vouchers.updateBatch');
  const assign = useSubmit(['distributorId'], 'vouchers.assign');
  const disable = useSubmit(['code'], 'vouchers.disable');

  async function onExpiry(e: FormEvent, remove = false) {
    e.preventDefault();
    const at = remove ? null : expiryFromDay(expires, tz);
    const local: Record<string, string> = at === 'bad' || (!remove && at === null) ? { expiresAt: t.needLastDay } : {};
    const expiresAt = at === 'bad' ? null : at;
    const r = await expiry.submit(local, () => updateBatch(batch.id, expiresAt), { batchId: batch.id, expiresAt });
    if (r) {
      if (remove) setExpires('');
      setDone(r.expiresAt ? t.nowExpire(id, formatDateTime(r.expiresAt, time, lang)) : t.noLongerExpire(id));
    }
  }

  async function onAssign(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = distributorId ? {} : { distributorId: t.needDistributor };
    const r = await assign.submit(local, () => assignBatch(batch.id, Number(distributorId)), { batchId: batch.id, distributorId: Number(distributorId) });
    if (r) {
      const who = distributors.items.find((d) => d.id === Number(distributorId))?.name ?? t.theDistributor;
      setDone(t.assigned(r.assigned, who, r.skipped));
    }
  }

  async function onDisable(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = code.trim() ? {} : { code: t.needCode };
    const r = await disable.submit(local, () => disableCard(code), { code });
    if (r) {
      setCode('');
      setDone(t.cardDisabled(formatVoucherCode(r.code, batch.prefix, batch.alphabet)));
    }
  }

  const banner = expiry.errors.banner ?? assign.errors.banner ?? disable.errors.banner;
  return (
    <div className="card batch-tools" role="region" aria-label={t.batchTools}>
      {done ? (
        <Banner kind="success" onClose={() => setDone(null)}>
          {done}
        </Banner>
      ) : null}
      {banner ? <Banner>{banner}</Banner> : null}
      <div className="form-row">
        <form className="form-inline" onSubmit={(e) => void onExpiry(e)} noValidate aria-label={t.batchExpiry}>
          <Field label={t.workUntil} error={expiry.errors.fields.expiresAt}>
            <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
          </Field>
          <button type="submit" className="btn" disabled={expiry.busy}>
            {t.saveExpiry}
          </button>
          {batch.expiresAt ? (
            <button type="button" className="btn btn-small" onClick={(e) => void onExpiry(e, true)} disabled={expiry.busy}>
              {t.neverExpire}
            </button>
          ) : null}
        </form>
        <form className="form-inline" onSubmit={(e) => void onAssign(e)} noValidate aria-label={t.assignTo}>
          <Field label={t.distributor} error={assign.errors.fields.distributorId}>
            <select value={distributorId} onChange={(e) => setDistributorId(e.target.value)}>
              <option value="">{t.choose}</option>
              {distributors.items.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="btn" disabled={assign.busy}>
            {t.assignNew}
          </button>
        </form>
        <form className="form-inline" onSubmit={(e) => void onDisable(e)} noValidate aria-label={t.disableOne}>
          <Field label={t.cardCode} error={disable.errors.fields.code}>
            <input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t.codePlaceholder} autoComplete="off" />
          </Field>
          <button type="submit" className="btn" disabled={disable.busy}>
            {t.disableCard}
          </button>
        </form>
      </div>
    </div>
  );
}
