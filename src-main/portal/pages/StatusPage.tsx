import type { Messages } from '../i18n';
import { Layout, type Chrome } from './Layout';
import { OwnPackage, type AccountView } from './AccountPage';
import { Support } from './parts';

/** Where alogin.html and status.html send a phone that is online: its package, buy more, log out. */
export function StatusPage({ chrome, linkOrig, linkLogout, view, buyHref }: { chrome: Chrome; linkOrig: string | null; linkLogout: string | null; view?: AccountView | null; buyHref?: string | null }) {
  const { m, branding } = chrome;
  return (
    <Layout chrome={chrome} title={m.statusTitle}>
      <section role="status">
        <h2>{m.statusTitle}</h2>
        <p>{m.statusBody}</p>
        {view ? <p>{m.signedInAs(view.phone)}</p> : null}
        {linkOrig ? (
          <p>
            <a className="btn" href={linkOrig}>
              {m.continueTo}
            </a>
          </p>
        ) : null}
      </section>
      {view ? <OwnPackage view={view} m={m} /> : null}
      <Actions m={m} buyHref={buyHref ?? null} linkLogout={linkLogout} />
      <Support branding={branding} m={m} />
    </Layout>
  );
}

function Actions({ m, buyHref, linkLogout }: { m: Messages; buyHref: string | null; linkLogout: string | null }) {
  if (!buyHref && !linkLogout) return null;
  return (
    <section>
      {buyHref ? (
        <p>
          <a className="btn" href={buyHref}>
            {m.buyMore}
          </a>
        </p>
      ) : null}
      {linkLogout ? (
        <p>
          <a href={linkLogout}>{m.logout}</a>
        </p>
      ) : null}
    </section>
  );
}
