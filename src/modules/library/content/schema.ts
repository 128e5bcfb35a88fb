import { z } from '../../../shared/validation';
import { mappingRelationships, measureEfforts, measurePriorities } from '../schema';

/**
 * The format of content/library/**.yaml and content/vendors/questionnaire.yaml (see content/README.md and
 * content/vendors/README.md). Strict: an unknown key is a typo until someone adds it here.
 */

const filled = (what = 'Feltet') =>
  z
    .string(`${what} må være tekst.`)
    .trim()
    .min(1, `${what} må fylles ut.`)
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), 'Inneholder ugyldige tegn.');

const urnOf = (kind: string, example: string) =>
  z
    .string('URN må være tekst.')
    .regex(new RegExp(`^urn:samsvar:${kind}:[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)*$`), `Må være en URN på formen ${example} (små bokstaver, tall, punktum, bindestrek).`);

export const frameworkUrn = urnOf('framework', 'urn:samsvar:framework:<navn>');
export const requirementUrn = urnOf('req', 'urn:samsvar:req:<rammeverk>:<id>');
export const measureUrn = urnOf('measure', 'urn:samsvar:measure:<navn>');
const url = z.url('Må være en gyldig nettadresse (https://…).');

const answerRule = z.strictObject({
  question: requirementUrn,
  answers: z.array(filled('Svarverdien')).min(1, 'Oppgi minst én svarverdi.'),
});

const translation = z.strictObject({ title: filled('Tittelen').optional(), summary: filled('Sammendraget').optional() });

export const contentQuestion = z.strictObject({
  urn: requirementUrn,
  type: z.enum(['yes_no', 'choice', 'multiple_choice', 'text', 'date'], 'Må være yes_no, choice, multiple_choice, text eller date.'),
  text: filled('Spørsmålsteksten'),
  choices: z.array(z.strictObject({ value: filled('Verdien'), label: filled('Teksten') })).min(2, 'Et valg må ha minst to alternativer.').optional(),
  compliant: z.array(filled('Verdien')).min(1).optional(),
  depends_on: answerRule.optional(),
  en: z.strictObject({ text: filled('Spørsmålsteksten') }).optional(),
  nn: z.strictObject({ text: filled('Spørsmålsteksten') }).optional(),
});
export type ContentQuestion = z.infer<typeof contentQuestion>;

export interface ContentNode {
  urn: string;
  ref: string;
  title: string;
  summary: string;
  source_url?: string | undefined;
  assessable: boolean;
  granularity?: 'principle' | undefined;
  uncertain?: string | undefined;
  out_of_scope?: string | undefined;
  implementation_groups?: string[] | undefined;
  typical_evidence?: string | undefined;
  en?: z.infer<typeof translation> | undefined;
  nn?: z.infer<typeof translation> | undefined;
  questions?: ContentQuestion[] | undefined;
  children?: ContentNode[] | undefined;
}

export const contentNode: z.ZodType<ContentNode> = z.lazy(() =>
  z.strictObject({
    urn: requirementUrn,
    // A bare 2.10 in YAML is the number 2.1: references must be quoted text.
    ref: z.string('Referansen må være tekst – sett den i anførselstegn, f.eks. "2.10".').trim().min(1, 'Referansen må fylles ut.'),
    title: filled('Tittelen'),
    summary: filled('Sammendraget'),
    source_url: url.optional(),
    assessable: z.boolean('assessable må være true eller false.'),
    granularity: z.literal('principle', 'granularity kan bare være «principle».').optional(),
    uncertain: filled('Begrunnelsen i uncertain').optional(),
    out_of_scope: filled('Begrunnelsen i out_of_scope').optional(),
    implementation_groups: z.array(filled('Gruppen')).optional(),
    typical_evidence: filled('typical_evidence').optional(),
    en: translation.optional(),
    nn: translation.optional(),
    questions: z.array(contentQuestion).optional(),
    children: z.array(contentNode).optional(),
  }),
);

export const contentFramework = z.strictObject({
  urn: frameworkUrn,
  ref_id: filled('ref_id'),
  name: filled('Navnet'),
  name_en: filled('name_en').optional(),
  version: z.number('version må være et heltall.').int('version må være et heltall.').min(1, 'version må være 1 eller høyere.'),
  provider: filled('provider'),
  source_url: url.optional(),
  description: filled('Beskrivelsen'),
  notes: filled('notes').optional(),
  implementation_groups_definition: z
    .array(
      z.strictObject({
        ref_id: filled('ref_id'),
        name: filled('Navnet'),
        description: filled('Beskrivelsen').optional(),
        applies_if: answerRule.optional(),
      }),
    )
    .optional(),
  nodes: z.array(contentNode).min(1, 'Et rammeverk må ha minst én node.'),
});
export type ContentFramework = z.infer<typeof contentFramework>;

export const contentMeasure = z.strictObject({
  urn: measureUrn,
  code: z.string('code må være tekst.').regex(/^[A-ZÆØÅ]{2,5}-\d{2,3}$/, 'code må være på formen ABC-01.'),
  title: filled('Tittelen'),
  what: filled('what'),
  why: filled('why'),
  start_small: filled('start_small'),
  evidence: filled('evidence'),
  priority: z.enum(measurePriorities, 'priority må være high, medium eller low.'),
  effort: z.enum(measureEfforts, 'effort må være low, medium eller high.'),
  uncertain: filled('Begrunnelsen i uncertain').optional(),
  mappings: z
    .array(
      z.strictObject({
        target: requirementUrn,
        relationship: z.enum(mappingRelationships, 'relationship må være equal, subset, superset, intersect eller not_related.'),
        rationale: filled('rationale').optional(),
      }),
    )
    .min(1, 'Tiltaket må vise til minst ett krav (mappings).'),
});
export type ContentMeasure = z.infer<typeof contentMeasure>;

export const contentMeasureFile = z.strictObject({
  area: z.string('area må være tekst.').regex(/^[a-z][a-z0-9-]*$/, 'area må være små bokstaver og bindestrek.'),
  area_title: filled('area_title'),
  measures: z.array(contentMeasure).min(1, 'Filen må ha minst ett tiltak.'),
});
export type ContentMeasureFile = z.infer<typeof contentMeasureFile>;

/** The common measures as one file: what `samsvar library export --measures` writes and the loader reads back. */
export const contentMeasureBundle = z.strictObject({
  format: z.literal('samsvar-measures'),
  version: z.literal(1),
  areas: z.array(contentMeasureFile),
});
