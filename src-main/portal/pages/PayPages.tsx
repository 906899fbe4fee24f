import type { Messages } from '../i18n';
import { Layout, type Chrome } from './Layout';
import { Alert, HiddenFields, type Hidden } from './forms';
import { Support } from './parts';

/** A payment not settled yet: refreshes itself every few seconds (meta refresh, no JavaScript). */
export function PayWaitingPage(p: { chrome: Chrome; title: string; body: string; refreshHref: string; refreshSeconds: number; recoverHref: string | null; backHref: string }) {
  const { m, branding } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={p.title} refresh={{ seconds: p.refreshSeconds, href: p.refreshHref }}>
      <section className="note" role="status" id="waiting">
        <h2>{p.title}</h2>
        <p>{p.body}</p>
        <p>
          <a className="btn" href={p.refreshHref} id="check-again">
            {m.checkAgain}
          </a>
        </p>
      </section>
      <section>
        {p.recoverHref ? (
          <p>
            <a href={p.recoverHref} id="recover">
              {m.paidNoInternet}
            </a>
          </p>
        ) : null}
        <p>
          <a href={p.backHref}>{m.backToPackages}</a>
        </p>
      </section>
      <Support branding={branding} m={m} />
    </Layout>
  );
}

/** Failed, cancelled, refunded, or held for the owner: plain words and a way back. */
export function PayResultPage(p: { chrome: Chrome; title: string; body: string; againHref: string; againLabel: string }) {
  const { m, branding } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={p.title}>
      <section className="err" role="alert" id="pay-result">
        <h2>{p.title}</h2>
        <p>{p.body}</p>
        <p>
          <a className="btn" href={p.againHref} id="try-again">
            {p.againLabel}
          </a>
        </p>
      </section>
      <Support branding={branding} m={m} />
    </Layout>
  );
}

/** Send Money: the shop's number and the exact amount, then the TrxID and the sender's number. */
export function SendMoneyPage(p: { chrome: Chrome; wallet: string; number: string; amount: string; packageName: string; hidden: Hidden; error: string | null; trxId?: string; sender?: string; backHref: string }) {
  const { m, branding } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={m.sendMoneyTitle(p.wallet)}>
      <Alert text={p.error} />
      <section>
        <h2>{m.sendMoneyTitle(p.wallet)}</h2>
        <p>
          <strong>{p.packageName}</strong>
        </p>
        <ol>
          <li>{m.sendMoneyStep1(p.wallet, p.number)}</li>
          <li>{m.sendMoneyStep2(p.amount)}</li>
          <li>{m.sendMoneyStep3}</li>
        </ol>
        <p id="shop-number">
          <strong>{p.number}</strong> · <strong>{p.amount}</strong>
        </p>
        <form method="post" action="/portal/pay/send">
          <HiddenFields fields={p.hidden} />
          <TrxIdField m={m} value={p.trxId} placeholder="CJU0PZQ3U6" />
          <label htmlFor="sender">{m.senderLabel}</label>
          <input id="sender" name="sender" type="tel" inputMode="tel" placeholder="01XXXXXXXXX" maxLength={20} defaultValue={p.sender} required />
          <button className="btn" type="submit">
            {m.sendMoneyButton}
          </button>
        </form>
        <p>
          <a href={p.backHref}>{m.backToPackages}</a>
        </p>
      </section>
      <Support branding={branding} m={m} />
    </Layout>
  );
}

/** The transaction id a customer types (Send Money's TrxID, a gateway's transaction id). */
function TrxIdField({ m, value, placeholder }: { m: Messages; value?: string; placeholder?: string }) {
  return (
    <>
      <label htmlFor="trxId">{m.trxIdLabel}</label>
      <input id="trxId" name="trxId" type="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} placeholder={placeholder} maxLength={40} defaultValue={value} required />
    </>
  );
}

/** "I paid but have no internet": which gateway, and the transaction id. */
export function RecoverPage(p: { chrome: Chrome; gateways: Array<{ value: string; label: string }>; hidden: Hidden; error: string | null; info: string | null; trxId?: string; backHref: string }) {
  const { m, branding } = p.chrome;
  return (
    <Layout chrome={p.chrome} title={m.recoverTitle}>
      <Alert text={p.error} />
      {p.info ? (
        <section className="note" role="status">
          <p>{p.info}</p>
        </section>
      ) : null}
      <section>
        <h2>{m.recoverTitle}</h2>
        {p.gateways.length === 0 ? (
          <p>{m.recoverNothing}</p>
        ) : (
          <form method="post" action="/portal/pay/recover">
            <p>{m.recoverHelp}</p>
            <HiddenFields fields={p.hidden} />
            <label htmlFor="gateway">{m.recoverGateway}</label>
            <select id="gateway" name="gateway">
              {p.gateways.map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </select>
            <TrxIdField m={m} value={p.trxId} />
            <button className="btn" type="submit">
              {m.recoverButton}
            </button>
          </form>
        )}
        <p>
          <a href={p.backHref}>{m.backToPackages}</a>
        </p>
      </section>
      <Support branding={branding} m={m} />
    </Layout>
  );
}
