import { Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Report, RiskMapCell } from './report';

const lines = (text: string) => text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
const cell = (text: string, options: { bold?: boolean; fill?: string } = {}) =>
  new TableCell({
    children: options.bold ? [new Paragraph({ children: [new TextRun({ text, bold: true })] })] : lines(text || ' '),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill.replace('#', '') } } : {}),
  });

function riskMap(heading: string, cells: RiskMapCell[][], report: Report) {
  const rows = [
    new TableRow({ tableHeader: true, children: [cell('Sannsynlighet \\ alvorlighet', { bold: true }), ...report.severityNames.map((s) => cell(s, { bold: true }))] }),
    ...cells.map((row, r) => new TableRow({ children: [cell(report.likelihoodNames[r]!, { bold: true }), ...row.map((c) => cell(c.text, { fill: c.fill }))] })),
  ];
  return [new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2 }), new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } })];
}

export async function reportDocx(report: Report): Promise<Buffer> {
  const children = [
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: report.organization }),
    new Paragraph({ text: report.subtitle }),
    ...report.sections.flatMap((s) => [
      new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }),
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: (s.rows.length ? s.rows : ([['–', '–']] as [string, string][])).map(([k, v]) => new TableRow({ children: [cell(k, { bold: true }), cell(v)] })) }),
    ]),
    new Paragraph({ text: 'Risikokart', heading: HeadingLevel.HEADING_1 }),
    ...riskMap('Før planlagte tiltak', report.mapBefore, report),
    ...riskMap('Etter planlagte tiltak (restrisiko)', report.mapAfter, report),
    new Paragraph({ text: report.legend }),
  ];
  const doc = new Document({ creator: 'Samsvar', title: report.title, description: 'DPIA (GDPR art. 35)', sections: [{ children }] });
  return Packer.toBuffer(doc);
}
