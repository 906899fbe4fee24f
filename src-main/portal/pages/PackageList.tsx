import type { PackageView } from '../format';
import type { Messages } from '../i18n';

export function PackageList({ packages, m }: { packages: PackageView[]; m: Messages }) {
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
        </div>
      ))}
    </section>
  );
}
