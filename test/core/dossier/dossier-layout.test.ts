import { PDFDocument, PDFFont, degrees, StandardFonts } from '@cantoo/pdf-lib';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dossierRequestSchema, type DossierRequestInput } from '../../../shared/dossier';
import type { EvidenceRecord } from '../../../shared/evidence';
import type { CaseFile } from '../../../electron/core/cases/case-file';
import { buildDossier } from '../../../electron/core/dossier/build';
import { dossierContent } from '../../../electron/core/dossier/content';
import { pseudonymiser } from '../../../electron/core/dossier/disclosure';
import { loadFontBytes } from '../../../electron/core/dossier/font-files';
import { embedFonts } from '../../../electron/core/dossier/fonts';
import { copyStreamsWhole } from '../../../electron/core/dossier/stream-copy';
import { dossierFileNames } from '../../../electron/core/dossier/profiles';
import { romanise } from '../../../electron/core/cases/romanisation';
import { readPdf } from './pdf-read';

const now = '2026-11-21T10:00:00.000Z';

function pdfItem(title: string, bytes: Uint8Array): EvidenceRecord {
  return {
    id: randomUUID(),
    kind: 'document',
    title,
    file: {
      blobId: 'a'.repeat(26),
      name: `${title}.pdf`,
      mimeType: 'application/pdf',
      size: bytes.length,
      sha256: 'b'.repeat(64),
    },
    credibility: 6,
    tags: [],
    personIds: [],
    derivedFrom: [],
    metadata: {},
    intakeNotes: [],
    moments: [],
    stills: [],
    addedAt: now,
    updatedAt: now,
  };
}

function caseOf(evidence: EvidenceRecord[]): CaseFile {
  return {
    version: 1,
    case: {
      id: randomUUID(),
      title: 'Дело Дегтярёва',
      clients: ['Degtyaryov'],
      status: 'open',
      createdAt: now,
      updatedAt: now,
    },
    evidence,
    persons: [],
    sources: [],
    charges: [],
    links: [],
    events: [],
    dossiers: [],
    custody: [],
  };
}

/** A PDF whose pages are turned and cropped the ways scans and exports are. */
async function awkwardPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [rotation, crop] of [
    [90, undefined],
    [180, undefined],
    [270, undefined],
    [0, [100, 150, 300, 400]],
  ] as const) {
    const page = doc.addPage([595, 842]);
    page.drawText(`rotated ${String(rotation)}`, { x: 120, y: 500, size: 14, font });
    page.setRotation(degrees(rotation));
    if (crop !== undefined) page.setCropBox(...crop);
  }
  return doc.save();
}

async function sizedPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i += 1)
    doc.addPage([595, 842]).drawText(`page ${String(i + 1)}`, { x: 60, y: 700, size: 12, font });
  return doc.save();
}

async function build(
  data: CaseFile,
  request: Omit<DossierRequestInput, 'caseId'>,
  bytes: Map<string, Uint8Array>,
  options: { cap?: { bytes: number; estimate: number }; signal?: AbortSignal } = {},
) {
  const content = dossierContent(
    data,
    dossierRequestSchema.parse({ caseId: data.case.id, ...request }),
    '2026-11-21',
  );
  return buildDossier(
    content,
    await loadFontBytes(),
    (exhibit) => {
      const found = bytes.get(exhibit.item.id);
      return Promise.resolve(found === undefined ? {} : { bytes: found });
    },
    { verifiedAt: '2026-11-21 10:00 UTC', ...options },
  );
}

describe('stamps on awkward pages', () => {
  it('puts the Bates number at the visible foot, right, of turned and cropped pages', async () => {
    const item = pdfItem('Scan', await awkwardPdf());
    const result = await build(
      caseOf([item]),
      { filingTitle: 'Stamps' },
      new Map([[item.id, await awkwardPdf()]]),
    );
    const read = await readPdf(result.volumes[0]?.bytes ?? new Uint8Array());
    const scanned = read.pages.filter((p) => p.text.includes('rotated'));
    expect(scanned).toHaveLength(4);
    for (const page of scanned) {
      const bates = page.items.find((i) => /^HAB\d{6}$/.test(i.str));
      expect(bates, page.text).toBeDefined();
      // Viewport coordinates: y grows downwards, so the foot is near the height.
      expect(bates?.y ?? 0).toBeGreaterThan(page.height * 0.85);
      expect(bates?.x ?? 0).toBeGreaterThan(page.width * 0.5);
    }
  });
});

describe('ECHR volumes', () => {
  it('splits into parts, Bates numbers running on and page numbers starting at 1 in each', async () => {
    const items = await Promise.all(
      Array.from({ length: 30 }, (_, i) => i + 1).map(async (n) => ({
        item: pdfItem(`Exhibit file ${String(n)}`, new Uint8Array()),
        bytes: await sizedPdf(3),
      })),
    );
    const result = await build(
      caseOf(items.map((i) => i.item)),
      { filingTitle: 'Application', profile: 'echr' },
      new Map(items.map((i) => [i.item.id, i.bytes])),
      { cap: { bytes: 50_000_000, estimate: 35_000 } },
    );
    expect(result.volumes.length).toBeGreaterThanOrEqual(2);
    let next = 1;
    for (const volume of result.volumes) {
      const read = await readPdf(volume.bytes);
      read.pages.forEach((page, i) => {
        expect(page.text).toContain(`HAB${String(next).padStart(6, '0')}`);
        expect(page.items.some((item) => item.str === String(i + 1))).toBe(true);
        next += 1;
      });
    }
    const first = await readPdf(result.volumes[0]?.bytes ?? new Uint8Array());
    const text = first.pages.map((p) => p.text).join(' ');
    expect(text).toContain('Part 2, p.');
    expect(text).toContain('Part 30, p.');
    expect(text).not.toContain('p. Part');
    const contents = first.pages.find((p) => p.text.startsWith('Contents'))?.text ?? '';
    expect(contents.match(/Exhibits\b/g)).toHaveLength(1);
    const names = dossierFileNames('echr', 'Дело Дегтярёва', result.volumes.length, (t) =>
      romanise(t, 'bgn-pcgn'),
    );
    expect(names[0]).toMatch(/^[\x20-\x7e]+ - Part 1\.pdf$/);
    expect(names[0]).toContain('Degty');
  });

  it('refuses a volume over the limit before anything is written', async () => {
    const item = pdfItem('Large', new Uint8Array());
    await expect(
      build(
        caseOf([item]),
        { filingTitle: 'Application', profile: 'echr' },
        new Map([[item.id, await sizedPdf(2)]]),
        {
          cap: { bytes: 1_000, estimate: 500 },
        },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { check: 'volume-size' } });
  });
});

describe('a UK bundle', () => {
  it('links every row of the index to its exhibit', async () => {
    const items = await Promise.all(
      [1, 2].map(async (n) => ({
        item: pdfItem(`Doc ${String(n)}`, new Uint8Array()),
        bytes: await sizedPdf(2),
      })),
    );
    const result = await build(
      caseOf(items.map((i) => i.item)),
      { filingTitle: 'Bundle', profile: 'uk-bundle' },
      new Map(items.map((i) => [i.item.id, i.bytes])),
    );
    const read = await readPdf(result.volumes[0]?.bytes ?? new Uint8Array());
    const index = read.pages.findIndex(
      (p) => p.text.includes('Exhibit index') && p.text.includes('SHA-256'),
    );
    expect(index).toBeGreaterThan(0);
    expect(read.links[index]).toBe(2);
    expect(read.outline.filter((t) => /^Exhibit \d+:/.test(t))).toHaveLength(2);
  });

  it('stops when cancelled', async () => {
    const item = pdfItem('Doc', new Uint8Array());
    const controller = new AbortController();
    controller.abort();
    await expect(
      build(caseOf([item]), { filingTitle: 'Bundle' }, new Map([[item.id, await sizedPdf(1)]]), {
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('a translated statement', () => {
  it('runs original and translation side by side over several pages, losing no line', async () => {
    const original = Array.from(
      { length: 120 },
      (_, i) => `Абзац ${String(i + 1)}: я видела, как его задержали у ворот части.`,
    );
    const english = Array.from(
      { length: 120 },
      (_, i) => `Paragraph ${String(i + 1)}: I saw them detain him at the gates.`,
    );
    const item: EvidenceRecord = {
      ...pdfItem('Statement', new Uint8Array()),
      kind: 'statement',
      statement: { text: original.join('\n') },
      translation: { language: 'en', text: english.join('\n'), method: 'human', updatedAt: now },
    };
    delete (item as { file?: unknown }).file;
    const result = await build(caseOf([item]), { filingTitle: 'Statement' }, new Map());
    const read = await readPdf(result.volumes[0]?.bytes ?? new Uint8Array());
    const pages = read.pages.filter((p) => p.text.includes('Paragraph'));
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.map((p) => p.text).join(' ');
    for (const n of [1, 60, 120]) {
      expect(all).toContain(`Абзац ${String(n)}:`);
      expect(all).toContain(`Paragraph ${String(n)}:`);
    }
    // Beside each other: a paragraph and its translation start on the same line of the page.
    const page = pages[1];
    const left = page?.items.find((i) => i.str.startsWith('Абзац'));
    const right = page?.items.find((i) =>
      i.str.startsWith(`Paragraph ${left?.str.split(/[ :]/)[1] ?? ''}:`),
    );
    expect(right?.y).toBeCloseTo(left?.y ?? -1, 0);
    expect(right?.x ?? 0).toBeGreaterThan((left?.x ?? 0) + 150);
  });
});

describe('the pseudonymiser', () => {
  const replace = pseudonymiser([
    {
      id: randomUUID(),
      displayName: 'Мария Соколова',
      variants: [{ text: 'Maria Sokolova', origin: 'manual', script: 'latin' }],
      role: 'witness',
      protected: true,
      pseudonym: 'Свидетель А',
      createdAt: now,
      updatedAt: now,
    },
  ]);

  it('replaces every form of the name, in either script, and nothing else', () => {
    expect(replace('Марии Соколовой не было, сказала Соколова.')).toBe(
      'Свидетель А не было, сказала Свидетель А.',
    );
    // Spellings never registered, a Latin case ending, and a name split by an invisible space.
    expect(replace('Sakolova? No: Sokolovoy, Sokolova, Соко\u200bлова.')).toBe(
      'Sakolova? No: Свидетель А, Свидетель А, Свидетель А.',
    );
    expect(replace('Maria Sokolova said so.')).toBe('Свидетель А said so.');
    expect(replace('Соколовская улица, Мариуполь')).toBe('Соколовская улица, Мариуполь');
  });
});

describe('text shaped once per character', () => {
  it('encodes printable ASCII exactly as shaping the whole string does, in every font', async () => {
    const fontBytes = await loadFontBytes();
    // Ligature-prone letters, digits and punctuation, as in stamps, titles and notes.
    const alphabet =
      'fiflffjtTAVWY0123456789 .,:;-/()"\'!?&%abcdeghkmnopqrsuvwxyzBCDEFGHIJKLMNOPQRSUXZ';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const samples = [
      'HAB000123',
      'Exhibit 12',
      'office affluent fjord "quoted"',
      ...Array.from({ length: 1500 }, () =>
        Array.from(
          { length: 1 + Math.floor(random() * 12) },
          () => alphabet[Math.floor(random() * alphabet.length)],
        ).join(''),
      ),
    ];
    const doc = await PDFDocument.create();
    const fonts = await embedFonts(doc, fontBytes);
    for (const key of ['regular', 'bold', 'italic', 'mono'] as const) {
      for (const text of samples) {
        // pdf-lib's own encodeText, on the same font: a glyph keeps its subset id once seen.
        const whole = PDFFont.prototype.encodeText.call(fonts[key], text).asString();
        expect(fonts[key].encodeText(text).asString(), `${key}: ${text}`).toBe(whole);
      }
    }
  });
});

describe('streams copied whole into the saved file', () => {
  it('writes the same bytes as pdf-lib’s own byte-by-byte copy', async () => {
    const save = async (whole: boolean) => {
      copyStreamsWhole(whole);
      const doc = await PDFDocument.create({ updateMetadata: false });
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const page = doc.addPage([300, 200]);
      page.drawText('Protocol 7, sheet 1', { x: 20, y: 150, size: 12, font });
      page.drawRectangle({ x: 20, y: 20, width: 100, height: 50, borderWidth: 1 });
      const raw = doc.context.stream(new Uint8Array(70_000).map((_, i) => i % 251));
      doc.context.register(raw);
      return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
    };
    try {
      const ours = await save(true);
      const theirs = await save(false);
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
      expect(ours.length).toBeGreaterThan(70_000);
    } finally {
      copyStreamsWhole(true);
    }
  });
});
