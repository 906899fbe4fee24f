import { describe, expect, it } from 'vitest';
import { createLogger, wantsPrettyLog } from '../../src-main/log';
import { prettyLogLine } from '../../src-main/logPretty';
import { AppError } from '../../src-main/errors';

function prettyLines(write: (log: ReturnType<typeof createLogger>) => void): string[] {
  let text = '';
  const log = createLogger({ pretty: true, prettyOut: { write: (s: string) => (text += s) } });
  write(log);
  return text.split('\n').filter(Boolean);
}

describe('console log lines on a terminal', () => {
  it('writes one readable line per event: time, level, message, key=value fields, no JSON', () => {
    const lines = prettyLines((log) => {
      log.info({ router: { id: 3, name: 'Roof AP' }, applied: ['radius', 'hotspot'] }, 'router configured');
      log.warn({ router: 3, code: 'ROUTER_UNREACHABLE', msg: 'No answer from\n10.0.0.5' }, 'routeros call failed');
      log.error({ err: new AppError('PORT_IN_USE') }, 'start failed');
    });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}router configured {2}router\.id=3 router\.name="Roof AP" applied=radius,hotspot$/);
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d WARN {2}.* {2}router=3 code=ROUTER_UNREACHABLE/);
    expect(lines[2]).toMatch(/ERROR start failed {2}err="PORT_IN_USE: /);
    for (const l of lines) expect(l).not.toMatch(/[{}]|"level"|\bat \//);
  });

  it('keeps redacting secrets', () => {
    const [line] = prettyLines((log) => log.info({ router: { secret: 's3cr3t-value' }, pin: '1234' }, 'saved'));
    expect(line).toContain('router.secret=[redacted]');
    expect(line).not.toMatch(/s3cr3t-value|1234/);
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(prettyLogLine('not json\n')).toBe('not json');
  });

  it('is pretty only on a terminal stderr; files, pipes and explicit JSON stay JSON', () => {
    expect(wantsPrettyLog({}, true)).toBe(true);
    expect(wantsPrettyLog({}, false)).toBe(false);
    expect(wantsPrettyLog({ destination: '/tmp/x.log' }, true)).toBe(false);
    expect(wantsPrettyLog({ pretty: false }, true)).toBe(false);
  });
});
