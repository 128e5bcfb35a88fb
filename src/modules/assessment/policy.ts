import { allows, definePolicies, nationalKinds, type Actor, type PolicyRule } from '../../server/policy';

/** Who edits the organisation's assessments and action plan. */
export const editorRoles = ['administrator', 'personvernombud', 'sikkerhetsleder'] as const;

export const assessmentPolicies = definePolicies('assessment', {
  /** The self-assessment pages; a bidragsyter sees only the measures assigned to them. */
  view: { roles: [...editorRoles, 'leser', 'bidragsyter'] },
  /** Everything, not only what is assigned: compliance per framework, gaps, other people's measures. */
  viewAll: { roles: [...editorRoles, 'leser'] },
  /** Assess any measure, assign owners, answer framework questions. */
  edit: { roles: editorRoles },
  /** Assess and add evidence to the measures assigned to oneself (editors: any measure). */
  answerAssigned: { roles: [...editorRoles, 'bidragsyter'] },
  /** Anonymous national aggregates (at least five organisations per figure). */
  viewNational: { roles: ['analytiker', 'fellesforvalter'], kinds: nationalKinds },
  /** Recompute every organisation's compliance (after a library change). */
  recomputeNational: { roles: ['fellesforvalter'], kinds: nationalKinds },
});

/**
 * What one person may reach: everything in the organisation, or only what is assigned to them. Services take
 * this and put it in their queries, so a bidragsyter's requests cannot reach other people's things.
 */
export interface Scope {
  organizationId: string;
  userId: string;
  /** False: only rows whose owner is `userId`. */
  all: boolean;
  /** May change any row (and assign owners). */
  edit: boolean;
  /** May work on the rows assigned to them (always true when `edit`). */
  answer: boolean;
}

export function scopeFor(actor: Actor, viewAll: PolicyRule, edit: PolicyRule, answer: PolicyRule): Scope {
  return { organizationId: actor.organizationId, userId: actor.userId, all: allows(viewAll, actor), edit: allows(edit, actor), answer: allows(answer, actor) };
}

export const assessmentScope = (actor: Actor) => scopeFor(actor, assessmentPolicies.viewAll, assessmentPolicies.edit, assessmentPolicies.answerAssigned);
