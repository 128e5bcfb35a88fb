/**
 * Which questions of a questionnaire apply, given the answers so far: a node applies when one of its
 * implementation groups applies (a group with an `applies_if` rule only when that answer was given), and a
 * question applies when its node does and its `depends_on` answer was given. Pure, so the vendor portal shows
 * and hides follow-up questions as the vendor answers, with the same rules the server checks on submit.
 */
export interface ApplicabilityQuestion {
  urn: string;
  type: string;
  groups: string[];
  dependsOn: { question: string; answers: string[] } | null;
  compliant: string[];
}

export interface GroupRule {
  groupRef: string;
  questionUrn: string;
  answers: string[];
}

export type AnswerValues = ReadonlyMap<string, readonly string[]>;

const intersects = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).some((v) => b.includes(v));

export function applicableQuestions(questions: readonly ApplicabilityQuestion[], rules: readonly GroupRule[], answers: AnswerValues): Set<string> {
  const ruleFor = new Map(rules.map((r) => [r.groupRef, r]));
  const groupApplies = (group: string) => {
    const rule = ruleFor.get(group);
    return !rule || intersects(answers.get(rule.questionUrn), rule.answers);
  };
  const applicable = new Set<string>();
  // Questions come in document order and may only depend on earlier ones, so one pass is enough.
  for (const question of questions) {
    if (question.groups.length && !question.groups.some(groupApplies)) continue;
    if (question.dependsOn && !(applicable.has(question.dependsOn.question) && intersects(answers.get(question.dependsOn.question), question.dependsOn.answers))) continue;
    applicable.add(question.urn);
  }
  return applicable;
}

const answered = (values: readonly string[] | undefined) => (values ?? []).some((v) => v.trim() !== '');

/** Applicable questions still without an answer. Dates may stay empty ("no date is set"). */
export function missingAnswers(questions: readonly ApplicabilityQuestion[], rules: readonly GroupRule[], answers: AnswerValues): string[] {
  const applicable = applicableQuestions(questions, rules, answers);
  return questions.filter((q) => applicable.has(q.urn) && q.type !== 'date' && !answered(answers.get(q.urn))).map((q) => q.urn);
}

/** Whether an answer meets the requirement: 'info' when the question has no compliant values (facts, dates). */
export function compliance(question: Pick<ApplicabilityQuestion, 'compliant'>, values: readonly string[] | undefined): 'met' | 'not_met' | 'info' | 'unanswered' {
  if (!answered(values)) return 'unanswered';
  if (!question.compliant.length) return 'info';
  return intersects(values, question.compliant) ? 'met' : 'not_met';
}
