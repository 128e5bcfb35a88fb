import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../processing/outputs/pdf';
import type { Report, RiskMapCell } from './report';

function riskMap(heading: string, cells: RiskMapCell[][], report: Report): Content[] {
  const header: TableCell[] = [{ text: 'Sannsynlighet \\ alvorlighet', bold: true, fontSize: 7 }, ...report.severityNames.map((s) => ({ text: s, bold: true, fontSize: 7 }))];
  const body: TableCell[][] = [header, ...cells.map((row, r): TableCell[] => [{ text: report.likelihoodNames[r]!, bold: true, fontSize: 7 }, ...row.map((c) => ({ text: c.text, fillColor: c.fill, alignment: 'center' as const }))])];
  return [{ text: heading, style: 'h2' }, { table: { widths: [90, '*', '*', '*', '*'], heights: 26, body }, margin: [0, 2, 0, 10] }];
}

export function reportPdf(report: Report): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: report.title, author: report.organization, subject: 'GDPR art. 35', creator: 'Samsvar' },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
    styles: { title: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] }, h1: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] }, h2: { fontSize: 11, bold: true, margin: [0, 6, 0, 2] }, meta: { fontSize: 8, color: '#444444' } },
    footer: (current: number, total: number) => ({ text: `${report.organization} · ${report.title} · ${current}/${total}`, alignment: 'center', fontSize: 7, color: '#555555', margin: [0, 20, 0, 0] }),
    content: [
      { text: report.title, style: 'title' },
      { text: report.organization, fontSize: 13 },
      { text: report.subtitle, style: 'meta', margin: [0, 0, 0, 10] },
      ...report.sections.flatMap((s): Content[] => [
        { text: s.heading, style: 'h1' },
        { table: { widths: [150, '*'], body: s.rows.length ? s.rows.map(([k, v]) => [{ text: k, bold: true }, v]) : [['–', '–']], dontBreakRows: true }, layout: 'lightHorizontalLines' },
      ]),
      { text: 'Risikokart', style: 'h1' },
      ...riskMap('Før planlagte tiltak', report.mapBefore, report),
      ...riskMap('Etter planlagte tiltak (restrisiko)', report.mapAfter, report),
      { text: report.legend, style: 'meta' },
    ],
  };
  return renderPdf(definition);
}
