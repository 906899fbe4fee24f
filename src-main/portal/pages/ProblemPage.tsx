import { Layout, type Chrome } from './Layout';
import { Support } from './parts';

/** A refused request (tampered or expired token, a router value we cannot use), in plain words. */
export function ProblemPage({ chrome, message, homeHref }: { chrome: Chrome; message: string; homeHref: string }) {
  const { m, branding } = chrome;
  return (
    <Layout chrome={chrome} title={m.problemTitle}>
      <section className="err" role="alert">
        <h2>{m.problemTitle}</h2>
        <p>{message}</p>
        <p>
          <a href={homeHref}>{m.goHome}</a>
        </p>
      </section>
      <Support branding={branding} m={m} />
    </Layout>
  );
}
