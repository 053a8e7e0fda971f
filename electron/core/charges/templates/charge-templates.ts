import { chargeTemplateSchema, type ChargeTemplate } from '../../../../shared/charges';
import { HabeasError } from '../../habeas-error';
import echr10 from './echr-10.json';
import echr5 from './echr-5.json';
import echr6 from './echr-6.json';
import echr9 from './echr-9.json';
import ruCc2073 from './ru-cc-207.3.json';
import ruCc2803 from './ru-cc-280.3.json';
import ruCc328 from './ru-cc-328.json';
import ruCc332Part21 from './ru-cc-332-2.1.json';
import ruCc332 from './ru-cc-332.json';
import ruCc337 from './ru-cc-337.json';
import ruCc338 from './ru-cc-338.json';
import ruCc339 from './ru-cc-339.json';

/**
 * The charge templates Habeas ships, one JSON file per template (imported statically so the
 * bundler includes them), and the import/export of a lawyer's own template.
 *
 * Art. 332 has two templates: `ru-cc-332` (part 1) and `ru-cc-332-2.1` (the wartime form added
 * in 2022, which also covers refusal to take part in combat), because the period and the
 * refusal are elements a defence must address on their own. The other articles have one
 * template each; the part charged is recorded on the charge.
 */

/** The order lists and pickers show: the Criminal Code first, then the Convention. */
const shipped: readonly unknown[] = [
  ruCc332,
  ruCc332Part21,
  ruCc337,
  ruCc338,
  ruCc328,
  ruCc339,
  ruCc2073,
  ruCc2803,
  echr5,
  echr6,
  echr9,
  echr10,
];

/** A template file a lawyer imports is small text; anything larger is refused before parsing. */
export const maxTemplateBytes = 1024 * 1024;

/** Keys that could reach an object's prototype when the parsed value is later spread or merged. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

function loadBuiltIns(): readonly ChargeTemplate[] {
  const templates = shipped.map((raw, index) => {
    const result = chargeTemplateSchema.safeParse(raw);
    // A shipped template that fails its own schema is a build defect: fail loudly at startup.
    if (!result.success) throw new Error(`Built-in charge template #${index} is invalid.`);
    return result.data;
  });
  const ids = new Set(templates.map((t) => t.id));
  if (ids.size !== templates.length) throw new Error('Built-in charge template ids repeat.');
  return templates;
}

const builtIns = loadBuiltIns();

/** The shipped templates, as copies: a caller may edit one without changing the next caller's. */
export function builtInTemplates(): ChargeTemplate[] {
  return builtIns.map((t) => structuredClone(t));
}

export function findTemplate(id: string): ChargeTemplate | undefined {
  const template = builtIns.find((t) => t.id === id);
  return template === undefined ? undefined : structuredClone(template);
}

function invalid(message: string, details?: Record<string, unknown>): HabeasError {
  return new HabeasError('VALIDATION_FAILED', message, details);
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  return issues
    .slice(0, 10)
    .map((i) => `${i.path.map(String).join('.') || '(template)'}: ${i.message}`);
}

/**
 * A template from a file a lawyer imports: untrusted text. Every failure — too large, not JSON,
 * a key that could pollute a prototype, the wrong shape — is a VALIDATION_FAILED error whose
 * message says what is wrong; nothing else escapes.
 */
export function parseTemplateJson(text: string): ChargeTemplate {
  if (typeof text !== 'string') throw invalid('The template must be text.');
  // The length check first, so an enormous string is not measured byte by byte.
  if (text.length > maxTemplateBytes || Buffer.byteLength(text, 'utf8') > maxTemplateBytes)
    throw invalid('The template file is larger than 1 MB.');
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (forbiddenKeys.has(key)) throw invalid(`The template holds a forbidden key "${key}".`);
      return value;
    });
  } catch (error) {
    if (error instanceof HabeasError) throw error;
    // Not JSON, or nested so deep that parsing ran out of stack.
    throw invalid('The template is not valid JSON.');
  }
  const result = chargeTemplateSchema.safeParse(raw);
  if (!result.success) {
    const issues = describeIssues(result.error.issues);
    throw invalid(`The template is not valid: ${issues[0] ?? 'unknown problem'}`, { issues });
  }
  return result.data;
}

/** A template as pretty JSON for export; what it writes, parseTemplateJson reads back equal. */
export function templateToJson(template: ChargeTemplate): string {
  const result = chargeTemplateSchema.safeParse(template);
  if (!result.success) {
    const issues = describeIssues(result.error.issues);
    throw invalid(`The template is not valid: ${issues[0] ?? 'unknown problem'}`, { issues });
  }
  return `${JSON.stringify(result.data, null, 2)}\n`;
}
