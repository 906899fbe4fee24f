import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createLogger, secretLogNames } from '../../src-main/log';
import { contract, contractSecretPaths, type Method } from '../../src-shared/api';
import { REDACTED } from '../../src-shared/api/redact';
import { secretSamples, valuesAt } from '../helpers/contractSamples';
import { AppError } from '../../src-main/errors';
import { tmpDir } from '../helpers/tmp';

describe('logger', () => {
  it('writes JSON lines and redacts secret-named fields, keeping error codes', () => {
    const file = path.join(tmpDir(), 'logs', 'h.log');
    const log = createLogger({ destination: file });
    log.info({ router: { name: 'r1', secret: 's3cr3t-value', apiPassword: 'pw-value' }, pin: '1234', otp: '654321' }, 'router saved');
    log.error({ err: new AppError('PORT_IN_USE') }, 'start failed');
    log.flush();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ msg: 'router saved', router: { name: 'r1', secret: '[redacted]', apiPassword: '[redacted]' }, pin: '[redacted]' });
    expect(JSON.stringify(lines)).not.toMatch(/s3cr3t-value|pw-value|654321|"1234"/);
    expect(lines[1].err.code).toBe('PORT_IN_USE');
  });
});

describe('logger redaction from the contract', () => {
  function logLines(write: (log: ReturnType<typeof createLogger>) => void): Record<string, unknown>[] {
    const file = path.join(tmpDir(), 'h.log');
    const log = createLogger({ destination: file });
    write(log);
    log.flush();
    return fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  it('redacts each declared secret of a logged API input', () => {
    const samples = Object.entries(secretSamples);
    const lines = logLines((log) => {
      for (const [method, input] of samples) log.info({ method, input }, 'admin call');
    });
    const text = JSON.stringify(lines);
    samples.forEach(([method, input], i) => {
      for (const p of contract[method as Method].secret) {
        const secrets = valuesAt(input, p);
        expect(secrets.length, `${method}: ${p}`).toBeGreaterThan(0);
        for (const s of secrets) expect(text, `${method}: ${p}`).not.toContain(String(s));
        expect(valuesAt(lines[i]!.input, p), `${method}: ${p}`).toEqual(secrets.map(() => REDACTED));
      }
    });
  });

  it('redacts declared secret names at any depth and inside arrays, and internal names such as chapPassword', () => {
    const [line] = logLines((log) =>
      log.warn(
        {
          job: { routers: [{ name: 'r1', secret: 'deep-s3cret', api: { apiPassword: 'deep-pw' } }] },
          radius: { attrs: { chapPassword: 'chap-value', userName: '01712345678' } },
          code: 'ROUTER_AUTH_FAILED',
        },
        'sync failed',
      ),
    );
    expect(JSON.stringify(line)).not.toMatch(/deep-s3cret|deep-pw|chap-value/);
    expect(line).toMatchObject({
      job: { routers: [{ name: 'r1', secret: REDACTED, api: { apiPassword: REDACTED } }] },
      radius: { attrs: { chapPassword: REDACTED, userName: '01712345678' } },
      // 'code' outside an API input is an error code, which logs need.
      code: 'ROUTER_AUTH_FAILED',
    });
  });

  it('redacts child logger bindings too', () => {
    const [line] = logLines((log) => log.child({ router: { name: 'r1', secret: 'bound-s3cret' } }).info('hello'));
    expect(line).toMatchObject({ router: { name: 'r1', secret: REDACTED } });
  });

  it('derives its names from the contract: every declared secret name except the log’s own "code"', () => {
    for (const p of contractSecretPaths) {
      const name = p.split('.').pop()!;
      if (name !== 'code') expect(secretLogNames.has(name), p).toBe(true);
    }
    expect(secretLogNames.has('code')).toBe(false);
  });
});
