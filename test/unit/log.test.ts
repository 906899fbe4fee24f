import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../src-main/log';
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
