import type { ApiError } from '../../src-shared/api';
import { ROUTER_ERROR_TITLE, SETTINGS_ERRORS } from '../labels';

/**
 * An API error shown right next to the action that caused it: a headline for RouterOS codes,
 * then the engine's owner-facing message. `onFix` adds a button to the settings that fix it.
 */
export function ActionError({ error, onFix, onClose }: { error: ApiError | null; onFix?: () => void; onClose?: () => void }) {
  if (!error) return null;
  const title = ROUTER_ERROR_TITLE[error.code];
  return (
    <div className="banner banner-error action-error" role="alert" data-code={error.code}>
      <div className="banner-text">
        {title ? <div className="strong">{title}</div> : null}
        <div>{error.message}</div>
        {onFix && SETTINGS_ERRORS.has(error.code) ? (
          <button type="button" className="link-button" onClick={onFix}>
            Check the router settings ›
          </button>
        ) : null}
      </div>
      {onClose ? (
        <button type="button" className="banner-close" aria-label="Dismiss" onClick={onClose}>
          ×
        </button>
      ) : null}
    </div>
  );
}
