import type { PackageView } from '../format';
import type { Messages } from '../i18n';
import { HiddenFields, type Hidden } from './forms';

/** "Pay with" under each package: one POST form, one submit button per method (JavaScript off works). */
export interface PayChoices {
  hidden: Hidden;
  methods: Array<{ value: string; label: string }>;
  /** The recharge card form on the same page (always offered). */
  cardHref: string;
}

export function PackageList({ packages, m, pay }: { packages: PackageView[]; m: Messages; pay?: PayChoices }) {
  return (
    <section aria-labelledby="pk-title">
      <h2 id="pk-title">{m.packagesTitle}</h2>
      {packages.length === 0 ? <p>{m.packagesNone}</p> : null}
      {packages.map((p) => (
        <div className="pk" key={p.id} data-package-id={p.id}>
          <h3>
            {p.name} <span>{p.price}</span>
          </h3>
          <dl>
            <dt>{m.validity}</dt>
            <dd>{p.validity}</dd>
            <dt>{m.data}</dt>
            <dd>{p.data}</dd>
            <dt>{m.speed}</dt>
            <dd>{p.speed}</dd>
            <dt>{m.devices}</dt>
            <dd>{p.devices}</dd>
          </dl>
          {pay && pay.methods.length > 0 ? (
            <form method="post" action="/portal/pay" id={`pay-${p.id}`} aria-label={`${m.payWith}: ${p.name}`}>
              <HiddenFields fields={{ ...pay.hidden, package: String(p.id) }} />
              <p>{m.payWith}</p>
              <div className="pay">
                {pay.methods.map((x) => (
                  <button className="btn" type="submit" name="method" value={x.value} key={x.value}>
                    {x.label}
                  </button>
                ))}
                <a className="btn" href={pay.cardHref}>
                  {m.payCard}
                </a>
              </div>
            </form>
          ) : null}
        </div>
      ))}
    </section>
  );
}
