import { z, isoDate, requiredText, text, uuid } from '../../shared/validation';
import { urn } from '../assessment/contract';
import type { PersonRef } from '../assessment/contract';
import { actionEfforts, actionSources, actionStatuses, type ActionEffort, type ActionSource, type ActionStatus, type AssessmentStatus } from '../assessment/schema';

export const actionListQuery = z.strictObject({
  status: z.enum(actionStatuses).optional(),
  owner: z.union([uuid(), z.literal('me'), z.literal('none')]).optional(),
  source: z.enum(actionSources).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['priority', 'due', 'status', 'title']).default('priority'),
});
export type ActionListQuery = z.infer<typeof actionListQuery>;

export const createActionBody = z.strictObject({
  title: requiredText(300),
  description: text(5000).nullable().optional(),
  measureUrn: urn().nullable().optional(),
  ownerUserId: uuid().nullable().optional(),
  dueDate: isoDate().nullable().optional(),
  effort: z.enum(actionEfforts).nullable().optional(),
});
export type CreateActionBody = z.infer<typeof createActionBody>;

/** Fields left out are unchanged; `version` is the one the person read. */
export const updateActionBody = z.strictObject({
  version: z.number().int().min(1),
  title: requiredText(300).optional(),
  description: text(5000).nullable().optional(),
  status: z.enum(actionStatuses).optional(),
  ownerUserId: uuid().nullable().optional(),
  dueDate: isoDate().nullable().optional(),
  effort: z.enum(actionEfforts).nullable().optional(),
});
export type UpdateActionBody = z.infer<typeof updateActionBody>;

export const addNoteBody = z.strictObject({ body: requiredText(5000) });

export interface ActionDto {
  id: string;
  title: string;
  description: string | null;
  sourceType: ActionSource;
  sourceId: string | null;
  measure: { urn: string; code: string; title: string; status: AssessmentStatus } | null;
  status: ActionStatus;
  priority: number;
  effort: ActionEffort | null;
  owner: PersonRef | null;
  dueDate: string | null;
  overdue: boolean;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  noteCount: number;
}

export interface ActionNoteDto {
  id: string;
  body: string;
  author: PersonRef | null;
  createdAt: string;
}

export interface ActionListResponse {
  items: ActionDto[];
  counts: Record<ActionStatus, number>;
  overdue: number;
  people: PersonRef[];
  onlyAssigned: boolean;
  policies: { edit: boolean; updateAssigned: boolean };
}

export interface ActionDetailResponse {
  action: ActionDto;
  notes: ActionNoteDto[];
  people: PersonRef[];
  policies: { edit: boolean; update: boolean };
}

export interface GenerateResult {
  created: number;
  skipped: number;
  gaps: number;
}
