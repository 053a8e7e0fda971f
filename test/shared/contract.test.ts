import { describe, expect, it } from 'vitest';
import { handlers } from '../../electron/core/api';
import { channelNames } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { resultSchema } from '../../shared/result';
import { appInfoSchema } from '../../shared/domain';

describe('the contract', () => {
  it('defines and implements exactly the listed channels', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('parses both shapes of a Result and refuses an error code outside the closed set', () => {
    const schema = resultSchema(appInfoSchema);
    const info = { version: '1.0.0', platform: 'linux', transport: 'cli', vaultState: 'absent' };
    expect(schema.safeParse({ ok: true, value: info }).success).toBe(true);
    for (const code of errorCodes) {
      expect(schema.safeParse({ ok: false, error: { code, message: 'x' } }).success).toBe(true);
    }
    expect(schema.safeParse({ ok: false, error: { code: 'EVIL', message: 'x' } }).success).toBe(
      false,
    );
    expect(
      schema.safeParse({ ok: true, value: { ...info, transport: 'carrier-pigeon' } }).success,
    ).toBe(false);
    expect(schema.safeParse({ ok: 'yes' }).success).toBe(false);
  });
});
