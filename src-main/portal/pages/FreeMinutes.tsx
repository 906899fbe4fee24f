import type { Messages } from '../i18n';
import { HiddenFields, type Hidden } from './forms';

/**
 * "Get N free minutes to pay" (issue #10): shown on the account page, only while the owner has the
 * offer on and the customer has no package. A plain POST (works without JavaScript); the portal
 * answers with the router login form, so RADIUS, not the portal, lets the phone online.
 */
export function FreeMinutesForm({ m, hidden, minutes }: { m: Messages; hidden: Hidden; minutes: string }) {
  return (
    <section id="free-minutes">
      <h2>{m.freeTitle}</h2>
      <p>{m.freeHelp(minutes)}</p>
      <form method="post" action="/portal/free">
        <HiddenFields fields={hidden} />
        <button className="btn" type="submit">
          {m.freeButton(minutes)}
        </button>
      </form>
    </section>
  );
}
