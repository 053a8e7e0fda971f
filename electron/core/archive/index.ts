/**
 * Shareable case archives (issue 7): the format (archive-format.ts), export and import, the
 * contacts archives go to and the vault's sharing identity, and the jobs and uploads that
 * carry archives between core and the renderer.
 */
export { addContact, deleteContact, listContacts, updateContact } from './contacts';
export {
  archiveFileName,
  exportCaseArchive,
  type ArchiveOutcome,
  type ExportOptions,
} from './export-archive';
export { exportJobs } from './export-jobs';
export { fingerprintOf, sharingIdentity } from './identity-card';
export {
  commitImport,
  discardImport,
  passphraseIdentity,
  stageImport,
  type StagedImport,
} from './import-archive';
export { archiveImports } from './import-uploads';
