/**
 * Hand-made tars for the hostile-archive tests: any name, type, declared size and link, with
 * a correct checksum unless told otherwise, so that each test breaks exactly one rule.
 */
export type ForgedEntry = {
  readonly name: string;
  readonly data?: Buffer;
  /** ustar type flag: '0' file, '1' hard link, '2' symlink, '3' char device, '5' directory… */
  readonly type?: string;
  /** The size the header declares; the data's length unless given. */
  readonly declaredSize?: number;
  readonly linkname?: string;
  readonly badChecksum?: boolean;
};

export function forgeHeader(entry: ForgedEntry): Buffer {
  const header = Buffer.alloc(512);
  const data = entry.data ?? Buffer.alloc(0);
  header.write(entry.name, 0, 100, 'utf8');
  header.write('0000644\0', 100, 'ascii');
  header.write('0000000\0', 108, 'ascii');
  header.write('0000000\0', 116, 'ascii');
  header.write(
    `${(entry.declaredSize ?? data.length).toString(8).padStart(11, '0')}\0`,
    124,
    'ascii',
  );
  header.write('00000000000\0', 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write(entry.type ?? '0', 156, 'ascii');
  header.write(entry.linkname ?? '', 157, 100, 'utf8');
  header.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  if (entry.badChecksum === true) sum += 1;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/** The entries as a tar, data padded to 512, and the two end blocks unless `end` is false. */
export function forgeTar(entries: readonly ForgedEntry[], end = true): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0);
    parts.push(forgeHeader(entry), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  if (end) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}
