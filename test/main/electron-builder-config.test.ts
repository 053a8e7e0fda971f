import { Ajv } from 'ajv';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

describe('electron-builder.yml', () => {
  it('builds for Linux, Windows and macOS with the security fuses flipped', async () => {
    const config = parse(
      await readFile(new URL('../../electron-builder.yml', import.meta.url), 'utf8'),
    ) as {
      asar: boolean;
      electronFuses: Record<string, boolean>;
      linux: { target: string[] };
      win: { target: string[] };
      mac: { target: string[] };
    };
    const schema = JSON.parse(
      await readFile(
        new URL('../../node_modules/app-builder-lib/scheme.json', import.meta.url),
        'utf8',
      ),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });
});
