import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/tenant';
import { commonError } from '../../../server/errors';
import type { AnswersBody, QuestionDto, QuestionnaireDto, QuestionnaireSummaryDto, sendQuestionnaireBody } from '../contract';
import type { z } from '../../../shared/validation';
import { vendorsError } from '../errors';
import { vendorQuestionnaireAnswers, vendorQuestionnaires, vendorQuestionnaireTemplates } from '../questionnaire-schema';
import { vendorProducts, vendors } from '../schema';
import { getProductRow } from '../registry-service';
import { ensureVendorOrganization } from '../portal-organization';
import { missingAnswers } from './applicability';
import { defaultTemplateId, templateStructure } from './structure';

type QuestionnaireRow = typeof vendorQuestionnaires.$inferSelect;

/** The national team sends a questionnaire to the vendor: a tenant row of the vendor's own organisation. */
export async function sendQuestionnaire(tx: Tx, input: { vendorId: string; body: z.infer<typeof sendQuestionnaireBody>; sentBy: string; now: Date }) {
  const { organizationId } = await ensureVendorOrganization(tx, input.vendorId);
  const product = input.body.productId ? await getProductRow(tx, input.vendorId, input.body.productId) : null;
  const templateId = input.body.templateId ?? (await defaultTemplateId(tx));
  const [template] = await tx.select({ id: vendorQuestionnaireTemplates.id }).from(vendorQuestionnaireTemplates).where(eq(vendorQuestionnaireTemplates.id, templateId));
  if (!template) throw vendorsError('TEMPLATE_NOT_FOUND', { field: 'templateId' });
  const [row] = await tx
    .insert(vendorQuestionnaires)
    .values({
      organizationId,
      vendorId: input.vendorId,
      productId: product?.id ?? null,
      templateId,
      dueOn: input.body.dueOn ?? null,
      message: input.body.message ?? null,
      sentAt: input.now,
      sentBy: input.sentBy,
    })
    .returning();
  return row!;
}

const summaryColumns = {
  questionnaire: vendorQuestionnaires,
  vendorName: vendors.name,
  productName: vendorProducts.name,
  templateName: vendorQuestionnaireTemplates.name,
  answered: sql<number>`(select count(*)::int from ${vendorQuestionnaireAnswers} a where a.questionnaire_id = ${vendorQuestionnaires.id} and cardinality(a.values) > 0)`,
};

function presentSummary(row: { questionnaire: QuestionnaireRow; vendorName: string; productName: string | null; templateName: string; answered: number }): QuestionnaireSummaryDto {
  const q = row.questionnaire;
  return {
    id: q.id,
    vendorId: q.vendorId,
    vendorName: row.vendorName,
    productName: row.productName,
    templateName: row.templateName,
    status: q.status,
    dueOn: q.dueOn,
    sentAt: q.sentAt.toISOString(),
    submittedAt: q.submittedAt?.toISOString() ?? null,
    reviewedAt: q.reviewedAt?.toISOString() ?? null,
    answered: row.answered,
  };
}

function summaryQuery(tx: Tx) {
  return tx
    .select(summaryColumns)
    .from(vendorQuestionnaires)
    .innerJoin(vendors, eq(vendors.id, vendorQuestionnaires.vendorId))
    .innerJoin(vendorQuestionnaireTemplates, eq(vendorQuestionnaireTemplates.id, vendorQuestionnaires.templateId))
    .leftJoin(vendorProducts, eq(vendorProducts.id, vendorQuestionnaires.productId));
}

/** The vendor's own questionnaires (scoped in the query and by RLS to the vendor's organisation). */
export async function listPortalQuestionnaires(tx: Tx, organizationId: string) {
  const rows = await summaryQuery(tx).where(eq(vendorQuestionnaires.organizationId, organizationId)).orderBy(desc(vendorQuestionnaires.sentAt));
  return rows.map(presentSummary);
}

/** The questionnaires sent to one vendor, for the national team. */
export async function listVendorQuestionnaires(tx: Tx, vendorId: string) {
  const rows = await summaryQuery(tx).where(eq(vendorQuestionnaires.vendorId, vendorId)).orderBy(desc(vendorQuestionnaires.sentAt));
  return rows.map(presentSummary);
}

/** Everything awaiting the national team's review, oldest first. */
export async function listAwaitingReview(tx: Tx) {
  const rows = await summaryQuery(tx).where(eq(vendorQuestionnaires.status, 'submitted')).orderBy(asc(vendorQuestionnaires.submittedAt));
  return rows.map(presentSummary);
}

type Scope = { organizationId: string } | { vendorId: string };

async function findQuestionnaire(tx: Tx, id: string, scope: Scope, lock = false) {
  const where = and(
    eq(vendorQuestionnaires.id, id),
    'organizationId' in scope ? eq(vendorQuestionnaires.organizationId, scope.organizationId) : eq(vendorQuestionnaires.vendorId, scope.vendorId),
  );
  const query = tx.select().from(vendorQuestionnaires).where(where);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw vendorsError('QUESTIONNAIRE_NOT_FOUND');
  return row;
}

export async function answersOf(tx: Tx, questionnaireId: string) {
  return tx.select().from(vendorQuestionnaireAnswers).where(eq(vendorQuestionnaireAnswers.questionnaireId, questionnaireId));
}

export async function questionnaireDetail(tx: Tx, id: string, scope: Scope): Promise<QuestionnaireDto> {
  const row = await findQuestionnaire(tx, id, scope);
  const [summary] = await summaryQuery(tx).where(eq(vendorQuestionnaires.id, row.id));
  const structure = await templateStructure(tx, row.templateId);
  const answers = await answersOf(tx, row.id);
  return {
    ...presentSummary(summary!),
    message: row.message,
    version: row.version,
    nodes: structure.nodes,
    groupRules: structure.rules,
    answers: answers.map((a) => ({ questionUrn: a.questionUrn, values: a.values, comment: a.comment, version: a.version, updatedAt: a.updatedAt.toISOString() })),
  };
}

function checkValues(question: QuestionDto, values: string[], field: string): string[] {
  const cleaned = values.map((v) => v.trim()).filter((v) => v !== '');
  const fail = (message?: string) => vendorsError('ANSWER_INVALID', { field, ...(message ? { message } : {}) });
  const single = () => {
    if (cleaned.length > 1) throw fail('Velg bare ett svar.');
  };
  switch (question.type) {
    case 'yes_no':
      single();
      if (cleaned.some((v) => v !== 'yes' && v !== 'no')) throw fail();
      break;
    case 'choice':
    case 'multiple_choice':
      if (question.type === 'choice') single();
      if (cleaned.some((v) => !question.choices.some((c) => c.value === v))) throw fail();
      if (new Set(cleaned).size !== cleaned.length) throw fail('Det samme valget er med to ganger.');
      break;
    case 'date':
      single();
      if (cleaned.some((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))) throw fail('Må være en gyldig dato (ÅÅÅÅ-MM-DD).');
      break;
    case 'number':
      single();
      if (cleaned.some((v) => !Number.isFinite(Number(v)))) throw fail('Må være et tall.');
      break;
    default:
      single();
  }
  return cleaned;
}

const editable = (row: QuestionnaireRow) => row.status === 'sent' || row.status === 'in_progress';

/**
 * The vendor saves answers (the portal saves as the vendor goes). Each answer names the version it read, so
 * two contacts editing the same answer do not overwrite each other: the stale one gets 409.
 */
export async function saveAnswers(tx: Tx, input: { organizationId: string; userId: string; id: string; body: AnswersBody; now: Date }) {
  const row = await findQuestionnaire(tx, input.id, { organizationId: input.organizationId }, true);
  if (!editable(row)) throw vendorsError('QUESTIONNAIRE_LOCKED');
  const structure = await templateStructure(tx, row.templateId);
  const byUrn = new Map(structure.questions.map((q) => [q.urn, q]));
  const existing = new Map((await answersOf(tx, row.id)).map((a) => [a.questionUrn, a]));
  const saved = [];
  for (const [i, answer] of input.body.answers.entries()) {
    const question = byUrn.get(answer.questionUrn);
    if (!question) throw vendorsError('QUESTION_UNKNOWN', { field: `answers.${i}.questionUrn` });
    const values = checkValues(question, answer.values, answer.questionUrn);
    const current = existing.get(answer.questionUrn);
    if (current) {
      if (answer.version !== undefined && answer.version !== current.version) throw commonError('CONFLICT', { field: answer.questionUrn });
      const [updated] = await tx
        .update(vendorQuestionnaireAnswers)
        .set({ values, comment: answer.comment ?? null, answeredBy: input.userId, updatedAt: input.now, version: current.version + 1 })
        .where(and(eq(vendorQuestionnaireAnswers.id, current.id), eq(vendorQuestionnaireAnswers.version, current.version)))
        .returning();
      if (!updated) throw commonError('CONFLICT', { field: answer.questionUrn });
      saved.push(updated);
    } else {
      const [inserted] = await tx
        .insert(vendorQuestionnaireAnswers)
        .values({ organizationId: row.organizationId, questionnaireId: row.id, questionUrn: answer.questionUrn, values, comment: answer.comment ?? null, answeredBy: input.userId })
        .returning();
      saved.push(inserted!);
    }
  }
  if (row.status === 'sent') {
    await tx.update(vendorQuestionnaires).set({ status: 'in_progress', updatedAt: input.now }).where(eq(vendorQuestionnaires.id, row.id));
  }
  return saved.map((a) => ({ questionUrn: a.questionUrn, values: a.values, comment: a.comment, version: a.version, updatedAt: a.updatedAt.toISOString() }));
}

/** Sends the answers to the national team. Every applicable question (except dates) must be answered. */
export async function submitQuestionnaire(tx: Tx, input: { organizationId: string; userId: string; id: string; now: Date }) {
  const row = await findQuestionnaire(tx, input.id, { organizationId: input.organizationId }, true);
  if (!editable(row)) throw vendorsError('QUESTIONNAIRE_LOCKED');
  const structure = await templateStructure(tx, row.templateId);
  const answers = new Map((await answersOf(tx, row.id)).map((a) => [a.questionUrn, a.values]));
  const missing = missingAnswers(structure.questions, structure.rules, answers);
  if (missing.length) {
    const refOf = new Map(structure.nodes.flatMap((n) => n.questions.map((q) => [q.urn, n.refId ?? ''] as const)));
    throw vendorsError('QUESTIONNAIRE_INCOMPLETE', {
      field: missing[0],
      message: `${missing.length} spørsmål mangler svar.`,
      details: { issues: missing.map((urn) => ({ field: urn, code: 'missing', message: `Spørsmål ${refOf.get(urn) ?? ''} mangler svar.`.replace('  ', ' ') })) },
    });
  }
  const [updated] = await tx
    .update(vendorQuestionnaires)
    .set({ status: 'submitted', submittedAt: input.now, submittedBy: input.userId, updatedAt: input.now, version: sql`${vendorQuestionnaires.version} + 1` })
    .where(eq(vendorQuestionnaires.id, row.id))
    .returning();
  return updated!;
}

export { findQuestionnaire };
