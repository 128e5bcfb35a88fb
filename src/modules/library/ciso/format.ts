import { z } from '../../../shared/validation';
import { mappingRelationships } from '../schema';

/**
 * CISO Assistant's library file format (github.com/intuitem/ciso-assistant-community, backend/library):
 * one library per file; `objects` holds a framework and/or requirement mapping sets. Only the keys we use are
 * checked; the rest (threats, reference controls, scores, …) are left out, not refused. Keys Samsvar adds on
 * export (source_url, granularity, uncertain, out_of_scope, notes, name_en, kind, applies_if) are read back.
 */

/** Free text: a number written without quotes is still text; an empty string means "nothing". */
const optionalText = z
  .union([z.string(), z.number(), z.null()], 'Må være tekst.')
  .optional()
  .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v)));
const requiredText = (what: string) =>
  z.union([z.string(), z.number()], `${what} må være tekst.`).transform(String).pipe(z.string().trim().min(1, `${what} må fylles ut.`));
const urn = (what = 'URN-en') => z.string(`${what} må være tekst.`).trim().min(1, `${what} må fylles ut.`);

const translations = <T extends z.ZodRawShape>(shape: T) => z.record(z.string(), z.object(shape).partial().nullable()).nullable().optional();

export const cisoChoice = z.object({
  urn: urn('Valgets URN').optional(),
  value: requiredText('Valget (value)'),
  add_score: z.number('add_score må være et tall.').nullable().optional(),
  compute_result: z.union([z.boolean(), z.string()], 'compute_result må være true, false eller tekst.').nullable().optional(),
  description: optionalText,
});

export const cisoQuestion = z.object({
  type: z.string('Spørsmålstypen må være tekst.'),
  text: requiredText('Spørsmålsteksten'),
  choices: z.array(cisoChoice, 'choices må være en liste.').nullable().optional(),
  depends_on: z
    .object({
      question: urn('depends_on.question'),
      answers: z.array(z.union([z.string(), z.number()]).transform(String), 'depends_on.answers må være en liste.'),
      condition: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  translations: translations({ text: optionalText }),
});
export type CisoQuestion = z.infer<typeof cisoQuestion>;

export const cisoNode = z.object({
  urn: urn('Nodens URN'),
  parent_urn: z.string('parent_urn må være tekst.').nullable().optional(),
  depth: z.number('depth må være et heltall.').int('depth må være et heltall.').min(1, 'depth må være 1 eller mer.').nullable().optional(),
  ref_id: optionalText,
  name: optionalText,
  description: optionalText,
  annotation: optionalText,
  typical_evidence: optionalText,
  assessable: z.boolean('assessable må være true eller false.').nullable().optional(),
  implementation_groups: z.array(z.union([z.string(), z.number()]).transform(String), 'implementation_groups må være en liste.').nullable().optional(),
  questions: z.record(z.string(), cisoQuestion, 'questions må være en samling spørsmål med URN som nøkkel.').nullable().optional(),
  translations: translations({ name: optionalText, description: optionalText, annotation: optionalText }),
  source_url: optionalText,
  granularity: optionalText,
  uncertain: optionalText,
  out_of_scope: optionalText,
});
export type CisoNode = z.infer<typeof cisoNode>;

const answerRule = z.object({ question: urn(), answers: z.array(z.string()) });

export const cisoFramework = z.object({
  urn: urn('Rammeverkets URN'),
  ref_id: requiredText('ref_id'),
  name: requiredText('Navnet'),
  description: optionalText,
  annotation: optionalText,
  name_en: optionalText,
  kind: z.enum(['framework', 'questionnaire']).nullable().optional(),
  source_url: optionalText,
  translations: translations({ name: optionalText, description: optionalText }),
  implementation_groups_definition: z
    .array(
      z.object({
        ref_id: requiredText('ref_id'),
        name: requiredText('Navnet'),
        description: optionalText,
        applies_if: answerRule.nullable().optional(),
      }),
      'implementation_groups_definition må være en liste.',
    )
    .nullable()
    .optional(),
  requirement_nodes: z.array(cisoNode, 'requirement_nodes må være en liste.').min(1, 'Rammeverket har ingen krav (requirement_nodes).'),
});
export type CisoFramework = z.infer<typeof cisoFramework>;

export const cisoMappingSet = z.object({
  urn: urn('URN-en til kryssreferansene'),
  ref_id: optionalText,
  name: requiredText('Navnet'),
  description: optionalText,
  source_framework_urn: urn('source_framework_urn'),
  target_framework_urn: urn('target_framework_urn'),
  requirement_mappings: z.array(
    z.object({
      source_requirement_urn: urn('source_requirement_urn'),
      target_requirement_urn: urn('target_requirement_urn'),
      relationship: z.enum(mappingRelationships, 'relationship må være equal, subset, superset, intersect eller not_related.'),
      rationale: optionalText,
      strength_of_relationship: z.number('strength_of_relationship må være et tall.').int().nullable().optional(),
      annotation: optionalText,
    }),
    'requirement_mappings må være en liste.',
  ),
});
export type CisoMappingSet = z.infer<typeof cisoMappingSet>;

export const cisoLibrary = z.object({
  urn: urn('Bibliotekets URN'),
  locale: z.string().nullable().optional(),
  ref_id: optionalText,
  name: requiredText('Navnet'),
  description: optionalText,
  copyright: optionalText,
  provider: optionalText,
  version: z.union([z.number(), z.string().regex(/^\d+$/)], 'version må være et heltall.').transform(Number).pipe(z.number().int('version må være et heltall.').min(1, 'version må være 1 eller mer.')),
  // Each object is checked on its own (parse.ts), so an error names its exact place in the file.
  objects: z.object(
    {
      framework: z.unknown().optional(),
      frameworks: z.unknown().optional(),
      requirement_mapping_sets: z.unknown().optional(),
      /** Older files hold one mapping set under the singular key. */
      requirement_mapping_set: z.unknown().optional(),
    },
    'objects mangler eller er ikke en samling.',
  ),
});
export type CisoLibrary = z.infer<typeof cisoLibrary>;

/** CISO Assistant's question types and ours. `yes_no` is written as a unique choice with the values yes/no. */
export const cisoQuestionTypes = { unique_choice: 'choice', multiple_choice: 'multiple_choice', text: 'text', date: 'date' } as const;
