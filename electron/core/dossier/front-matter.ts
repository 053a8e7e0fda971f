import type { PDFPage } from '@cantoo/pdf-lib';
import type { DossierContent, Exhibit } from './content';
import { grey, textWidth, type Placement, type Typesetter } from './typesetter';

/**
 * The dossier's own pages: cover, contents, the charges and their elements, the chronology,
 * the exhibit index, and the appendix with the certificate. Each section that the contents
 * and the bookmarks name is returned as a mark.
 */
export type Mark = {
  readonly title: string;
  readonly level: 1 | 2;
  readonly page: PDFPage;
  /** For an exhibit's mark: its number, so that the index can link to it. */
  readonly exhibit?: number;
};

function mark(title: string, level: 1 | 2, placement: Placement | undefined): Mark[] {
  return placement === undefined ? [] : [{ title, level, page: placement.page }];
}

export function writeCover(ts: Typesetter, content: DossierContent): Mark[] {
  const { labels } = content;
  ts.newPage();
  ts.space(120);
  const placed = ts.text(content.request.filingTitle, { font: 'bold', size: 22, after: 14 });
  ts.text(content.caseTitle, { size: 15, after: 28 });
  ts.fields(content.caption, 140);
  ts.space(20);
  ts.fields([[labels.date, content.date]], 140);
  ts.space(240);
  ts.text(labels.preparedBy, { font: 'italic', size: 9, color: grey });
  return mark(content.request.filingTitle, 1, placed[0]);
}

/** One line of the contents: where a section or exhibit starts, e.g. "12" or "Part 2, p. 5". */
export type ContentsEntry = {
  readonly title: string;
  readonly level: 1 | 2;
  readonly where: string;
};

export function writeContents(
  ts: Typesetter,
  content: DossierContent,
  entries: readonly ContentsEntry[],
): (Placement | undefined)[] {
  ts.heading(content.labels.contents, 1);
  return entries.map((entry) =>
    ts.row([
      {
        text: `${entry.level === 2 ? '    ' : ''}${entry.title}`,
        width: textWidth - 90,
        font: entry.level === 1 ? 'bold' : 'regular',
        size: 10,
      },
      { text: entry.where, width: 90, size: 10 },
    ]),
  );
}

export function writeCharges(ts: Typesetter, content: DossierContent): Mark[] {
  const { labels } = content;
  const marks = mark(labels.charges, 1, ts.heading(labels.charges, 1));
  for (const charge of content.charges) {
    marks.push(...mark(charge.heading, 2, ts.heading(charge.heading, 2)));
    ts.fields([
      [labels.statute, charge.statute],
      [labels.dateCharged, charge.dateCharged],
      [labels.status, charge.status],
    ]);
    charge.elements.forEach((element, index) => {
      ts.space(4);
      ts.text(`${labels.element} ${String(index + 1)}. ${element.text}`, {
        font: 'bold',
        size: 10.5,
        after: 2,
      });
      const status = labels.statuses[element.status];
      ts.text(
        `${labels.status}: ${status}${
          element.override === undefined ? '' : ` (${labels.overridden}: ${element.override})`
        }`,
        { font: 'italic', size: 9.5, indent: 14, after: 3 },
      );
      if (element.gap) ts.text(labels.gap, { font: 'bold', size: 9.5, indent: 14, after: 3 });
      if (element.links.length === 0) ts.text(labels.noLinks, { size: 9.5, indent: 14 });
      for (const stance of ['defence', 'prosecution', 'contradicts', 'context'] as const) {
        const links = element.links.filter((l) => l.stance === stance);
        if (links.length === 0) continue;
        ts.text(labels.stances[stance], { font: 'bold', size: 9.5, indent: 14, after: 1 });
        for (const link of links) {
          const exhibit =
            link.exhibit === undefined
              ? link.title
              : `${labels.exhibit} ${String(link.exhibit)} (${link.title})`;
          const where = link.pinpoint === undefined ? '' : `, ${link.pinpoint}`;
          const note = link.note === undefined ? '' : ` — ${link.note}`;
          ts.text(`• ${exhibit}${where}${note}`, { size: 9.5, indent: 28, after: 1 });
        }
      }
    });
  }
  return marks;
}

export function writeChronology(ts: Typesetter, content: DossierContent): Mark[] {
  const { labels } = content;
  const marks = mark(labels.chronology, 1, ts.heading(labels.chronology, 1));
  if (content.events.length === 0) ts.text(labels.noEvents);
  for (const event of content.events) {
    const refs = [
      event.exhibits.length === 0
        ? ''
        : `${labels.sources}: ${event.exhibits.map((n) => `${labels.exhibit} ${String(n)}`).join(', ')}`,
      event.persons.length === 0 ? '' : `${labels.persons}: ${event.persons.join(', ')}`,
      event.conflict === undefined ? '' : `⚠ ${labels.conflict}: ${event.conflict}`,
    ].filter((s) => s !== '');
    ts.row(
      [
        { text: `${event.date}\n(${event.precision})`, width: 100, font: 'mono', size: 8.5 },
        { text: [event.text, ...refs].join('\n'), width: textWidth - 100, size: 9.5 },
      ],
      { rule: true },
    );
  }
  return marks;
}

/** Where an exhibit ended up, as the index prints it. */
export type IndexPlace = { readonly where: string; readonly bates: string };

export function writeIndex(
  ts: Typesetter,
  content: DossierContent,
  places: ReadonlyMap<number, IndexPlace>,
): Map<number, Placement> {
  const { labels } = content;
  ts.heading(labels.index, 1);
  const widths = [30, 140, 68, 62, 66, textWidth - 366];
  const header = [
    labels.number,
    labels.title,
    labels.kind,
    labels.date,
    labels.source,
    labels.pages,
  ];
  ts.row(
    header.map((text, i) => ({ text, width: widths[i] ?? 0, font: 'bold' as const, size: 8.5 })),
    { rule: true },
  );
  const rows = new Map<number, Placement>();
  for (const exhibit of content.exhibits) {
    const place = places.get(exhibit.number);
    const placed = ts.row(indexCells(content, exhibit, place, widths));
    if (placed !== undefined) rows.set(exhibit.number, placed);
    ts.row(
      [
        { text: '', width: widths[0] ?? 0 },
        {
          text: `SHA-256 ${exhibit.item.file?.sha256 ?? labels.noFile}`,
          width: 400,
          font: 'mono',
          size: 6.5,
          color: grey,
        },
      ],
      { rule: true },
    );
  }
  if (content.withheld.length > 0) {
    ts.space(10);
    ts.text(labels.withheld, { font: 'bold', size: 11 });
    content.withheld.forEach((item, i) =>
      ts.text(
        `W${String(i + 1)}. ${labels.withheldItem}: ${item.kind}${item.date === undefined ? '' : `, ${item.date}`}`,
        { size: 9.5, after: 1 },
      ),
    );
  }
  return rows;
}

function indexCells(
  content: DossierContent,
  exhibit: Exhibit,
  place: IndexPlace | undefined,
  widths: readonly number[],
) {
  const values = [
    String(exhibit.number),
    exhibit.title,
    content.labels.kinds[exhibit.item.kind],
    exhibit.date ?? '',
    exhibit.source ?? '',
    place === undefined ? '' : `${place.where}\n${place.bates}`,
  ];
  return values.map((text, i) => ({
    text,
    width: widths[i] ?? 0,
    size: 8.5,
    font: i === 5 ? ('mono' as const) : ('regular' as const),
  }));
}

export function writeAppendix(
  ts: Typesetter,
  content: DossierContent,
  failed: ReadonlySet<number>,
  verifiedAt: string,
): Mark[] {
  const { labels } = content;
  const marks = mark(labels.appendix, 1, ts.heading(labels.appendix, 1));
  const widths = [40, 150, 60, textWidth - 250];
  ts.row(
    [labels.exhibit, labels.file, labels.size, 'SHA-256'].map((text, i) => ({
      text,
      width: widths[i] ?? 0,
      font: 'bold' as const,
      size: 8.5,
    })),
    { rule: true },
  );
  for (const exhibit of content.exhibits) {
    const file = exhibit.item.file;
    ts.row(
      [
        { text: String(exhibit.number), width: widths[0] ?? 0, size: 8.5 },
        {
          text: file === undefined ? labels.noFile : content.disclose(file.name),
          width: widths[1] ?? 0,
          size: 8.5,
        },
        { text: file === undefined ? '' : String(file.size), width: widths[2] ?? 0, size: 8.5 },
        { text: file?.sha256 ?? '', width: widths[3] ?? 0, font: 'mono', size: 7 },
      ],
      { rule: true },
    );
  }
  ts.space(8);
  ts.fields([
    [labels.custodyHead, content.custody.head],
    [labels.custodyEntries, String(content.custody.entries)],
  ]);
  ts.text(content.custody.ok ? labels.custodyVerified : labels.custodyBroken, { size: 9.5 });

  marks.push(...mark(labels.certificate, 1, ts.heading(labels.certificate, 1)));
  const withFiles = content.exhibits.filter((e) => e.item.file !== undefined);
  ts.text(labels.certificateText(verifiedAt, withFiles.length), { size: 11, after: 8 });
  ts.text(
    failed.size === 0
      ? labels.certificateAllMatch
      : labels.certificateMismatch(
          [...failed].map((n) => `${labels.exhibit} ${String(n)}`).join(', '),
        ),
    { size: 11, after: 8 },
  );
  ts.text(content.custody.ok ? labels.custodyVerified : labels.custodyBroken, {
    size: 11,
    after: 8,
  });
  ts.fields([[labels.custodyHead, content.custody.head]]);
  ts.space(6);
  ts.text(labels.certificateHow, { size: 10, color: grey });
  return marks;
}
