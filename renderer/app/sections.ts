/**
 * The areas of the app, in sidebar order. Their labels live in i18n under nav.<id>. All but
 * cases work on the current case, picked on the Cases screen.
 */
export const sectionIds = [
  'cases',
  'evidence',
  'charges',
  'persons',
  'chronology',
  'dossier',
  'sharing',
] as const;
export type SectionId = (typeof sectionIds)[number];
