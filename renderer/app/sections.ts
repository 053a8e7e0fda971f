/** The areas of the app, in sidebar order. Their labels live in i18n under nav.<id>. */
export const sectionIds = [
  'cases',
  'evidence',
  'charges',
  'chronology',
  'dossier',
  'sharing',
] as const;
export type SectionId = (typeof sectionIds)[number];
