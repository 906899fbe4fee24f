import { Layout, type Chrome } from './Layout';
import { Support } from './parts';

/** Where alogin.html and status.html send a phone that is online (package details come later). */
export function StatusPage({ chrome, linkOrig, linkLogout }: { chrome: Chrome; linkOrig: string | null; linkLogout: string | null }) {
  const { m, branding } = chrome;
  return (
    <Layout chrome={chrome} title={m.statusTitle}>
      <section role="status">
        <h2>{m.statusTitle}</h2>
        <p>{m.statusBody}</p>
        {linkOrig ? (
          <p>
            <a className="btn" href={linkOrig}>
              {m.continueTo}
            </a>
          </p>
        ) : null}
        {linkLogout ? (
          <p>
            <a href={linkLogout}>{m.logout}</a>
          </p>
        ) : null}
      </section>
      <Support branding={branding} m={m} />
    </Layout>
  );
}
