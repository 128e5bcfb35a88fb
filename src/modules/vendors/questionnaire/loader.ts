import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/tenant';
import { contentDir } from '../../../paths';
import { frameworks, implementationGroups, questions, requirementNodes } from '../../library/schema';
import { vendorQuestionnaireGroupRules, vendorQuestionnaireTemplates } from '../questionnaire-schema';
import { parseQuestionnaire, type FrameworkDefinition } from './definition';

export const NATIONAL_QUESTIONNAIRE_FILE = join(contentDir, 'vendors', 'questionnaire.yaml');

/**
 * Loads a vendor questionnaire into the library tables (frameworks, requirement_nodes, questions) and registers
 * it as a questionnaire template. Idempotent and keyed on the framework's URN and version, like the library:
 * when the library's own seeder has loaded the same file already, only the template is registered.
 */
export async function loadQuestionnaire(tx: Tx, definition: FrameworkDefinition): Promise<{ templateId: string; frameworkId: string; created: boolean }> {
  let [framework] = await tx
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.urn, definition.urn), eq(frameworks.version, definition.version)));
  const created = !framework;
  if (!framework) framework = await insertFramework(tx, definition);
  const [existing] = await tx.select().from(vendorQuestionnaireTemplates).where(eq(vendorQuestionnaireTemplates.frameworkId, framework.id));
  const template =
    existing ??
    (await tx.insert(vendorQuestionnaireTemplates).values({ frameworkId: framework.id, frameworkUrn: definition.urn, name: definition.name }).returning())[0]!;
  for (const group of definition.groups) {
    if (!group.appliesIf) continue;
    await tx
      .insert(vendorQuestionnaireGroupRules)
      .values({ templateId: template.id, groupRef: group.refId, questionUrn: group.appliesIf.question, answers: group.appliesIf.answers })
      .onConflictDoNothing();
  }
  return { templateId: template.id, frameworkId: framework.id, created };
}

async function insertFramework(tx: Tx, definition: FrameworkDefinition): Promise<{ id: string }> {
  const [framework] = await tx
    .insert(frameworks)
    .values({
      urn: definition.urn,
      libraryUrn: definition.libraryUrn,
      refId: definition.refId,
      name: definition.name,
      nameEn: definition.nameEn,
      description: definition.description,
      provider: definition.provider,
      copyright: definition.copyright,
      notes: definition.notes,
      locale: definition.locale,
      version: definition.version,
      origin: definition.origin,
    })
    .returning({ id: frameworks.id });
  if (definition.groups.length) {
    await tx.insert(implementationGroups).values(
      definition.groups.map((g) => ({ frameworkId: framework!.id, refId: g.refId, name: g.name, description: g.description })),
    );
  }
  const nodeRows = definition.nodes.map((node, position) => ({
    frameworkId: framework!.id,
    urn: node.urn,
    parentUrn: node.parentUrn,
    position,
    depth: node.depth,
    refId: node.refId,
    title: node.title,
    summary: node.summary,
    typicalEvidence: node.typicalEvidence,
    assessable: node.assessable,
    implementationGroups: node.implementationGroups,
  }));
  const nodeIds = new Map<string, string>();
  for (let i = 0; i < nodeRows.length; i += 200) {
    const inserted = await tx.insert(requirementNodes).values(nodeRows.slice(i, i + 200)).returning({ id: requirementNodes.id, urn: requirementNodes.urn });
    for (const row of inserted) nodeIds.set(row.urn, row.id);
  }
  const questionRows = definition.nodes.flatMap((node) =>
    node.questions.map((q, position) => ({
      nodeId: nodeIds.get(node.urn)!,
      urn: q.urn,
      position,
      type: q.type,
      text: q.text,
      choices: q.choices,
      compliantValues: q.compliant,
      dependsOnUrn: q.dependsOn?.question ?? null,
      dependsOnValues: q.dependsOn?.answers ?? null,
    })),
  );
  for (let i = 0; i < questionRows.length; i += 200) await tx.insert(questions).values(questionRows.slice(i, i + 200));
  return framework!;
}

/** The reference seeder: the national vendor questionnaire from content/vendors/questionnaire.yaml. */
export async function seedNationalQuestionnaire(tx: Tx) {
  return loadQuestionnaire(tx, parseQuestionnaire(readFileSync(NATIONAL_QUESTIONNAIRE_FILE, 'utf8')));
}
