import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { commonError } from '../../server/errors';
import { frameworks, questions, requirementNodes, type QuestionChoice } from '../library/schema';
import { lockOrganizationAnswers, recomputeOrganization } from './compliance';
import type { FrameworkSummaryDto, SaveAnswerBody } from './contract';
import { assessmentError } from './errors';
import { pinVersionsInUse } from '../library/versions';
import { frameworksInUse } from './framework-version';
import type { Scope } from './policy';
import { questionAnswers } from './schema';

type Question = Pick<typeof questions.$inferSelect, 'urn' | 'type' | 'choices' | 'compliantValues'>;

/** Checks an answer against the question's type and choices; returns the values to store. */
export function validateAnswer(question: Question, values: string[]): string[] {
  const fail = () => assessmentError('ANSWER_INVALID', { field: 'values' });
  const unique = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  if (!unique.length) return [];
  const choiceValues = (question.choices as QuestionChoice[]).map((c) => c.value);
  switch (question.type) {
    case 'yes_no':
      if (unique.length !== 1 || !['yes', 'no'].includes(unique[0]!)) throw fail();
      return unique;
    case 'choice':
      if (unique.length !== 1 || !choiceValues.includes(unique[0]!)) throw fail();
      return unique;
    case 'multiple_choice':
      if (!unique.every((v) => choiceValues.includes(v))) throw fail();
      return choiceValues.filter((v) => unique.includes(v));
    case 'date':
      if (unique.length !== 1 || !/^\d{4}-\d{2}-\d{2}$/.test(unique[0]!) || Number.isNaN(Date.parse(`${unique[0]}T00:00:00Z`))) throw fail();
      return unique;
    case 'number':
      if (unique.length !== 1 || !/^-?\d+([.,]\d+)?$/.test(unique[0]!)) throw fail();
      return [unique[0]!.replace(',', '.')];
    case 'text':
      if (unique.length !== 1) throw fail();
      return unique;
  }
}

/**
 * Answers a question on a framework node (in the framework version the organisation uses). An answer counts
 * where it maps: the node's status is recomputed in the same transaction.
 */
export async function saveAnswer(tx: Tx, scope: Scope, userId: string, body: SaveAnswerBody, now: Date): Promise<{ version: number; values: string[]; compliance: FrameworkSummaryDto[] }> {
  const inUse = await frameworksInUse(tx, scope.organizationId);
  const candidates = await tx
    .select({ question: questions, frameworkId: frameworks.id, frameworkUrn: frameworks.urn })
    .from(questions)
    .innerJoin(requirementNodes, eq(requirementNodes.id, questions.nodeId))
    .innerJoin(frameworks, eq(frameworks.id, requirementNodes.frameworkId))
    .where(eq(questions.urn, body.questionUrn));
  const inUseIds = new Set(inUse.map((f) => f.id));
  const found = candidates.find((c) => inUseIds.has(c.frameworkId));
  if (!found) throw assessmentError('QUESTION_NOT_FOUND', { field: 'questionUrn' });
  const values = validateAnswer(found.question, body.values);
  await lockOrganizationAnswers(tx, scope.organizationId);
  const [current] = await tx
    .select()
    .from(questionAnswers)
    .where(and(eq(questionAnswers.organizationId, scope.organizationId), eq(questionAnswers.questionUrn, body.questionUrn)))
    .for('update');
  if ((current?.version ?? 0) !== body.version) throw commonError('CONFLICT', { field: 'version' });
  let version: number;
  if (current) {
    const [row] = await tx
      .update(questionAnswers)
      .set({ values, comment: body.comment !== undefined ? body.comment || null : current.comment, answeredBy: userId, updatedAt: now, version: sql`${questionAnswers.version} + 1` })
      .where(and(eq(questionAnswers.id, current.id), eq(questionAnswers.version, body.version)))
      .returning({ version: questionAnswers.version });
    if (!row) throw commonError('CONFLICT', { field: 'version' });
    version = row.version;
  } else {
    const [row] = await tx
      .insert(questionAnswers)
      .values({ organizationId: scope.organizationId, questionUrn: body.questionUrn, values, comment: body.comment || null, answeredBy: userId, createdAt: now, updatedAt: now })
      .returning({ version: questionAnswers.version });
    version = row!.version;
    await pinVersionsInUse(tx, scope.organizationId, userId);
  }
  const compliance = await recomputeOrganization(tx, scope.organizationId, new Set([found.frameworkUrn]));
  return { version, values, compliance };
}
