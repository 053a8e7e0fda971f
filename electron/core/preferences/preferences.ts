import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../vault/atomic-write';

/**
 * Preferences, never secrets: where the vault is and when it locks itself. Electron keeps them
 * with electron-store (electron/main); browser mode and the CLI in a JSON file of the data folder.
 */
export const preferencesSchema = z.object({
  vaultDir: z.string().min(1).max(4096).optional(),
  autoLockMinutes: z.number().int().min(0).max(480).default(10),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export type PreferencesStore = {
  read(): Promise<Preferences>;
  update(patch: Partial<Preferences>): Promise<Preferences>;
};

export const defaultPreferences: Preferences = preferencesSchema.parse({});

/** A damaged or foreign preferences file falls back to the defaults rather than stopping the app. */
export function parsePreferences(raw: unknown): Preferences {
  const parsed = preferencesSchema.safeParse(raw);
  return parsed.success ? parsed.data : defaultPreferences;
}

export class JsonPreferencesFile implements PreferencesStore {
  constructor(private readonly path: string) {}

  async read(): Promise<Preferences> {
    try {
      return parsePreferences(JSON.parse(await readFile(this.path, 'utf8')));
    } catch {
      return defaultPreferences;
    }
  }

  async update(patch: Partial<Preferences>): Promise<Preferences> {
    const next = preferencesSchema.parse({ ...(await this.read()), ...patch });
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.path, Buffer.from(`${JSON.stringify(next, null, 2)}\n`));
    return next;
  }
}

/** Preferences held in memory only, for tests and one-shot CLI runs. */
export class MemoryPreferences implements PreferencesStore {
  private value: Preferences;

  constructor(initial: Partial<Preferences> = {}) {
    this.value = preferencesSchema.parse(initial);
  }

  read(): Promise<Preferences> {
    return Promise.resolve(this.value);
  }

  update(patch: Partial<Preferences>): Promise<Preferences> {
    this.value = preferencesSchema.parse({ ...this.value, ...patch });
    return Promise.resolve(this.value);
  }
}
