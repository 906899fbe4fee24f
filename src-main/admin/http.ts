import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiReply } from '../../src-shared/api';
import { errorMessages } from '../errors';
import { bearerMatches } from './token';

export interface AdminHttpDeps {
  call(method: string, input: unknown): Promise<ApiReply<unknown>>;
  token: string;
  /** Built renderer (index.html + assets) to serve at `/`, if present. */
  rendererDir?: string;
}

/**
 * The headless bridge: `POST /api/<method>` with a JSON body and `Authorization: Bearer <token>`,
 * answering the same `{ ok, value | error }` as the IPC bridge. Also serves the built admin UI.
 * Returns the express app without listening (server.ts listens).
 */
export function createAdminHttpApp({ call, token, rendererDir }: AdminHttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.use('/api', (req, res, next) => {
    // Browsers on other sites must not drive the admin API with a stolen token; it is same-origin only.
    res.setHeader('Cache-Control', 'no-store');
    if (!bearerMatches(req.headers.authorization, token)) {
      res.status(401).json({ ok: false, error: { code: 'unauthorized', message: errorMessages.unauthorized } });
      return;
    }
    next();
  });
  app.use('/api', express.json({ limit: '1mb' }));

  app.post('/api/:method', async (req, res) => {
    const reply = await call(String(req.params.method), req.body);
    const status = reply.ok ? 200 : reply.error.code === 'internal' ? 500 : reply.error.code === 'unknown_method' ? 404 : 400;
    res.status(status).json(reply);
  });
  app.all('/api/{*rest}', (_req, res) => {
    res.status(405).json({ ok: false, error: { code: 'invalid_input', message: 'method: use POST /api/<method>' } });
  });

  if (rendererDir && fs.existsSync(path.join(rendererDir, 'index.html'))) {
    app.use(express.static(rendererDir, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('HotspotDesk admin API is running. Build the UI with `npm run build` to use it in a browser.\n');
    });
  }

  // Malformed JSON and other request errors become invalid_input, never a stack trace.
  app.use((err: Error & { type?: string; status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    void _next;
    const bad = err.type === 'entity.parse.failed' || (err.status ?? 500) < 500;
    res.status(bad ? 400 : 500).json({
      ok: false,
      error: bad
        ? { code: 'invalid_input', message: `input: the body must be JSON (${err.message})`, field: 'input' }
        : { code: 'internal', message: errorMessages.internal },
    });
  });
  return app;
}
