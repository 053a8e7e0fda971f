import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveVaultDir } from '../../electron/core/vault/vault-location';

describe('where the vault lives', () => {
  it.each([
    ['linux', {}, join('/home/a', '.local', 'share', 'habeas')],
    ['linux', { XDG_DATA_HOME: '/data' }, join('/data', 'habeas')],
    ['linux', { XDG_DATA_HOME: '' }, join('/home/a', '.local', 'share', 'habeas')],
    ['darwin', {}, join('/home/a', 'Library', 'Application Support', 'Habeas')],
    [
      'win32',
      { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' },
      join('C:\\Users\\a\\AppData\\Roaming', 'Habeas'),
    ],
  ] as const)('on %s with %j uses %s', (platform, env, expected) => {
    expect(defaultDataDir(platform, env, '/home/a')).toBe(expected);
  });

  it('prefers HABEAS_VAULT, ignoring an empty one', () => {
    expect(resolveVaultDir({ HABEAS_VAULT: '/v' }, '/data')).toBe('/v');
    expect(resolveVaultDir({ HABEAS_VAULT: '' }, '/data')).toBe(join('/data', 'vault'));
    expect(resolveVaultDir({}, '/data')).toBe(join('/data', 'vault'));
    expect(resolveVaultDir({}, '/data', '/chosen')).toBe('/chosen');
    expect(resolveVaultDir({ HABEAS_VAULT: '/v' }, '/data', '/chosen')).toBe('/v');
  });
});
