import type { PackageView } from '../format';
import { Layout, type Chrome } from './Layout';
import { PackageList } from './PackageList';
import { HowToBuy, Notice, RouterError, Support } from './parts';

/** `GET /` without the router's values: a phone that opened the portal's address itself. */
export function ShopPage({ chrome, packages, loggedOut, routerError }: { chrome: Chrome; packages: PackageView[]; loggedOut: boolean; routerError: string | null }) {
  const { m, branding } = chrome;
  return (
    <Layout chrome={chrome} title={m.shopWelcome(branding.shopName)}>
      {loggedOut ? (
        <section className="note" role="status">
          <p>{m.loggedOut}</p>
        </section>
      ) : null}
      <RouterError text={routerError} m={m} />
      <section>
        <h2>{m.shopWelcome(branding.shopName)}</h2>
        <p>{m.howToConnectTitle}</p>
        <ol>
          <li>{m.howToConnect1(branding.shopName)}</li>
          <li>{m.howToConnect2}</li>
          <li>{m.howToConnect3}</li>
        </ol>
      </section>
      <Notice text={branding.notice} />
      <PackageList packages={packages} m={m} />
      <HowToBuy m={m} />
      <Support branding={branding} m={m} />
    </Layout>
  );
}
