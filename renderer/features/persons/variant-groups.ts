import {
  generatedVariantOrigins as generatedOrigins,
  writtenVariantOrigins as writtenOrigins,
  type NameVariant,
  type PersonRecord,
} from '../../../shared/evidence';

export { generatedOrigins, writtenOrigins };

type WrittenOrigin = (typeof writtenOrigins)[number];
type GeneratedOrigin = (typeof generatedOrigins)[number];

export type VariantGroups = {
  /** Typed or printed spellings, each text once, with every way it came in. */
  readonly written: readonly { text: string; origins: WrittenOrigin[] }[];
  /** Generated spellings by system, in the order of generatedOrigins; empty systems left out. */
  readonly generated: readonly { origin: GeneratedOrigin; texts: string[] }[];
};

function isWritten(origin: NameVariant['origin']): origin is WrittenOrigin {
  return (writtenOrigins as readonly string[]).includes(origin);
}

export function groupVariants(variants: readonly NameVariant[]): VariantGroups {
  const written = new Map<string, WrittenOrigin[]>();
  const generated = new Map<GeneratedOrigin, string[]>();
  for (const { text, origin } of variants) {
    if (isWritten(origin)) {
      const origins = written.get(text) ?? [];
      if (!origins.includes(origin)) origins.push(origin);
      written.set(text, origins);
    } else {
      const texts = generated.get(origin) ?? [];
      if (!texts.includes(text)) texts.push(text);
      generated.set(origin, texts);
    }
  }
  return {
    written: [...written].map(([text, origins]) => ({ text, origins })),
    generated: generatedOrigins.flatMap((origin) => {
      const texts = generated.get(origin);
      return texts === undefined ? [] : [{ origin, texts }];
    }),
  };
}

/** Every distinct spelling of a person, the typed and printed ones first. */
export function distinctSpellings(variants: readonly NameVariant[]): string[] {
  const groups = groupVariants(variants);
  return [
    ...new Set([...groups.written.map((w) => w.text), ...groups.generated.flatMap((g) => g.texts)]),
  ];
}

/** A rough fold to preview a merge (core decides with its own matching): case and ё. */
function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** How many of `merged`'s spellings `kept` does not have yet. */
export function newSpellingCount(kept: PersonRecord, merged: PersonRecord): number {
  const known = new Set([kept.displayName, ...kept.variants.map((v) => v.text)].map(fold));
  const incoming = new Set([merged.displayName, ...merged.variants.map((v) => v.text)].map(fold));
  return [...incoming].filter((text) => !known.has(text)).length;
}
