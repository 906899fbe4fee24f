import { useEffect, useState } from 'react';
import { hasToken, isDesktop, onUnauthorized } from '../api';
import { pages } from '../pages';
import { useRoute } from '../route';
import { useSettingsStore } from '../stores/settingsStore';
import { SignIn } from './SignIn';

export function App() {
  // In a browser with no token yet, ask for it before any call is refused.
  const [signedOut, setSignedOut] = useState(() => !isDesktop() && !hasToken());
  // A refused token anywhere (HTTP mode) brings up the sign-in screen.
  useEffect(() => onUnauthorized(() => setSignedOut(true)), []);
  if (signedOut) {
    // A full reload after sign-in: every store starts fresh with the new token.
    return <SignIn onSignedIn={() => window.location.reload()} />;
  }
  return <Shell />;
}

function Shell() {
  const route = useRoute();
  const page = pages.find((p) => p.path === route.page) ?? pages[0]!;
  const settings = useSettingsStore();
  useEffect(() => {
    if (!settings.loaded && !settings.loading) void settings.load();
  }, [settings]);
  useEffect(() => {
    document.title = `${page.title} · HotspotDesk`;
  }, [page]);
  const Page = page.component;

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
          {pages.map((p) => (
            <li key={p.path}>
              <a href={`#/${p.path}`} aria-current={p === page ? 'page' : undefined}>
                {p.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="main">
        {/* key: a fresh page state when switching areas. */}
        <Page key={page.path} param={route.param} />
      </main>
    </div>
  );
}
