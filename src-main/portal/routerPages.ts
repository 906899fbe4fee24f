/**
 * The pages a MikroTik serves from its hotspot html directory, fetched there by the router set-up
 * step (/tool/fetch). They are TEMPLATES the router fills in (reference §2.2): `$(name)` is a
 * variable, `$(name-esc)` its URL-encoded form, `$(if name)…$(endif)` a conditional. Each page only
 * sends the phone on to the portal, so every path of the hotspot ends on our pages.
 *
 * Plain ASCII on purpose: RouterOS serves the file as it is, and /tool/fetch stores bytes.
 *
 * Which form each variable travels in (easy to adjust if a router proves the reference wrong):
 * - mac, ip, link-login-only, link-logout, chap-id, chap-challenge go as the plain variable: their
 *   characters (hex, colons, dots, a bare login URL, backslash-octal) are safe in an attribute and
 *   a query string, and the meaning of `-esc` on the octal chap strings is not documented.
 * - link-orig and error are arbitrary text, so they always go URL-encoded (`-esc`): in a form as
 *   the fields `link-orig-esc` / `error-esc` (the portal decodes them once more), in a URL as the
 *   parameters `link-orig` / `error` (the URL itself is the encoding).
 */
export const ROUTER_PAGES = ['login.html', 'flogin.html', 'alogin.html', 'status.html', 'logout.html', 'error.html'] as const;
export type RouterPageName = (typeof ROUTER_PAGES)[number];

export function isRouterPageName(s: string): s is RouterPageName {
  return (ROUTER_PAGES as readonly string[]).includes(s);
}

interface Target {
  path: string;
  /** [parameter name, template for its value] pairs for the fallback URL. */
  query: Array<[string, string]>;
  /** [form field name, template for its value] pairs for the auto-submitted POST; none = GET only. */
  form: Array<[string, string]> | null;
  /** A part of the query only sent when the router issued a CHAP challenge. */
  chapQuery: boolean;
}

function loginTarget(): Target {
  return {
    path: '/portal',
    query: [['mac', '$(mac)'], ['ip', '$(ip)'], ['link-login-only', '$(link-login-only)'], ['link-orig', '$(link-orig-esc)'], ['error', '$(error-esc)']],
    form: [['mac', '$(mac)'], ['ip', '$(ip)'], ['link-login-only', '$(link-login-only)'], ['link-orig-esc', '$(link-orig-esc)'], ['error-esc', '$(error-esc)']],
    chapQuery: true,
  };
}

function targetFor(page: RouterPageName): Target {
  switch (page) {
    case 'login.html':
    case 'flogin.html': // the router's $(error) (e.g. RADIUS's Reply-Message) is carried through
      return loginTarget();
    case 'alogin.html':
    case 'status.html':
      return {
        path: '/status',
        // link-login-only lets the status page's "buy more" lead to a page that can log in again.
        query: [['mac', '$(mac)'], ['ip', '$(ip)'], ['link-logout', '$(link-logout)'], ['link-login-only', '$(link-login-only)'], ['link-orig', '$(link-orig-esc)']],
        form: null,
        chapQuery: false,
      };
    case 'logout.html':
      return { path: '/', query: [['msg', 'logout']], form: null, chapQuery: false };
    case 'error.html':
      return { path: '/', query: [['error', '$(error-esc)']], form: null, chapQuery: false };
  }
}

/** HTML attribute escaping for the parts we write ourselves (the portal address). */
function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One router page. `portalBase` is the portal as phones reach it (`http://192.168.88.2:8080`);
 * the router id is baked in so the portal knows which router's packages to show.
 */
export function renderRouterPage(page: RouterPageName, portalBase: string, routerId: number): string {
  const t = targetFor(page);
  const action = `${portalBase.replace(/\/+$/, '')}${t.path}`;
  const params = [`router=${routerId}`, ...t.query.map(([k, v]) => `${k}=${v}`)];
  let url = `${action}?${params.join('&')}`;
  // A conditional inside the URL keeps empty chap parameters out of PAP-only routers' links.
  if (t.chapQuery) url += '$(if chap-id)&chap-id=$(chap-id)&chap-challenge=$(chap-challenge)$(endif)';
  const href = attr(url);
  const lines = [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta http-equiv="pragma" content="no-cache">',
    '<meta http-equiv="expires" content="-1">',
    '<title>WiFi</title>',
    // No favicon request: a browser asks the router for /favicon.ico, the router answers an
    // unauthenticated host with login.html again, and a router that issues a fresh CHAP challenge
    // per page then makes the challenge the portal already holds stale (CHAP login refused).
    '<link rel="icon" href="data:,">',
  ];
  // With JavaScript the form below posts at once; without it the meta refresh follows the link.
  lines.push(t.form ? `<noscript><meta http-equiv="refresh" content="0;url=${href}"></noscript>` : `<meta http-equiv="refresh" content="0;url=${href}">`);
  lines.push('<style>body{font-family:sans-serif;margin:2em 1em;text-align:center}a{font-size:1.2em}</style>', '</head>', '<body>');
  if (t.form) {
    lines.push(`<form id="go" method="post" action="${attr(action)}">`, `<input type="hidden" name="router" value="${routerId}">`);
    for (const [k, v] of t.form) lines.push(`<input type="hidden" name="${k}" value="${v}">`);
    lines.push('$(if chap-id)', '<input type="hidden" name="chap-id" value="$(chap-id)">', '<input type="hidden" name="chap-challenge" value="$(chap-challenge)">', '$(endif)');
    lines.push('<button type="submit">Continue</button>', '</form>');
  }
  lines.push(`<p><a href="${href}">Continue</a></p>`);
  if (t.form) lines.push('<script>document.getElementById("go").submit();</script>');
  lines.push('</body>', '</html>', '');
  return lines.join('\n');
}
