/**
 * Names of the entries of an archive's tar, checked before anything is done with them. Import
 * never makes a path on disk from a name (files are stored as blobs with fresh ids), but a name
 * that could escape a folder is refused all the same: the same archive is opened with `tar x`.
 *
 * A name is relative, '/'-separated, in UTF-8, with no empty, "." or ".." segment, no
 * backslash, no control character and no drive letter. One leading "./" (as `tar c .` writes
 * it) is dropped first.
 */

export const maxEntryNameLength = 400;

export type EntryNameVerdict =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly reason: string };

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** Checks a tar entry's name; a directory's may end with one "/", which is dropped. */
export function checkEntryName(raw: string, directory = false): EntryNameVerdict {
  let name = raw.startsWith('./') ? raw.slice(2) : raw;
  if (directory && name.endsWith('/')) name = name.slice(0, -1);
  if (name === '') return refuse('an empty name');
  if (name.length > maxEntryNameLength) return refuse('a name that is too long');
  if (controlCharacter.test(name)) return refuse('a control character in a name');
  if (name.includes('\\')) return refuse('a backslash in a name');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return refuse('an absolute path');
  for (const segment of name.split('/')) {
    if (segment === '') return refuse('an empty path segment');
    if (segment === '.' || segment === '..') return refuse('a "." or ".." path segment');
  }
  return { ok: true, name };
}

function refuse(reason: string): EntryNameVerdict {
  return { ok: false, reason };
}

/** Characters no common file system takes in a name, and the separators that would split it. */
// eslint-disable-next-line no-control-regex -- control characters are replaced too
const unsafeInName = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/g;
/** Bytes, not characters: file systems count a name's UTF-8 bytes (255 on most). */
const maxNameBytes = 200;

/**
 * An original file's name made safe as the last segment of an entry name, so that `tar x`
 * gives the lawyer back the name they took in: unsafe characters become "_", leading dots and
 * trailing dots and spaces go, and a long name keeps its extension. Never empty.
 */
export function safeFileName(original: string): string {
  let name = original.normalize('NFC').replace(unsafeInName, '_').trim();
  name = name.replace(/^\.+/, '').replace(/[. ]+$/, '');
  if (Buffer.byteLength(name, 'utf8') > maxNameBytes) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    const stem = [...name.slice(0, name.length - extension.length)];
    const room = maxNameBytes - Buffer.byteLength(extension, 'utf8');
    // Whole characters only: a name cut inside one would not be UTF-8.
    while (Buffer.byteLength(stem.join(''), 'utf8') > room) stem.pop();
    name = `${stem.join('').trimEnd()}${extension}`;
  }
  return name === '' ? 'file' : name;
}
