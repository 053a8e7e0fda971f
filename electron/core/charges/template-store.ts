import type { ChargeTemplate } from '../../../shared/charges';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import {
  builtInTemplates,
  findTemplate as findBuiltIn,
  parseTemplateJson,
  templateToJson,
} from './templates/charge-templates';

/**
 * The templates a vault offers: those Habeas ships, and those the lawyer imported (kept in the
 * encrypted index). An imported template with a shipped template's id replaces it — that is
 * how a lawyer edits one: export, change, import — and deleting it brings the shipped one back.
 */
export function vaultTemplates(vault: UnlockedVault): ChargeTemplate[] {
  const custom = vault.index.data.templates;
  const replaced = new Set(custom.map((t) => t.id));
  return [...builtInTemplates().filter((t) => !replaced.has(t.id)), ...custom];
}

export function customTemplateIds(vault: UnlockedVault): string[] {
  return vault.index.data.templates.map((t) => t.id);
}

export function findVaultTemplate(vault: UnlockedVault, id: string): ChargeTemplate | undefined {
  return vault.index.data.templates.find((t) => t.id === id) ?? findBuiltIn(id);
}

/** Imports a template from untrusted JSON; `replaced` when one of the same id was there. */
export async function importTemplate(
  vault: UnlockedVault,
  json: string,
): Promise<{ template: ChargeTemplate; replaced: boolean }> {
  const template = parseTemplateJson(json);
  const before = vault.index.data.templates;
  const replaced =
    before.some((t) => t.id === template.id) || findBuiltIn(template.id) !== undefined;
  vault.index.data.templates = [...before.filter((t) => t.id !== template.id), template];
  try {
    await vault.index.write();
  } catch (error) {
    vault.index.data.templates = before;
    throw error;
  }
  return { template, replaced };
}

export function exportTemplate(
  vault: UnlockedVault,
  id: string,
): { json: string; fileName: string } {
  const template = findVaultTemplate(vault, id);
  if (template === undefined) throw new HabeasError('NOT_FOUND', 'No such charge template.');
  return { json: templateToJson(template), fileName: `${template.id}.json` };
}

/** Deletes an imported template (a shipped one cannot be deleted, only replaced). */
export async function deleteTemplate(vault: UnlockedVault, id: string): Promise<void> {
  const before = vault.index.data.templates;
  if (!before.some((t) => t.id === id))
    throw new HabeasError('NOT_FOUND', 'No imported template has this id.');
  vault.index.data.templates = before.filter((t) => t.id !== id);
  try {
    await vault.index.write();
  } catch (error) {
    vault.index.data.templates = before;
    throw error;
  }
}
