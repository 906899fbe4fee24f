import type { PackageView } from '../format';
import { Layout, type Chrome } from './Layout';
import { PackageList } from './PackageList';
import { HowToBuy, Notice, RouterError, Support } from './parts';

/**
 * The page login.html sends a phone to: welcome and this router's packages. The phone-number /
 * OTP form lands here next (it will carry the state token in a hidden field).
 */
export function PortalPage({ chrome, packages, routerError }: { chrome: Chrome; packages: PackageView[]; routerError: string | null }) {
  const { m, branding } = chrome;
  return (
    <Layout chrome={chrome} title={m.shopWelcome(branding.shopName)}>
      <RouterError text={routerError} m={m} />
      <section>
        <h2>{m.portalWelcome}</h2>
        <p>{m.portalIntro}</p>
      </section>
      <Notice text={branding.notice} />
      <PackageList packages={packages} m={m} />
      <HowToBuy m={m} />
      <Support branding={branding} m={m} />
    </Layout>
  );
}
