/**
 * A getter that makes one `T` per key object on first use and hands back the same one after,
 * for as long as the key lives (a WeakMap): the job registries of a session, the search of a
 * vault.
 */
export function oncePer<K extends object, T>(make: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}
