import Store from 'electron-store';
import {
  parsePreferences,
  preferencesSchema,
  type Preferences,
  type PreferencesStore,
} from '../core/preferences/preferences';

/** The desktop app's preferences, in electron-store's JSON file of the user-data folder. */
export class ElectronPreferences implements PreferencesStore {
  private readonly store = new Store<Record<string, unknown>>({ name: 'preferences' });

  read(): Promise<Preferences> {
    return Promise.resolve(parsePreferences(this.store.store));
  }

  update(patch: Partial<Preferences>): Promise<Preferences> {
    const next = preferencesSchema.parse({ ...parsePreferences(this.store.store), ...patch });
    this.store.store = next;
    return Promise.resolve(next);
  }
}
