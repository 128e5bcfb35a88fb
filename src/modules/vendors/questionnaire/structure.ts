import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/tenant';
import { questions, requirementNodes } from '../../library/schema';
import type { QuestionDto, QuestionnaireNodeDto } from '../contract';
import { vendorsError } from '../errors';
import { vendorQuestionnaireGroupRules, vendorQuestionnaireTemplates } from '../questionnaire-schema';
import type { GroupRule } from './applicability';

export const NATIONAL_QUESTIONNAIRE_URN = 'urn:samsvar:framework:vendor-questionnaire';

export interface TemplateStructure {
  template: typeof vendorQuestionnaireTemplates.$inferSelect;
  nodes: QuestionnaireNodeDto[];
  /** Every question in document order. */
  questions: QuestionDto[];
  rules: GroupRule[];
}

export async function listTemplates(tx: Tx) {
  return tx.select().from(vendorQuestionnaireTemplates).orderBy(asc(vendorQuestionnaireTemplates.name));
}

/** The national questionnaire's newest loaded version. */
export async function defaultTemplateId(tx: Tx): Promise<string> {
  const [row] = await tx
    .select({ id: vendorQuestionnaireTemplates.id })
    .from(vendorQuestionnaireTemplates)
    .where(eq(vendorQuestionnaireTemplates.frameworkUrn, NATIONAL_QUESTIONNAIRE_URN))
    .orderBy(desc(vendorQuestionnaireTemplates.createdAt))
    .limit(1);
  if (!row) throw vendorsError('TEMPLATE_NOT_FOUND', { field: 'templateId' });
  return row.id;
}

/** The questions of a template, read from the library tables, with the rules that decide which apply. */
export async function templateStructure(tx: Tx, templateId: string): Promise<TemplateStructure> {
  const [template] = await tx.select().from(vendorQuestionnaireTemplates).where(eq(vendorQuestionnaireTemplates.id, templateId));
  if (!template) throw vendorsError('TEMPLATE_NOT_FOUND', { field: 'templateId' });
  const nodeRows = await tx.select().from(requirementNodes).where(eq(requirementNodes.frameworkId, template.frameworkId)).orderBy(asc(requirementNodes.position));
  const questionRows = nodeRows.length
    ? await tx.select().from(questions).where(inArray(questions.nodeId, nodeRows.map((n) => n.id))).orderBy(asc(questions.position))
    : [];
  const rules = await tx.select().from(vendorQuestionnaireGroupRules).where(eq(vendorQuestionnaireGroupRules.templateId, templateId));
  const byNode = new Map<string, QuestionDto[]>();
  const nodeById = new Map(nodeRows.map((n) => [n.id, n]));
  for (const q of questionRows) {
    const node = nodeById.get(q.nodeId)!;
    const list = byNode.get(q.nodeId) ?? [];
    list.push({
      urn: q.urn,
      type: q.type,
      text: q.text,
      choices: q.choices.map((c) => ({ value: c.value, label: c.label })),
      compliant: q.compliantValues,
      dependsOn: q.dependsOnUrn ? { question: q.dependsOnUrn, answers: q.dependsOnValues ?? [] } : null,
      groups: node.implementationGroups,
    });
    byNode.set(q.nodeId, list);
  }
  const nodes: QuestionnaireNodeDto[] = nodeRows.map((n) => ({
    urn: n.urn,
    refId: n.refId,
    title: n.title,
    summary: n.summary,
    typicalEvidence: n.typicalEvidence,
    depth: n.depth,
    questions: byNode.get(n.id) ?? [],
  }));
  return {
    template,
    nodes,
    questions: nodes.flatMap((n) => n.questions),
    rules: rules.map((r) => ({ groupRef: r.groupRef, questionUrn: r.questionUrn, answers: r.answers })),
  };
}
