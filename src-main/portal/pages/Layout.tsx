import type { ReactNode } from 'react';
import type { SafeBranding } from '../branding';
import type { Lang, Messages } from '../i18n';

export interface Chrome {
  lang: Lang;
  m: Messages;
  branding: SafeBranding;
  /** Same page in the other language (null when the shop offers one language only). */
  switchHref: string | null;
}

/**
 * Inline CSS only (no web fonts, no files: the phone is not online yet and each request costs on a
 * busy WiFi). System fonts render Bangla on Android. Sized for 360 px wide screens and up.
 */
function css(colour: string): string {
  return `*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Noto Sans Bengali","Segoe UI",Roboto,sans-serif;color:#1d1d1d;background:#f4f5f7}
header{background:${colour};color:#fff;padding:12px 16px;display:flex;align-items:center;gap:10px}
header img{max-height:40px;max-width:96px}header h1{font-size:1.15em;margin:0;flex:1}
header a{color:#fff;border:1px solid #fff;border-radius:6px;padding:4px 10px;text-decoration:none;white-space:nowrap}
main{max-width:560px;margin:0 auto;padding:12px}
section{background:#fff;border-radius:10px;padding:12px 14px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:1.05em;margin:0 0 8px}p{margin:6px 0}ol{margin:0;padding-left:1.3em}
.pk{border:1px solid #dde;border-radius:8px;padding:10px;margin:8px 0}.pk h3{margin:0 0 6px;font-size:1em;display:flex;justify-content:space-between;gap:8px}
.pk h3 span{color:${colour};white-space:nowrap}.pk dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0;font-size:.93em}.pk dt{color:#555}.pk dd{margin:0}
.note{background:#fff7e0;border-left:4px solid #e0a800}.err{background:#fdecea;border-left:4px solid #c62828}
.btn{display:inline-block;background:${colour};color:#fff;border-radius:8px;padding:10px 16px;text-decoration:none;margin:4px 0}
a{color:${colour}}
select{width:100%;font-size:1.05em;padding:9px;border:1px solid #aab;border-radius:8px;background:#fff}
.pay{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}.pay button,.pay a{flex:1 1 45%;text-align:center;margin:0;width:auto}
label{display:block;margin:8px 0 4px;font-weight:600}input[type=tel],input[type=text],input[type=password]{width:100%;font-size:1.1em;padding:10px;border:1px solid #aab;border-radius:8px}
button.btn{border:0;font-size:1em;width:100%;margin-top:10px}.kv{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}.kv dd{margin:0}`;
}

/** `refresh`: the page reloads itself (a waiting page), with no JavaScript needed. */
export function Layout({ chrome, title, children, refresh }: { chrome: Chrome; title: string; children: ReactNode; refresh?: { seconds: number; href: string } }) {
  const { lang, m, branding, switchHref } = chrome;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {refresh ? <meta httpEquiv="refresh" content={`${refresh.seconds};url=${refresh.href}`} /> : null}
        <title>{title}</title>
        {/* No /favicon.ico request: one round trip fewer on a busy WiFi (the CSP allows data: images). */}
        <link rel="icon" href="data:," />
        <style>{css(branding.colour)}</style>
      </head>
      <body>
        <header>
          {branding.logo ? <img src={branding.logo} alt="" /> : null}
          <h1>{branding.shopName}</h1>
          {switchHref ? (
            <a href={switchHref} hrefLang={lang === 'en' ? 'bn' : 'en'}>
              {m.switchTo}
            </a>
          ) : null}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
