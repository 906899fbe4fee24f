/**
 * The fixed choices of some settings, apart from their zod schemas (src-shared/settings.ts) so the
 * admin UI can list them without bundling zod.
 */
export const PORTAL_LANGUAGES = ['en', 'bn'] as const;
export const SMS_PROVIDERS = ['outbox', 'http', 'bulksmsbd', 'sslwireless'] as const;
