import { localFieldsOf, principleKeys, requiredRiskIds, type RiskLevel, type Scales } from './content';
import { workflowFields, type DpiaDocument, type DpiaTemplateContent, type FactCheck, type LocalFieldDef, type MeasureDef, type RiskItem } from './model';

/**
 * Pure rules for a DPIA document: start one from a template or from a blank skeleton, and derive what the
 * report shows (fact checks against the chosen system, risk levels, the risk map before and after measures,
 * prior consultation, the action plan). Nothing here reads the database.
 */

export function documentFromTemplate(content: DpiaTemplateContent, title: string): DpiaDocument {
  const values: Record<string, unknown> = {};
  for (const f of localFieldsOf(content)) if (f.suggestion !== null && f.suggestion !== undefined) values[f.path] = f.suggestion;
  return { title, content: structuredClone(content), values, addedRisks: [], addedMeasures: [], riskAdjustments: {} };
}

const local = (prompt: string, input: LocalFieldDef['input'] = 'text') => ({ value: null, local: true, input, prompt });
const principlePrompts: Record<string, string> = {
  purposes: 'Hva er formålene, og er de tydelige og lovlige?',
  legal_basis: 'Hva er rettslig grunnlag etter art. 6, eventuelt art. 9 eller 10, og supplerende nasjonalt grunnlag?',
  minimisation: 'Hvordan sikrer dere at dere bare behandler opplysninger som trengs?',
  accuracy: 'Hvordan holdes opplysningene riktige og oppdaterte?',
  retention: 'Hvor lenge lagres opplysningene, og hvordan slettes de?',
  information: 'Hvordan får de registrerte informasjon?',
  consent: 'Brukes samtykke? Hvis ja, hvordan innhentes og trekkes det?',
  access_portability: 'Hvordan får de registrerte innsyn og eventuelt dataportabilitet?',
  rectification_erasure: 'Hvordan rettes og slettes opplysninger?',
  restriction_objection: 'Hvordan håndteres krav om begrensning og protest?',
  processors: 'Hvilke databehandlere brukes, og er det avtaler?',
  transfers: 'Overføres opplysninger ut av EØS? På hvilket grunnlag?',
};
const blankRisk = (id: string, title: string): RiskItem => ({
  id,
  title,
  impacts: [],
  threats: [],
  sources: [],
  existing_measures: [],
  planned_measures: [],
  severity: { value: 1 },
  likelihood: { value: 1 },
  residual: { severity: 1, likelihood: 1 },
});

/** A DPIA without a template: the same structure, every text a local field the municipality writes. */
export function blankDocument(title: string): DpiaDocument {
  const principles = Object.fromEntries(principleKeys.map((k) => [k, { ...local(principlePrompts[k]!), assessment: 'acceptable' as const }]));
  const content: DpiaTemplateContent = {
    urn: 'urn:samsvar:dpia:blank',
    id: 'blank',
    version: 1,
    title,
    context: {
      overview: { processing: local('Beskriv behandlingen og nytten av den.'), responsible_unit: local('Hvilken enhet er ansvarlig?') },
      data: { data_subjects: local('Hvem er de registrerte?'), categories: local('Hvilke personopplysninger behandles, også særlige kategorier?') },
      lifecycle: local('Beskriv livsløpet fra innsamling til sletting.'),
      supporting_assets: { system: local('Velg systemet i systemoversikten.', 'system_ref') },
    },
    principles,
    risks: {
      measures: [],
      items: [
        blankRisk(requiredRiskIds[0], 'Uvedkommende får tilgang til opplysningene'),
        blankRisk(requiredRiskIds[1], 'Opplysningene blir endret eller feil'),
        blankRisk(requiredRiskIds[2], 'Opplysningene forsvinner eller er utilgjengelige'),
      ],
    },
    validation: {
      measure_owner: local('Hvem har ansvaret for de planlagte tiltakene?', 'person'),
      dpo_opinion: local('Personvernombudets uttalelse.'),
      data_subjects_views: local('Hva mente de registrerte, eller hvorfor er synspunkter ikke innhentet?'),
      approval: local('Godkjenning.', 'decision'),
    },
  };
  return { title, content, values: {}, addedRisks: [], addedMeasures: [], riskAdjustments: {} };
}

export type Facts = Record<string, unknown> | null;

function factHit(check: FactCheck, facts: Facts): boolean | null {
  if (!facts) return null;
  const value = facts[check.fact];
  if (value === null || value === undefined) return null;
  if ('equals' in check) return value === check.equals;
  if (check.in) return check.in.includes(value);
  return false;
}

export interface RiskView {
  id: string;
  title: string;
  added: boolean;
  impacts: string[];
  threats: string[];
  sources: string[];
  existingMeasures: string[];
  plannedMeasures: string[];
  severity: number;
  likelihood: number;
  residualSeverity: number;
  residualLikelihood: number;
  justification: string | null;
  levelBefore: RiskLevel;
  levelAfter: RiskLevel;
  notes: string[];
  missingFacts: string[];
}

export interface DocumentView {
  localFields: (LocalFieldDef & { value: unknown; filled: boolean; workflow: boolean })[];
  principles: { key: string; value: unknown; refs: string[]; assessment: string; notes: string[]; uncertain: string | null }[];
  risks: RiskView[];
  measures: MeasureDef[];
  mapBefore: string[][][];
  mapAfter: string[][][];
  priorConsultation: boolean;
  actionPlan: { id: string; title: string; dueMonths: number; measureUrn: string | null; description: string | null }[];
  missing: string[];
}

export const levelOf = (scales: Scales, severity: number, likelihood: number): RiskLevel => scales.cells[String(likelihood)]?.[severity - 1] ?? 'high';
const clamp = (n: number) => Math.min(4, Math.max(1, Math.round(n)));

/** Empty risk map: rows are likelihood 4 → 1, columns severity 1 → 4, each cell a list of risk ids. */
function emptyMap(): string[][][] {
  return [0, 1, 2, 3].map(() => [[], [], [], []]);
}

export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function deriveView(doc: DpiaDocument, scales: Scales, facts: Facts): DocumentView {
  const localFields = localFieldsOf(doc.content).map((f) => {
    const value = doc.values[f.path] ?? null;
    return { ...f, value, filled: isFilled(value), workflow: workflowFields.has(f.path) };
  });
  const principles = principleKeys.map((key) => {
    const p = doc.content.principles[key] ?? { value: null };
    const notes: string[] = [];
    let assessment = p.assessment ?? 'acceptable';
    for (const check of p.fact_checks ?? []) {
      if (factHit(check, facts)) {
        notes.push(check.note);
        if (check.assessment) assessment = check.assessment;
      }
    }
    const value = p.local ? (doc.values[`principles.${key}`] ?? null) : p.value;
    return { key, value, refs: p.refs ?? [], assessment, notes, uncertain: p.uncertain ?? null };
  });
  const mapBefore = emptyMap();
  const mapAfter = emptyMap();
  const risks = [...doc.content.risks.items.map((r) => ({ r, added: false })), ...doc.addedRisks.map((r) => ({ r, added: true }))].map(({ r, added }): RiskView => {
    const adj = doc.riskAdjustments[r.id] ?? {};
    let likelihood = adj.likelihood ?? r.likelihood.value;
    const notes: string[] = [];
    const missingFacts: string[] = [];
    for (const check of r.fact_checks ?? []) {
      const hit = factHit(check, facts);
      if (hit === null) missingFacts.push(check.fact);
      else if (hit) {
        notes.push(check.note);
        if (check.likelihood_at_least) likelihood = Math.max(likelihood, check.likelihood_at_least);
      }
    }
    const severity = clamp(adj.severity ?? r.severity.value);
    likelihood = clamp(likelihood);
    const residualSeverity = clamp(adj.residualSeverity ?? r.residual.severity);
    const residualLikelihood = clamp(adj.residualLikelihood ?? r.residual.likelihood);
    mapBefore[4 - likelihood]![severity - 1]!.push(r.id);
    mapAfter[4 - residualLikelihood]![residualSeverity - 1]!.push(r.id);
    return {
      id: r.id,
      title: r.title,
      added,
      impacts: r.impacts,
      threats: r.threats,
      sources: r.sources,
      existingMeasures: r.existing_measures,
      plannedMeasures: r.planned_measures,
      severity,
      likelihood,
      residualSeverity,
      residualLikelihood,
      justification: adj.justification ?? r.residual.justification ?? null,
      levelBefore: levelOf(scales, severity, likelihood),
      levelAfter: levelOf(scales, residualSeverity, residualLikelihood),
      notes,
      missingFacts,
    };
  });
  const measures = [...doc.content.risks.measures, ...doc.addedMeasures];
  const actionPlan = measures
    .filter((m) => m.status === 'planned')
    .map((m) => ({ id: m.id, title: m.title, dueMonths: m.due_months ?? 12, measureUrn: m.measure_urn ?? null, description: m.description ?? null }));
  return {
    localFields,
    principles,
    risks,
    measures,
    mapBefore,
    mapAfter,
    priorConsultation: risks.some((r) => r.levelAfter === 'high'),
    actionPlan,
    missing: localFields.filter((f) => !f.workflow && !f.filled).map((f) => f.path),
  };
}

/**
 * A proposal accepted: the new template version replaces the template's content, and the municipality keeps
 * its own values (for fields that are still local), its added risks and measures and its adjustments.
 */
export function applyTemplateVersion(doc: DpiaDocument, next: DpiaTemplateContent): DpiaDocument {
  const paths = new Set(localFieldsOf(next).map((f) => f.path));
  const values = Object.fromEntries(Object.entries(doc.values).filter(([path]) => paths.has(path)));
  const ids = new Set(next.risks.items.map((r) => r.id));
  const riskAdjustments = Object.fromEntries(Object.entries(doc.riskAdjustments).filter(([id]) => ids.has(id) || doc.addedRisks.some((r) => r.id === id)));
  return { ...doc, content: structuredClone(next), values, riskAdjustments };
}

/** The template's own text fields that differ between two versions, by dotted path (for the proposal view). */
export function changedPaths(from: unknown, to: unknown, path = ''): string[] {
  if (JSON.stringify(from) === JSON.stringify(to)) return [];
  const isObj = (v: unknown) => v && typeof v === 'object' && !Array.isArray(v);
  if (isObj(from) && isObj(to)) {
    const keys = new Set([...Object.keys(from as object), ...Object.keys(to as object)]);
    return [...keys].flatMap((k) => changedPaths((from as Record<string, unknown>)[k], (to as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return [path];
}

export function valueAt(content: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), content);
}
