import type { PackageView } from '../format';
import type { Messages } from '../i18n';
import { AUTO_SUBMIT } from '../scripts';
import { Layout, type Chrome } from './Layout';
import { PackageList, type PayChoices } from './PackageList';
import { Alert, CardForm, HiddenFields, Note, type Hidden } from './forms';
import { Notice, RouterError, Support } from './parts';
import { FreeMinutesForm } from './FreeMinutes';

/** A customer's package as the pages show it (already formatted in the page's language). */
export interface AccountView {
  phone: string;
  active: { name: string; timeLeft: string; dataLeft: string } | null;
  queued: Array<{ name: string; starts: string }>;
  ended: 'expired' | 'exhausted' | null;
  devicesOnline: string | null;
}

export function OwnPackage({ view, m }: { view: AccountView; m: Messages }) {
  if (!view.active && view.queued.length === 0) return null;
  return (
    <section id="own">
      {view.active ? (
        <>
          <h2>{m.yourPackage}</h2>
          <dl className="kv">
            <dt>{view.active.name}</dt>
            <dd />
            <dt>{m.timeLeft}</dt>
            <dd>{view.active.timeLeft}</dd>
            <dt>{m.dataLeft}</dt>
            <dd>{view.active.dataLeft}</dd>
            {view.devicesOnline !== null ? (
              <>
                <dt>{m.devicesOnline}</dt>
                <dd>{view.devicesOnline}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
      {view.queued.length > 0 ? (
        <>
          <h2>{m.queuedTitle}</h2>
          <ul>
            {view.queued.map((q, i) => (
              <li key={i}>
                {q.name}: {q.starts}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * The customer's page once the portal knows them: welcome back / package ended, their package and
 * queued ones, the go-online button when something is active, this router's packages and the card form.
 */
export function AccountPage(p: {
  chrome: Chrome;
  view: AccountView;
  welcomeBack: boolean;
  packages: PackageView[];
  hidden: Hidden;
  loginHref: string | null;
  routerError: string | null;
  error: string | null;
  info: string | null;
  /** Online payment methods under each package, and the "I paid but have no internet" link. */
  pay?: PayChoices & { recoverHref: string | null };
  /** Free minutes to pay on offer (already in the page's digits), or null/absent: no button. */
  freeMinutes?: string | null;
}) {
  const { m, branding } = p.chrome;
  const ended = !p.view.active && p.view.ended !== null;
  return (
    <Layout chrome={p.chrome} title={m.shopWelcome(branding.shopName)}>
      <RouterError text={p.routerError} m={m} />
      <Alert text={p.error} />
      <Note text={p.info} />
      <section>
        <h2>{p.welcomeBack ? m.welcomeBack : m.shopWelcome(branding.shopName)}</h2>
        <p>{m.signedInAs(p.view.phone)}</p>
        {ended ? (
          <p id="ended">
            <strong>{m.packageEnded}</strong> {p.view.ended === 'expired' ? m.endedExpired : m.endedData} {m.buyAnother}
          </p>
        ) : null}
        {p.loginHref ? (
          <p>
            <a className="btn" id="go-online" href={p.loginHref}>
              {m.loginButton}
            </a>
          </p>
        ) : null}
      </section>
      <OwnPackage view={p.view} m={m} />
      <CardForm m={m} hidden={p.hidden} />
      {p.freeMinutes ? <FreeMinutesForm m={m} hidden={p.hidden} minutes={p.freeMinutes} /> : null}
      <Notice text={branding.notice} />
      <PackageList packages={p.packages} m={m} pay={p.pay} />
      {p.pay?.recoverHref ? (
        <section>
          <p>
            <a href={p.pay.recoverHref} id="recover">
              {m.paidNoInternet}
            </a>
          </p>
        </section>
      ) : null}
      <Support branding={branding} m={m} />
    </Layout>
  );
}

/**
 * Sends the browser to the router's link-login-only with the hotspot login in a POST body (never
 * in a URL): submitted at once with JavaScript, by the button without.
 */
export function LoginPage(p: { chrome: Chrome; action: string; fields: Hidden; info: string | null }) {
  const { m } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={m.loginTitle}>
      <Note text={p.info} />
      <section>
        <h2>{m.loginTitle}</h2>
        <form id="go" method="post" action={p.action}>
          <HiddenFields fields={p.fields} />
          <p>{m.loginHelp}</p>
          <button className="btn" type="submit">
            {m.loginButton}
          </button>
        </form>
      </section>
      <script dangerouslySetInnerHTML={{ __html: AUTO_SUBMIT }} />
    </Layout>
  );
}

export { HiddenFields };
