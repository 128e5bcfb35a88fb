import { createRequire } from 'node:module';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { maturityScale } from '../assessment/labels';
import type { ReportData } from './data';
import { fill, labelsFor, type ReportLabels } from './labels';

/**
 * The one-page status for the kommunedirektør (PDF, pdfmake on the server). Roboto from pdfmake's own font
 * files covers æøå; the test reads the text back out of the PDF.
 */

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (arg?: unknown) => void): void;
  end(): void;
}
interface PdfPrinter {
  createPdfKitDocument(definition: TDocumentDefinitions, options?: object): PdfKitDocument;
}

const require = createRequire(import.meta.url);
let printer: PdfPrinter | null = null;

function getPrinter(): PdfPrinter {
  if (printer) return printer;
  // pdfmake 0.2 on Node: the printer class and the bundled Roboto fonts (as base64 in vfs_fonts.js).
  const Printer = require('pdfmake') as new (fonts: object) => PdfPrinter;
  const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  const font = (name: string) => Buffer.from(vfs[name]!, 'base64');
  printer = new Printer({
    Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') },
  });
  return printer;
}

const dateFormat = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' } as const;

function formatDate(iso: string | Date, language: ReportData['language']): string {
  const date = typeof iso === 'string' ? new Date(`${iso}T12:00:00Z`) : iso;
  return new Intl.DateTimeFormat(dateFormat[language], { dateStyle: 'medium', timeZone: 'Europe/Oslo' }).format(date);
}

/** A bar drawn as vector shapes, with the figure printed beside it (never colour alone). */
function bar(value: number | null, max: number): Content {
  const width = 80;
  const filled = value === null ? 0 : Math.max(0, Math.min(1, value / max)) * width;
  return {
    canvas: [
      { type: 'rect', x: 0, y: 1, w: width, h: 7, color: '#e6e9ee' },
      ...(filled > 0 ? [{ type: 'rect' as const, x: 0, y: 1, w: filled, h: 7, color: '#1e6091' }] : []),
    ],
  };
}

/** "NIS2-direktivet – risikostyringstiltak …" → "NIS2-direktivet": the full names are in the Excel export. */
const shortName = (name: string) => name.split(' – ')[0]!.replace(/\s*\([^)]*\)\s*$/, '');

const header = (labels: string[]): TableCell[] => labels.map((text) => ({ text, style: 'th' }));

function section(title: string): Content {
  return { text: title, style: 'h2' };
}

export function statusReportDefinition(data: ReportData): TDocumentDefinitions {
  const l: ReportLabels = labelsFor(data.language);
  const counts = { implemented: 0, partial: 0, not_assessed: 0 };
  for (const m of data.measures) if (m.assessment.status in counts) counts[m.assessment.status as keyof typeof counts]++;
  const open = data.actions.filter((a) => a.status === 'open' || a.status === 'in_progress');
  const scale = maturityScale[data.language];

  const decimal = new Intl.NumberFormat(dateFormat[data.language], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const areaRows: TableCell[][] = data.areas.map((area) => [
    area.title,
    { text: area.averageMaturity === null ? '–' : decimal.format(area.averageMaturity), alignment: 'right' },
    bar(area.averageMaturity, 5),
    { text: `${area.counts.implemented}/${area.measures}`, alignment: 'right' },
  ]);
  const frameworkRows: TableCell[][] = data.frameworks.map((f) => [
    shortName(f.name),
    { text: f.totals.percentMet === null ? '–' : `${f.totals.percentMet} %`, alignment: 'right' },
    bar(f.totals.percentMet, 100),
    { text: f.totals.percentPartial === null ? '–' : `${f.totals.percentPartial} %`, alignment: 'right' },
  ]);
  const priorityWord = (p: string) => (p === 'high' ? l.high : p === 'medium' ? l.medium : l.low);
  const compact = {
    hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => '#c9d1db',
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 1.5,
    paddingBottom: () => 1.5,
  };

  // Kept to one A4 page on purpose: figures side by side, fixed numbers of gaps, actions and decisions.
  return {
    pageSize: 'A4',
    pageMargins: [32, 30, 32, 36],
    info: { title: `${l.title} – ${data.organization.name}`, author: 'Samsvar', subject: l.to },
    defaultStyle: { font: 'Roboto', fontSize: 8, lineHeight: 1.05 },
    styles: {
      h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 9.5, bold: true, margin: [0, 7, 0, 2], color: '#1e3a5f' },
      th: { bold: true, fillColor: '#eef1f5' },
      muted: { color: '#555555', fontSize: 7 },
    },
    footer: (page: number, pages: number) => ({
      columns: [{ text: l.confidential, style: 'muted' }, { text: `${page}/${pages}`, alignment: 'right', style: 'muted', width: 30 }],
      margin: [32, 10, 32, 0],
    }),
    content: [
      { text: l.title, style: 'h1' },
      { text: `${data.organization.name} · ${l.to} · ${fill(l.generated, { date: formatDate(data.generatedAt, data.language) })}`, style: 'muted' },
      section(l.keyFigures),
      {
        text: [
          fill(l.implementedOf, { n: counts.implemented, total: data.measures.length }),
          fill(l.partialCount, { n: counts.partial }),
          fill(l.notAssessedCount, { n: counts.not_assessed }),
          fill(l.openActions, { n: open.length, overdue: open.filter((a) => a.overdue).length }),
        ].join(' · '),
      },
      {
        columns: [
          [
            section(l.maturityByArea),
            { table: { headerRows: 1, widths: ['*', 38, 36, 30], body: [header([l.area, l.maturity, '', l.implemented]), ...areaRows] }, layout: compact },
            { text: scale.map((s) => `${s.level} ${s.label}`).join(' · '), style: 'muted', margin: [0, 2, 0, 0] },
          ],
          [
            section(l.complianceByFramework),
            { table: { headerRows: 1, widths: ['*', 32, 40, 30], body: [header([l.framework, l.met, '', l.partial]), ...frameworkRows] }, layout: compact },
          ],
        ],
        columnGap: 14,
      },
      section(l.topGaps),
      data.topGaps.length
        ? {
            ol: data.topGaps.map((m) => ({
              text: [{ text: `${m.code} ${m.title}`, bold: true }, ` (${priorityWord(m.priority).toLowerCase()} ${l.priority.toLowerCase()}, ${l.effort.toLowerCase()}: ${priorityWord(m.effort).toLowerCase()})`],
            })),
          }
        : { text: l.noGaps },
      { text: l.topGapsNote, style: 'muted', margin: [0, 2, 0, 0] },
      section(l.nextActions),
      data.nextActions.length
        ? {
            table: {
              headerRows: 1,
              widths: ['*', 90, 80],
              body: [
                header([l.action, l.owner, l.due]),
                ...data.nextActions.map((a): TableCell[] => [
                  a.title,
                  a.owner?.name ?? l.noOwner,
                  a.dueDate ? `${formatDate(a.dueDate, data.language)}${a.overdue ? ` (${l.overdue})` : ''}` : l.noDue,
                ]),
              ],
            },
            layout: compact,
          }
        : { text: l.noActions },
      section(l.decisions),
      data.decisions.length ? { ul: data.decisions } : { text: l.noDecisions },
    ],
  };
}

export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = getPrinter().createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    document.on('data', (chunk) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}
