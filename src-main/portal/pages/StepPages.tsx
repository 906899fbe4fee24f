import type { PackageView } from '../format';
import { COUNTDOWN } from '../scripts';
import { Layout, type Chrome } from './Layout';
import { PackageList } from './PackageList';
import { Alert, HiddenFields, PhoneForm, PinInput, type Hidden } from './forms';
import { HowToBuy, Notice, RouterError, Support } from './parts';

/** The page login.html sends a new phone to: welcome, the number form, this router's packages. */
export function PhonePage(p: { chrome: Chrome; packages: PackageView[]; routerError: string | null; error: string | null; hidden: Hidden; phone?: string }) {
  const { m, branding } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={m.shopWelcome(branding.shopName)}>
      <RouterError text={p.routerError} m={m} />
      <Alert text={p.error} />
      <section>
        <h2>{m.portalWelcome}</h2>
        <p>{m.portalIntro}</p>
      </section>
      <PhoneForm m={m} hidden={p.hidden} value={p.phone} />
      <Notice text={branding.notice} />
      <PackageList packages={p.packages} m={m} />
      <HowToBuy m={m} />
      <Support branding={branding} m={m} />
    </Layout>
  );
}

/** The OTP code form, with the resend link (plain; JavaScript hides it during the countdown). */
export function CodePage(p: { chrome: Chrome; phone: string; hidden: Hidden; resendHref: string; waitSeconds: number; error: string | null; info: string | null }) {
  const { m, lang, branding } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={m.codeTitle}>
      <Alert text={p.error} />
      <section>
        <h2>{m.codeTitle}</h2>
        <p>{p.info ?? m.codeSent(p.phone)}</p>
        <form method="post" action="/portal/code">
          <HiddenFields fields={p.hidden} />
          <label htmlFor="code">{m.codeLabel}</label>
          <input id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={12} required />
          <button className="btn" type="submit">
            {m.continueButton}
          </button>
        </form>
        {p.waitSeconds > 0 ? (
          <p id="cd" data-s={p.waitSeconds} data-bn={lang === 'bn' ? '1' : '0'} data-t={m.resendIn('#')}>
            {m.resendIn(lang === 'bn' ? toBn(p.waitSeconds) : String(p.waitSeconds))}
          </p>
        ) : null}
        <p>
          <a id="rs" href={p.resendHref}>
            {m.resendLink}
          </a>
        </p>
      </section>
      <Support branding={branding} m={m} />
      <script dangerouslySetInnerHTML={{ __html: COUNTDOWN }} />
    </Layout>
  );
}

function toBn(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => '০১২৩৪৫৬৭৮৯'[Number(d)]!);
}

/** A returning customer on a new device: number + PIN, and the way out when it is forgotten. */
export function PinPage(p: { chrome: Chrome; phone: string; hidden: Hidden; forgotHref: string | null; error: string | null }) {
  const { m, branding } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={m.pinTitle}>
      <Alert text={p.error} />
      <section>
        <h2>{m.pinTitle}</h2>
        <form method="post" action="/portal/pin">
          <HiddenFields fields={p.hidden} />
          <PinInput id="pin" label={m.pinFor(p.phone)} />
          <button className="btn" type="submit">
            {m.continueButton}
          </button>
        </form>
        {p.forgotHref ? (
          <p>
            <a href={p.forgotHref}>{m.forgotPin}</a>
          </p>
        ) : null}
      </section>
      <Support branding={branding} m={m} />
    </Layout>
  );
}

/** After a verified code: choose the PIN (twice). */
export function SetPinPage(p: { chrome: Chrome; hidden: Hidden; error: string | null }) {
  const { m, branding } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={m.setPinTitle}>
      <Alert text={p.error} />
      <section>
        <h2>{m.setPinTitle}</h2>
        <p>{m.setPinHelp}</p>
        <form method="post" action="/portal/newpin">
          <HiddenFields fields={p.hidden} />
          <PinInput id="pin" label={m.pinLabel} />
          <PinInput id="pin2" label={m.pinAgainLabel} />
          <button className="btn" type="submit">
            {m.continueButton}
          </button>
        </form>
      </section>
      <Support branding={branding} m={m} />
    </Layout>
  );
}
