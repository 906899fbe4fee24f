import type { ApiReply } from '../../src-shared/api';
import type { EngineLike, IpcMainLike, IpcInvokeEventLike } from './types';

/** The one IPC channel: the preload's `window.hotspotdesk.call` invokes it. */
export const API_CHANNEL = 'api';

function failure(code: string, message: string): ApiReply<never> {
  return { ok: false, error: { code, message } };
}

/**
 * `ipcMain.handle('api', (e, method, input) => engine.call(method, input))`, plus two guards:
 * only our own page may call (a navigated-away or injected frame gets `unauthorized`), and an
 * exception never crosses IPC as a rejected promise (the renderer always gets an ApiReply).
 * Returns a function that removes the handler.
 */
export function registerApiHandler(
  ipcMain: IpcMainLike,
  engine: Pick<EngineLike, 'call'>,
  isTrustedSender: (url: string) => boolean,
  onError: (err: unknown, method: string) => void = () => {},
): () => void {
  ipcMain.handle(API_CHANNEL, async (event: IpcInvokeEventLike, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) return failure('unauthorized', 'Only the HotspotDesk window may call the admin API.');
    if (typeof method !== 'string') return failure('unknown_method', 'The admin API has no such method.');
    try {
      return await engine.call(method, input);
    } catch (err) {
      onError(err, method);
      return failure('internal', 'Something went wrong inside HotspotDesk; the log has the details.');
    }
  });
  return () => ipcMain.removeHandler(API_CHANNEL);
}
