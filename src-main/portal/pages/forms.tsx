import type { Messages } from '../i18n';

/** The flow's forms. Every one is a plain POST that works without JavaScript; state rides in hidden fields. */
export type Hidden = Record<string, string | undefined>;

export function HiddenFields({ fields }: { fields: Hidden }) {
  return (
    <>
      {Object.entries(fields).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={v} />))}
    </>
  );
}

export function Alert({ text }: { text: string | null }) {
  return text ? (
    <section className="err" role="alert">
      <p>{text}</p>
    </section>
  ) : null;
}

export function Note({ text }: { text: string | null }) {
  return text ? (
    <section className="note" role="status">
      <p>{text}</p>
    </section>
  ) : null;
}

export function PhoneForm({ m, hidden, value }: { m: Messages; hidden: Hidden; value?: string }) {
  return (
    <section>
      <h2>{m.phoneTitle}</h2>
      <p>{m.phoneHelp}</p>
      <form method="post" action="/portal/phone">
        <HiddenFields fields={hidden} />
        <label htmlFor="phone">{m.phoneLabel}</label>
        <input id="phone" name="phone" type="tel" inputMode="tel" autoComplete="tel" placeholder="01XXXXXXXXX" defaultValue={value} maxLength={20} required />
        <button className="btn" type="submit">
          {m.continueButton}
        </button>
      </form>
    </section>
  );
}

export function CardForm({ m, hidden }: { m: Messages; hidden: Hidden }) {
  return (
    <section id="card">
      <h2>{m.cardTitle}</h2>
      <form method="post" action="/portal/card">
        <HiddenFields fields={hidden} />
        <label htmlFor="code">{m.cardLabel}</label>
        <input id="code" name="code" type="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} placeholder="XXXX-XXXX-XXXX" maxLength={40} required />
        <button className="btn" type="submit">
          {m.cardButton}
        </button>
      </form>
    </section>
  );
}

/** A 4–6 digit field; `numeric` brings up the number pad, Bangla digits are accepted on the server. */
export function PinInput({ id, label }: { id: string; label: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} type="password" inputMode="numeric" autoComplete="off" maxLength={12} required />
    </>
  );
}
