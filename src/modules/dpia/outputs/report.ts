import type { Scales } from '../content';
import type { DpiaDetailDto } from '../contract';
import { principleNames } from '../labels';

/**
 * What a DPIA document (PDF or Word) shows, built once from the detail so both formats say the same:
 * the parts context → principles → risks → validation, the risk map before and after measures, the action plan,
 * the DPO's opinion and the approval, with the version.
 */

export interface ReportSection {
  heading: string;
  rows: [string, string][];
}

export interface RiskMapCell {
  text: string;
  fill: string;
}

export interface Report {
  title: string;
  organization: string;
  subtitle: string;
  sections: ReportSection[];
  /** Rows likelihood 4 → 1, columns severity 1 → 4. */
  mapBefore: RiskMapCell[][];
  mapAfter: RiskMapCell[][];
  severityNames: string[];
  likelihoodNames: string[];
  legend: string;
}

export const fills: Record<string, string> = { green: '#c8e6c9', yellow: '#fff59d', red: '#ef9a9a' };
const statusText: Record<string, string> = { draft: 'Utkast', in_review: 'Hos personvernombudet', awaiting_approval: 'Til godkjenning', approved: 'Godkjent' };
const decisionText: Record<string, string> = { approved: 'Godkjent', approved_with_conditions: 'Godkjent med vilkår' };

export function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  if (Array.isArray(value)) return value.map(show).join('\n');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${show(v)}`).join('\n');
  return String(value);
}

const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(new Date(iso)) : '–');

export function buildReport(detail: DpiaDetailDto, organization: string, scales: Scales, personName: (id: unknown) => string): Report {
  const { view, shown } = detail;
  const levelFill = (s: number, l: number) => fills[scales.levels.find((lv) => lv.id === scales.cells[String(l)]![s - 1])?.color ?? 'red'] ?? '#ffffff';
  const map = (cells: string[][][]) => cells.map((row, r) => row.map((ids, c) => ({ text: ids.join(', '), fill: levelFill(c + 1, 4 - r) })));
  const localValue = (path: string, value: unknown, input: string) =>
    input === 'system_ref' ? (detail.context.systems.find((s) => s.id === value)?.name ?? show(value)) : input === 'person' ? personName(value) : show(value);
  const sections: ReportSection[] = [
    {
      heading: 'Om vurderingen',
      rows: [
        ['Behandling', detail.context.entryName],
        ['Mal', shown.templateTitle ? `${shown.templateTitle} (versjon ${shown.templateVersion})` : 'Uten mal'],
        ['Versjon', `${shown.number} – ${statusText[shown.status] ?? shown.status}`],
        ['Sammendrag', show(shown.summary)],
      ],
    },
    { heading: 'Del 1 – lokale opplysninger', rows: view.localFields.filter((f) => !f.workflow).map((f) => [f.prompt, localValue(f.path, f.value, f.input)]) },
    {
      heading: 'Del 2 – grunnleggende prinsipper',
      rows: view.principles.map((p) => [
        principleNames[p.key] ?? p.key,
        `${show(p.value)}\nVurdering: ${p.assessment === 'improvable' ? 'Må forbedres' : 'Tilfredsstillende'}${p.refs.length ? `\nHjemmel: ${p.refs.join(', ')}` : ''}${p.notes.length ? `\nMerk: ${p.notes.join(' ')}` : ''}`,
      ]),
    },
    {
      heading: 'Del 3 – risikoer',
      rows: view.risks.map((r) => [
        `${r.id}: ${r.title}`,
        [
          `Virkninger: ${r.impacts.join('; ') || '–'}`,
          `Trusler: ${r.threats.join('; ') || '–'}`,
          `Kilder: ${r.sources.join('; ') || '–'}`,
          `Tiltak som virker: ${r.existingMeasures.join(', ') || '–'} · Planlagte tiltak: ${r.plannedMeasures.join(', ') || '–'}`,
          `Før tiltak: alvorlighet ${r.severity}, sannsynlighet ${r.likelihood} · Etter tiltak: alvorlighet ${r.residualSeverity}, sannsynlighet ${r.residualLikelihood}`,
          ...r.notes.map((n) => `Merk: ${n}`),
        ].join('\n'),
      ]),
    },
    { heading: 'Tiltak', rows: view.measures.map((m) => [`${m.id}: ${m.title}`, `${m.status === 'planned' ? `Planlagt, frist ${m.due_months ?? 12} måneder etter godkjenning` : 'Finnes'}${m.description ? `\n${m.description}` : ''}`]) },
    {
      heading: 'Del 4 – validering',
      rows: [
        ['Forhåndsdrøfting med Datatilsynet (GDPR art. 36)', view.priorConsultation ? 'Ja: minst én restrisiko er høy' : 'Nei: ingen restrisiko er høy'],
        ['Personvernombudets uttalelse', `${show(shown.dpoOpinion)}${shown.dpoByName ? `\n${shown.dpoByName}, ${date(shown.dpoAt)}` : ''}`],
        ['Godkjenning', shown.approvalDecision ? `${decisionText[shown.approvalDecision]} av ${shown.approvedByName ?? '–'}, ${date(shown.approvedAt)}${shown.approvalNote ? `\n${shown.approvalNote}` : ''}` : 'Ikke godkjent'],
        ['Handlingsplan', view.actionPlan.map((a) => `${a.title} (frist ${a.dueMonths} måneder)`).join('\n') || '–'],
      ],
    },
  ];
  return {
    title: shown.title,
    organization,
    subtitle: `Vurdering av personvernkonsekvenser (DPIA, GDPR art. 35) · versjon ${shown.number} · ${statusText[shown.status] ?? shown.status}`,
    sections,
    mapBefore: map(view.mapBefore),
    mapAfter: map(view.mapAfter),
    severityNames: scales.severity.map((s) => `${s.value} ${s.name}`),
    likelihoodNames: [...scales.likelihood].reverse().map((l) => `${l.value} ${l.name}`),
    legend: scales.levels.map((l) => `${l.name} (${l.color === 'green' ? 'grønn' : l.color === 'yellow' ? 'gul' : 'rød'}): ${l.meaning}`).join(' '),
  };
}
