/**
 * The shapes of DPIA content (content/dpia/README.md) and of a municipality's DPIA document. A template is
 * stored as parsed YAML; a DPIA version stores a snapshot of the template it started from (or a blank
 * skeleton) plus what the municipality added: the values of the local fields, its own risks and measures and
 * its adjustments of the template's levels.
 */

export type InputKind = 'text' | 'number' | 'choice' | 'multiple_choice' | 'system_ref' | 'person' | 'decision';

export interface LocalFieldDef {
  path: string;
  input: InputKind;
  prompt: string;
  choices: { value: string | boolean | number; label: string }[] | null;
  /** The template's suggestion (`value` of a local field), or null. */
  suggestion: unknown;
}

export interface MeasureDef {
  id: string;
  title: string;
  kind: 'technical' | 'organisational' | 'legal';
  status: 'existing' | 'planned';
  due_months?: number;
  principles?: string[];
  description?: string;
  /** A common measure in the library this measure carries out (urn:samsvar:measure:…). */
  measure_urn?: string | null;
}

export interface FactCheck {
  fact: string;
  equals?: unknown;
  in?: unknown[];
  likelihood_at_least?: number;
  assessment?: 'improvable';
  note: string;
}

export interface RiskItem {
  id: string;
  title: string;
  impacts: string[];
  threats: string[];
  threat_refs?: string[];
  sources: string[];
  existing_measures: string[];
  planned_measures: string[];
  severity: { value: number; justification?: string };
  likelihood: { value: number; justification?: string };
  residual: { severity: number; likelihood: number; justification?: string };
  fact_checks?: FactCheck[];
}

export interface PrincipleDef {
  value: unknown;
  refs?: string[];
  assessment?: 'acceptable' | 'improvable';
  uncertain?: string;
  derived?: string;
  fact_checks?: FactCheck[];
  local?: boolean;
  input?: InputKind;
  prompt?: string;
}

export interface DpiaTemplateContent {
  urn: string;
  id: string;
  version: number;
  title: string;
  sector?: string;
  scales?: string;
  summary?: string;
  uncertain?: string[];
  screening?: {
    wp248?: { criterion: number; met: boolean; reason: string; applies_if?: unknown }[];
    datatilsynet_list?: { item: string; met: boolean; uncertain?: string; applies_if?: unknown }[];
    conclusion?: { value: string; refs?: string[] };
  };
  context: Record<string, unknown>;
  principles: Record<string, PrincipleDef>;
  risks: { measures: MeasureDef[]; items: RiskItem[] };
  validation: Record<string, unknown>;
}

export interface RiskAdjustment {
  severity?: number;
  likelihood?: number;
  residualSeverity?: number;
  residualLikelihood?: number;
  justification?: string;
}

/** What one saved version of a DPIA holds. */
export interface DpiaDocument {
  title: string;
  content: DpiaTemplateContent;
  /** Local field path → the municipality's value. */
  values: Record<string, unknown>;
  addedRisks: RiskItem[];
  addedMeasures: MeasureDef[];
  riskAdjustments: Record<string, RiskAdjustment>;
}

/** Local fields filled through the workflow (the DPO's opinion, the approval), not in the draft form. */
export const workflowFields = new Set(['validation.dpo_opinion', 'validation.approval']);
