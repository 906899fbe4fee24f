/**
 * Imported first by the two entry points (server.ts, main.ts), before anything loads React.
 * React picks its build when it is first required: without NODE_ENV=production it runs its
 * development build, several times slower, and the portal renders every page with it (issue #9's
 * power-cut benchmark found 60 % of the portal's CPU there). Tests set NODE_ENV=test themselves,
 * and an explicit value always wins.
 */
process.env.NODE_ENV ??= 'production';

export {};
