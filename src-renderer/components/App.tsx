import { useEffect, useState } from 'react';
import { isDesktop, onUnauthorized } from '../api';
import { pages, pageAllowed, pageTitle } from '../pages';
import { messages, useLang, useT } from '../i18n';
import { LangSwitch } from './LangSwitch';
import { roleLabelFor } from '../labels';
import { useRoute } from '../route';
import { useAuthStore, useRole } from '../stores/authStore';
import { useSettingsStore } from '../stores/settingsStore';
import { Banner } from './Banner';
import { PageHeader } from './PageHeader';
import { ReceiptHost } from './ReceiptHost';
import { SignIn } from './SignIn';
import { SetupPage } from '../pages/setup/SetupPage';

const M = messages(
  {
    signedInAs: 'Signed in as',
    theToken: 'the admin token',
    signOut: 'Sign out',
    ownerOnly: (page: string) => `Only the owner can open ${page}. Ask the owner to sign in if something here needs changing.`,
  },
  {
    signedInAs: 'সাইন ইন করেছেন',
    theToken: 'অ্যাডমিন টোকেন',
    signOut: 'সাইন আউট',
    ownerOnly: (page) => `${page} শুধু মালিক খুলতে পারেন। এখানে কিছু বদলাতে হলে মালিককে সাইন ইন করতে বলুন।`,
  },
);

export function App() {
  const auth = useAuthStore();
  const load = auth.load; // a stable store action
  // Asked on start, and again after any refusal (HTTP mode): the session may have ended, and
  // then the sign-in screen comes up. Sign-in itself reloads the page.
  const [refused, setRefused] = useState(0);
  useEffect(() => onUnauthorized(() => setRefused((n) => n + 1)), []);
  useEffect(() => {
    void load();
  }, [load, refused]);

  if (!auth.status) {
    if (auth.error) {
      return (
        <div className="signin">
          <Banner>{auth.error}</Banner>
        </div>
      );
    }
    return null;
  }
  if (!auth.status.user && !isDesktop()) {
    // A full reload after sign-in: every store starts fresh for the new user.
    return <SignIn status={auth.status} onSignedIn={() => window.location.reload()} />;
  }
  return <Shell />;
}

function Shell() {
  const route = useRoute();
  const role = useRole();
  const user = useAuthStore((s) => s.status?.user ?? null);
  const signOut = useAuthStore((s) => s.signOut);
  const visible = pages.filter((p) => pageAllowed(p, role));
  const page = pages.find((p) => p.path === route.page) ?? pages[0]!;
  const allowed = pageAllowed(page, role);
  const settings = useSettingsStore();
  const lang = useLang();
  const t = useT(M);
  useEffect(() => {
    if (!settings.loaded && !settings.loading) void settings.load();
  }, [settings]);
  useEffect(() => {
    document.title = `${pageTitle(page, lang)} · HotspotDesk`;
    // Screen readers and fonts pick the script from the document's language.
    document.documentElement.lang = lang;
  }, [page, lang]);
  const Page = page.component;
  // The wizard: asked for (#/setup, Settings → "Run setup again"), or on first start, when the
  // app opens without a page of its own (a page the owner asked for by address still opens).
  const firstStart = settings.settings?.setup.done === false && role === 'owner' && !pages.some((p) => p.path === route.page);
  const setup = route.page === 'setup' || firstStart;

  return (
    <div className="shell">
      <nav className="nav" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <div className="brand-name">HotspotDesk</div>
            <div className="brand-shop">{settings.settings?.shop.name ?? ''}</div>
          </div>
        </div>
        <ul>
          {visible.map((p) => (
            <li key={p.path}>
              <a href={`#/${p.path}`} aria-current={p === page ? 'page' : undefined}>
                {pageTitle(p, lang)}
              </a>
            </li>
          ))}
        </ul>
        {user && user.via !== 'desktop' ? (
          <div className="nav-user">
            <div>
              {t.signedInAs} <span className="strong">{user.via === 'token' ? t.theToken : user.name}</span>
              {user.via === 'session' ? ` (${lang === 'en' ? user.role : roleLabelFor(lang)[user.role]})` : ''}
            </div>
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t.signOut}
            </button>
          </div>
        ) : null}
        <LangSwitch className="nav-lang" />
      </nav>
      <main className="main">
        {setup && role === 'owner' ? (
          <SetupPage />
        ) : allowed ? (
          // key: a fresh page state when switching areas.
          <Page key={page.path} param={route.param} />
        ) : (
          <>
            <PageHeader title={pageTitle(page, lang)} />
            <Banner kind="info">{t.ownerOnly(pageTitle(page, lang))}</Banner>
          </>
        )}
      </main>
      <ReceiptHost />
    </div>
  );
}
