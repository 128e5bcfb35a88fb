import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../processing/outputs/pdf';
import { cellOf, type RiskLevelId, type RiskMatrix } from '../matrix-shape';
import type { RiskDto } from '../contract';
import type { LoadedDetail } from '../detail';

/** The ROS as PDF: the risk map before and after measures (on the assessment's own matrix, coloured, with risk numbers) and the risk table. */

export const levelFill: Record<RiskLevelId, string> = { low: '#b7e1b9', medium: '#fbe88a', high: '#f9b36b', very_high: '#ec8a8a' };

const subjectLabel = { system: 'System', service: 'Tjeneste', processing: 'Behandling' } as const;
const statusLabel = { draft: 'Utkast', accepted: 'Godkjent' } as const;

const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(new Date(iso)) : '–');

function riskMap(matrix: RiskMatrix, risks: RiskDto[], which: 'before' | 'after'): Content {
  const at = (l: number, c: number) =>
    risks.filter((r) => (which === 'before' ? r.likelihood === l && r.consequence === c : r.residualLikelihood === l && r.residualConsequence === c)).map((r) => `R${r.number}`);
  const body: TableCell[][] = [];
  for (const likelihood of [...matrix.likelihood].reverse()) {
    const l = likelihood.value;
    const row: TableCell[] = [{ text: `${l} ${likelihood.name}`, fontSize: 7 }];
    for (const { value: c } of matrix.consequence) {
      const level = cellOf(matrix, l, c);
      row.push({ text: at(l, c).join(' '), fillColor: level ? levelFill[level] : undefined, alignment: 'center', bold: true, margin: [0, 6, 0, 6] });
    }
    body.push(row);
  }
  body.push([{ text: 'Sannsynlighet / konsekvens', fontSize: 7, italics: true }, ...matrix.consequence.map((c): TableCell => ({ text: `${c.value} ${c.name}`, fontSize: 7, alignment: 'center' }))]);
  return { table: { widths: [90, ...matrix.consequence.map(() => '*')], body }, margin: [0, 4, 0, 12] };
}

function riskTable(matrix: RiskMatrix, risks: RiskDto[]): Content {
  const levelName = (id: RiskLevelId | null) => (id ? (matrix.risk_levels.find((l) => l.id === id)?.name ?? id) : '–');
  const cell = (level: RiskLevelId | null, l: number | null, c: number | null): TableCell => ({ text: l && c ? `${levelName(level)} (S${l} × K${c})` : '–', fillColor: level ? levelFill[level] : undefined });
  const header: TableCell[] = ['Nr.', 'Risiko', 'Eksisterende tiltak', 'Risiko før', 'Nye tiltak', 'Restrisiko'].map((text) => ({ text, style: 'th' }));
  const rows = risks.map((r): TableCell[] => [
    `R${r.number}`,
    { stack: [{ text: r.title, bold: true }, { text: r.description ?? '', fontSize: 7 }] },
    r.existingMeasures ?? '–',
    cell(r.level, r.likelihood, r.consequence),
    r.measures.length ? { ul: r.measures.map((m) => `${m.title}${m.actionId ? ' (i handlingsplanen)' : ''}`) } : '–',
    cell(r.residualLevel, r.residualLikelihood, r.residualConsequence),
  ]);
  return { table: { headerRows: 1, widths: [20, '*', 90, 70, 100, 70], body: [header, ...rows], dontBreakRows: true }, layout: 'lightHorizontalLines' };
}

export function riskPdfDefinition(detail: LoadedDetail, matrix: RiskMatrix, organization: string): TDocumentDefinitions {
  const a = detail.assessment;
  const meta: [string, string][] = [
    [subjectLabel[a.subjectKind], a.subjectName],
    ['Status', `${statusLabel[a.status]} (versjon ${a.revision})`],
    ['Risikoeier', a.riskOwner?.name ?? '–'],
    ['Neste gjennomgang', a.reviewDate ?? '–'],
    ['Godkjent', a.acceptedAt ? `${date(a.acceptedAt)} av ${a.acceptedBy?.name ?? '–'}` : '–'],
  ];
  if (a.acceptanceNote) meta.push(['Merknad ved godkjenning', a.acceptanceNote]);
  return {
    info: { title: `${a.title} – ${organization}`, author: organization, subject: 'Risikovurdering (ROS)', creator: 'Samsvar' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: 'Roboto', fontSize: 8.5, lineHeight: 1.15 },
    styles: { title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] }, th: { bold: true, fillColor: '#eeeeee' } },
    footer: (current: number, total: number) => ({ text: `${organization} · ${a.title} · ${current}/${total}`, alignment: 'center', fontSize: 7, color: '#555555', margin: [0, 16, 0, 0] }),
    content: [
      { text: `Risikovurdering: ${a.title}`, style: 'title' },
      { text: organization, fontSize: 12, margin: [0, 0, 0, 8] },
      { table: { widths: [120, '*'], body: meta.map(([k, v]): TableCell[] => [{ text: k, bold: true }, v]) }, layout: 'noBorders' },
      ...(a.scope ? [{ text: 'Omfang', style: 'h2' }, { text: a.scope }] : []),
      {
        columns: [
          { stack: [{ text: 'Risikokart før nye tiltak', style: 'h2' }, riskMap(matrix, detail.risks, 'before')] },
          { stack: [{ text: 'Risikokart etter nye tiltak (restrisiko)', style: 'h2' }, riskMap(matrix, detail.risks, 'after')] },
        ],
        columnGap: 16,
      },
      { text: matrix.risk_levels.map((l) => `${l.name}: ${l.response_time}`).join('  ·  '), fontSize: 7, color: '#444444' },
      { text: 'Risikoer', style: 'h2', pageBreak: 'before' },
      detail.risks.length ? riskTable(matrix, detail.risks) : { text: 'Ingen risikoer er lagt inn.' },
      ...(detail.dismissed.length
        ? [{ text: 'Foreslåtte trusler som er vurdert bort', style: 'h2' }, { ul: detail.dismissed.map((r) => `${r.title}: ${r.rejectionReason ?? ''}`) }]
        : []),
      { text: `Matrise: ${matrix.name} (versjon ${matrix.version}). Laget ${date(new Date().toISOString())}.`, fontSize: 7, color: '#444444', margin: [0, 12, 0, 0] },
    ],
  };
}

export const renderRiskPdf = (detail: LoadedDetail, matrix: RiskMatrix, organization: string) => renderPdf(riskPdfDefinition(detail, matrix, organization));
