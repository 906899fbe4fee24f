import { useEffect, useState, type FormEvent } from 'react';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { useSubmit } from '../../formErrors';
import { gardenSourceLabel } from '../../labels';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { JobProgressBar } from '../../components/JobProgressBar';
import { localDigits } from '../../../src-shared/format';
import { messages, useLang, useT } from '../../i18n';

const M = messages(
  {
    enterHost: 'Enter a host name such as pay.example.com, or paste a link.',
    cardLabel: 'Walled garden',
    title: 'Walled garden',
    pushing: 'Pushing…',
    push: 'Push to router',
    intro: (router: string) =>
      `Sites customers can open before they pay: the portal and the payment gateways (added by HotspotDesk), plus your own. Push copies this list to ${router}; entries you made by hand on the router are left alone.`,
    pushed: 'Pushed:',
    added: 'added',
    removed: 'removed',
    alreadyThere: 'already there',
    handMadeKept: 'hand-made kept',
    addedList: 'Added:',
    removedList: 'Removed:',
    entriesLabel: 'Walled garden entries',
    host: 'Host',
    for: 'For',
    access: 'Access',
    note: 'Note',
    httpsAndHttp: 'HTTPS and HTTP',
    httpOnly: 'HTTP only',
    confirmRemove: (host: string) => `Remove ${host}?`,
    remove: 'Remove',
    default: 'default',
    noEntries: 'No entries.',
    addLabel: 'Add walled garden entry',
    addTitle: 'Add your own site',
    hostOrLink: 'Host or link',
    hostHint: 'e.g. pay.example.com or *.example.com',
    accessHint: 'Automatic: HTTPS unless the link starts with http://',
    automatic: 'Automatic',
    noteOptional: 'Note (optional)',
    notePlaceholder: 'Mobile top-up site',
    allRouters: (router: string) => `For all routers (not only ${router})`,
    addSite: 'Add site',
    thenPush: 'Then push to the router.',
  },
  {
    enterHost: 'pay.example.com-এর মতো একটি হোস্ট নাম লিখুন, বা একটি লিংক পেস্ট করুন।',
    cardLabel: 'ওয়ালড গার্ডেন',
    title: 'ওয়ালড গার্ডেন',
    pushing: 'পাঠানো হচ্ছে…',
    push: 'রাউটারে পাঠান',
    intro: (router) =>
      `টাকা দেওয়ার আগেই গ্রাহক যে সাইটগুলো খুলতে পারেন: পোর্টাল ও পেমেন্ট গেটওয়ে (HotspotDesk যোগ করে), আর আপনার নিজেরগুলো। পাঠালে এই তালিকা ${router}-এ কপি হয়; রাউটারে হাতে বানানো এন্ট্রিগুলো যেমন আছে তেমনই থাকে।`,
    pushed: 'পাঠানো হয়েছে:',
    added: 'যোগ',
    removed: 'বাদ',
    alreadyThere: 'আগে থেকেই ছিল',
    handMadeKept: 'হাতে বানানো রাখা হয়েছে',
    addedList: 'যোগ হয়েছে:',
    removedList: 'বাদ গেছে:',
    entriesLabel: 'ওয়ালড গার্ডেনের এন্ট্রি',
    host: 'হোস্ট',
    for: 'কার জন্য',
    access: 'অ্যাক্সেস',
    note: 'নোট',
    httpsAndHttp: 'HTTPS ও HTTP',
    httpOnly: 'শুধু HTTP',
    confirmRemove: (host) => `${host} বাদ দেবেন?`,
    remove: 'বাদ দিন',
    default: 'ডিফল্ট',
    noEntries: 'কোনো এন্ট্রি নেই।',
    addLabel: 'ওয়ালড গার্ডেনে এন্ট্রি যোগ',
    addTitle: 'নিজের সাইট যোগ করুন',
    hostOrLink: 'হোস্ট বা লিংক',
    hostHint: 'যেমন pay.example.com বা *.example.com',
    accessHint: 'স্বয়ংক্রিয়: লিংক http:// দিয়ে শুরু না হলে HTTPS',
    automatic: 'স্বয়ংক্রিয়',
    noteOptional: 'নোট (ঐচ্ছিক)',
    notePlaceholder: 'মোবাইল রিচার্জের সাইট',
    allRouters: (router) => `সব রাউটারের জন্য (শুধু ${router} নয়)`,
    addSite: 'সাইট যোগ করুন',
    thenPush: 'তারপর রাউটারে পাঠান।',
  },
);

export function WalledGardenCard({ routerName, onFix }: { routerName: string; onFix(): void }) {
  const t = useT(M);
  const lang = useLang();
  const n = (v: number) => localDigits(String(v), lang);
  const { garden, push, loadGarden, pushGarden, addGardenEntry, removeGardenEntry, clearError, routerId } = useRouterSyncStore();
  const progress = useRouterSyncStore((st) => st.progress.push);
  const [host, setHost] = useState('');
  const [protocol, setProtocol] = useState<'auto' | 'https' | 'http'>('auto');
  const [comment, setComment] = useState('');
  const [allRouters, setAllRouters] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['host', 'https', 'comment'], 'routers.addWalledGardenEntry');
  useEffect(() => {
    if (routerId !== null) void loadGarden();
  }, [routerId, loadGarden]);

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = host.trim() ? {} : { host: t.enterHost };
    const entry = {
      host: host.trim(),
      ...(protocol === 'auto' ? {} : { https: protocol === 'https' }),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    // Checked as the store will send it (allRouters becomes routerId).
    const saved = await submit(local, () => addGardenEntry({ ...entry, allRouters }), { ...entry, routerId: allRouters ? null : routerId });
    if (saved) {
      setHost('');
      setComment('');
      setProtocol('auto');
    }
  }

  const entries = garden.value?.entries ?? [];
  const r = push.value;
  return (
    <section className="card" aria-label={t.cardLabel} id="walled-garden">
      <div className="card-head">
        <h2>{t.title}</h2>
        <BusyButton busy={push.busy} busyLabel={t.pushing} onClick={() => void pushGarden()} primary>
          {t.push}
        </BusyButton>
      </div>
      <p className="muted">{t.intro(routerName)}</p>
      {push.busy ? <JobProgressBar job={progress} /> : null}
      <ActionError error={push.error} onFix={onFix} onClose={() => clearError('push')} />
      {r ? (
        <Banner kind="success" onClose={() => useRouterSyncStore.setState({ push: { ...push, value: null } })}>
          <span className="push-result">
            {t.pushed} <strong>{n(r.added.length)}</strong> {t.added}, <strong>{n(r.removed.length)}</strong> {t.removed}, <strong>{n(r.unchanged)}</strong> {t.alreadyThere}
            {r.handMadeKept ? (
              <>
                , <strong>{n(r.handMadeKept)}</strong> {t.handMadeKept}
              </>
            ) : null}
            .
          </span>
          {r.added.length ? <div className="small">{t.addedList} {r.added.map((a) => a.host).join(', ')}</div> : null}
          {r.removed.length ? <div className="small">{t.removedList} {r.removed.map((a) => a.host).join(', ')}</div> : null}
        </Banner>
      ) : null}
      <ActionError error={garden.error} onClose={() => clearError('garden')} />
      {removeError ? <Banner onClose={() => setRemoveError(null)}>{removeError}</Banner> : null}
      <table className="table" aria-label={t.entriesLabel}>
        <thead>
          <tr>
            <th>{t.host}</th>
            <th>{t.for}</th>
            <th>{t.access}</th>
            <th>{t.note}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.menu}:${e.host}:${e.label}`}>
              <td className="mono strong">{e.host}</td>
              <td>
                <span className={`badge nocap badge-${e.source === 'custom' ? 'blue' : 'grey'}`}>{gardenSourceLabel(e)}</span>
              </td>
              <td>{e.https ? t.httpsAndHttp : t.httpOnly}</td>
              <td className="muted">{e.comment ?? ''}</td>
              <td className="row-actions">
                {e.customId !== undefined ? (
                  <ConfirmButton
                    confirm={t.confirmRemove(e.host)}
                    confirmLabel={t.remove}
                    onConfirm={async () => {
                      const res = await removeGardenEntry(e.customId!);
                      setRemoveError(res.ok ? null : res.error.message);
                    }}
                  >
                    {t.remove}
                  </ConfirmButton>
                ) : (
                  <span className="muted small">{t.default}</span>
                )}
              </td>
            </tr>
          ))}
          {garden.value && entries.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                {t.noEntries}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <form className="form garden-form" onSubmit={onAdd} noValidate aria-label={t.addLabel}>
        <h3>{t.addTitle}</h3>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row">
          <Field label={t.hostOrLink} error={errors.fields.host} className="grow" hint={t.hostHint}>
            <input className="mono" value={host} onChange={(e) => setHost(e.target.value)} placeholder="pay.example.com" />
          </Field>
          <Field label={t.access} error={errors.fields.https} hint={t.accessHint}>
            <select value={protocol} onChange={(e) => setProtocol(e.target.value as 'auto' | 'https' | 'http')}>
              <option value="auto">{t.automatic}</option>
              <option value="https">{t.httpsAndHttp}</option>
              <option value="http">{t.httpOnly}</option>
            </select>
          </Field>
          <Field label={t.noteOptional} error={errors.fields.comment}>
            <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={100} placeholder={t.notePlaceholder} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={allRouters} onChange={(e) => setAllRouters(e.target.checked)} />
          {t.allRouters(routerName)}
        </label>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy}>
            {t.addSite}
          </button>
          <span className="muted small align-center">{t.thenPush}</span>
        </div>
      </form>
    </section>
  );
}
