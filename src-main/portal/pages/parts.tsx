import type { SafeBranding } from '../branding';
import type { Messages } from '../i18n';

export function Notice({ text }: { text: string | null }) {
  return text ? (
    <section className="note" role="note">
      <p>{text}</p>
    </section>
  ) : null;
}

/** A message from the router (its `$(error)`, e.g. RADIUS's Reply-Message), shown as text. */
export function RouterError({ text, m }: { text: string | null; m: Messages }) {
  return text ? (
    <section className="err" role="alert">
      <p>
        {m.routerSaid} <strong>{text}</strong>
      </p>
    </section>
  ) : null;
}

export function HowToBuy({ m }: { m: Messages }) {
  return (
    <section>
      <h2>{m.howToBuyTitle}</h2>
      <ol>
        <li>{m.howToBuy1}</li>
        <li>{m.howToBuy2}</li>
      </ol>
    </section>
  );
}

export function Support({ branding, m }: { branding: SafeBranding; m: Messages }) {
  if (!branding.supportPhone) return null;
  // tel: needs the digits only; the shown text keeps the owner's formatting.
  const tel = branding.supportPhone.replace(/[^\d+]/g, '');
  return (
    <section>
      <h2>{m.supportTitle}</h2>
      <p>
        <a href={`tel:${tel}`}>{m.supportCall(branding.supportPhone)}</a>
      </p>
    </section>
  );
}
