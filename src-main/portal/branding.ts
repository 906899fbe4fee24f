/** The shop's look on the portal, as settings hold it (the lead maps settings to this). */
export interface PortalBranding {
  shopName: string;
  supportPhone: string | null;
  notice: string | null;
  /** `#rrggbb` or `#rgb`; anything else falls back to the default colour. */
  colour: string | null;
  /** A small image as a `data:image/(png|jpeg|gif|webp);base64,…` URL; anything else is not shown. */
  logo: string | null;
  timezone: string;
}

export const DEFAULT_COLOUR = '#0b6e4f';
/** The first page must stay under 30 KB with everything it loads; the logo rides inline. */
export const MAX_LOGO_CHARS = 12_000;

export interface SafeBranding {
  shopName: string;
  supportPhone: string | null;
  notice: string | null;
  colour: string;
  logo: string | null;
}

/**
 * What the pages may use: the colour goes into a <style> element, so it must be a plain hex
 * colour (never arbitrary CSS); the logo goes into an <img src>, so only raster data URLs (no
 * SVG: it can carry script) of bounded size; texts are trimmed and bounded.
 */
export function safeBranding(b: PortalBranding): SafeBranding {
  const text = (s: string | null, max: number) => (s && s.trim() ? s.trim().slice(0, max) : null);
  return {
    shopName: text(b.shopName, 60) ?? 'WiFi',
    supportPhone: text(b.supportPhone, 30),
    notice: text(b.notice, 500),
    colour: b.colour && /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(b.colour) ? b.colour : DEFAULT_COLOUR,
    logo: b.logo && b.logo.length <= MAX_LOGO_CHARS && /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/.test(b.logo) ? b.logo : null,
  };
}
