/** The captive portal (customers' door): one factory, plus the pure helpers others reuse. */
export { createPortal, portalSigningKey, type Portal, type PortalSubsystemDeps } from './portal';
export { DEFAULT_CARD_LIMITS, type CardLimits } from './cardGuard';
export { createPortalApp, createPortalDoor, DEFAULT_TOKEN_TTL_MS, type PortalDeps, type PortalDoor } from './app';
export { packagesForRouter, isSoldAt, type RouterScope } from './packageScope';
export { parseDigits, toBanglaDigits } from './digits';
export { chapPassword, decodeRouterOctal, encodeRouterOctal } from './chap';
export { ROUTER_PAGES, renderRouterPage, type RouterPageName } from './routerPages';
export type { PortalBranding } from './branding';
export type { RouterValues } from './routerValues';
export type { Lang } from './i18n';

