import crypto from 'node:crypto';

/**
 * The only JavaScript the portal sends: small, inline (no extra request on a busy WiFi), and
 * optional — every page works without it. Allowed by hash in the Content-Security-Policy, so no
 * other script (an injected one included) can run.
 */
export const AUTO_SUBMIT = 'document.getElementById("go").submit();';

/** The resend countdown: hides the plain "send a new code" link until the wait is over. */
export const COUNTDOWN =
  '(function(){var e=document.getElementById("cd"),l=document.getElementById("rs");if(!e)return;var n=+e.getAttribute("data-s"),b=e.getAttribute("data-bn")==="1",t=e.getAttribute("data-t");' +
  'function d(x){return b?String(x).replace(/[0-9]/g,function(c){return"\u09e6\u09e7\u09e8\u09e9\u09ea\u09eb\u09ec\u09ed\u09ee\u09ef"[+c]}):String(x)}' +
  'if(l&&n>0)l.style.visibility="hidden";(function k(){if(n<=0){e.style.display="none";if(l)l.style.visibility="visible";return}e.textContent=t.replace("#",d(n));n--;setTimeout(k,1000)})()})();';

function hash(s: string): string {
  return `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

export const SCRIPT_SRC = `script-src ${hash(AUTO_SUBMIT)} ${hash(COUNTDOWN)}`;
