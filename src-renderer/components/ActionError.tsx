import type { ApiError } from '../../src-shared/api';
import { SETTINGS_ERRORS, routerErrorTitlesFor } from '../labels';
import { messages, useLang, useT } from '../i18n';

const M = messages(
  { checkSettings: 'Check the router settings ›', dismiss: 'Dismiss' },
  { checkSettings: 'রাউটারের সেটিংস দেখুন ›', dismiss: 'বন্ধ করুন' },
);

/**
 * An API error shown right next to the action that caused it: a headline for RouterOS codes,
 * then the engine's owner-facing message. `onFix` adds a button to the settings that fix it.
 */
export function ActionError({ error, onFix, onClose }: { error: ApiError | null; onFix?: () => void; onClose?: () => void }) {
  const t = useT(M);
  const lang = useLang();
  if (!error) return null;
  const title = routerErrorTitlesFor(lang)[error.code];
  return (
    <div className="banner banner-error action-error" role="alert" data-code={error.code}>
      <div className="banner-text">
        {title ? <div className="strong">{title}</div> : null}
        <div>{error.message}</div>
        {onFix && SETTINGS_ERRORS.has(error.code) ? (
          <button type="button" className="link-button" onClick={onFix}>
            {t.checkSettings}
          </button>
        ) : null}
      </div>
      {onClose ? (
        <button type="button" className="banner-close" aria-label={t.dismiss} onClick={onClose}>
          ×
        </button>
      ) : null}
    </div>
  );
}
