import type express from 'express';

/**
 * 303 to a portal path we built ourselves (URLSearchParams-encoded). Cheaper than express's
 * res.redirect, which negotiates a body type and renders an HTML body per request: every phone
 * coming back after a power cut gets one of these first. No body: browsers follow the Location.
 */
export function seeOther(res: express.Response, location: string): void {
  res.statusCode = 303;
  res.setHeader('Location', location);
  res.setHeader('Content-Length', '0');
  res.end();
}
