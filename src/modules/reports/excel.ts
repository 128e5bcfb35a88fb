import ExcelJS from 'exceljs';
import { assessmentStatusLabels, maturityLabel, maturityScale } from '../assessment/labels';
import type { ReportData } from './data';
import { labelsFor } from './labels';

/** The full self-assessment and action plan as an Excel workbook, in the organisation's document language. */
export async function assessmentWorkbook(data: ReportData): Promise<Buffer> {
  const l = labelsFor(data.language);
  const statuses = assessmentStatusLabels[data.language];
  const level = (p: string) => (p === 'high' ? l.high : p === 'medium' ? l.medium : l.low);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samsvar';
  workbook.created = data.generatedAt;
  workbook.title = `${l.sheetAssessment} – ${data.organization.name}`;

  const sheet = (name: string, columns: { header: string; key: string; width: number }[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    return ws;
  };

  const assessment = sheet(l.sheetAssessment, [
    { header: l.code, key: 'code', width: 10 },
    { header: l.measure, key: 'title', width: 50 },
    { header: l.area, key: 'area', width: 28 },
    { header: l.priority, key: 'priority', width: 10 },
    { header: l.effort, key: 'effort', width: 10 },
    { header: l.status, key: 'status', width: 16 },
    { header: l.maturity, key: 'maturity', width: 22 },
    { header: l.owner, key: 'owner', width: 22 },
    { header: l.nextReview, key: 'nextReview', width: 16 },
    { header: l.comment, key: 'comment', width: 40 },
    { header: l.notRelevantReason, key: 'reason', width: 30 },
    { header: l.evidence, key: 'evidence', width: 12 },
    { header: l.closesFully, key: 'closes', width: 12 },
    { header: l.references, key: 'references', width: 36 },
    { header: l.updated, key: 'updated', width: 18 },
  ]);
  for (const m of data.measures) {
    assessment.addRow({
      code: m.code,
      title: m.title,
      area: m.areaTitle,
      priority: level(m.priority),
      effort: level(m.effort),
      status: statuses[m.assessment.status],
      maturity: maturityLabel(data.language, m.assessment.maturity),
      owner: m.assessment.owner?.name ?? '',
      nextReview: m.assessment.nextReview ?? '',
      comment: m.assessment.comment ?? '',
      reason: m.assessment.notRelevantReason ?? '',
      evidence: m.evidenceCount,
      closes: m.closesFully,
      references: m.references.join(' · '),
      updated: m.assessment.updatedAt ? m.assessment.updatedAt.slice(0, 10) : '',
    });
  }

  const plan = sheet(l.sheetActions, [
    { header: l.action, key: 'title', width: 50 },
    { header: l.status, key: 'status', width: 14 },
    { header: l.priority, key: 'priority', width: 10 },
    { header: l.effort, key: 'effort', width: 10 },
    { header: l.owner, key: 'owner', width: 22 },
    { header: l.due, key: 'due', width: 12 },
    { header: l.overdue, key: 'overdue', width: 10 },
    { header: l.source, key: 'source', width: 26 },
    { header: l.commonMeasure, key: 'measure', width: 12 },
    { header: l.notes, key: 'notes', width: 12 },
    { header: l.created, key: 'created', width: 12 },
  ]);
  for (const a of data.actions) {
    plan.addRow({
      title: a.title,
      status: l.actionStatus[a.status],
      priority: a.priority,
      effort: a.effort ? level(a.effort) : '',
      owner: a.owner?.name ?? '',
      due: a.dueDate ?? '',
      overdue: a.overdue ? l.yes : l.no,
      source: l.actionSource[a.sourceType],
      measure: a.measure?.code ?? '',
      notes: a.noteCount,
      created: a.createdAt.slice(0, 10),
    });
  }

  const compliance = sheet(l.sheetCompliance, [
    { header: l.framework, key: 'name', width: 44 },
    { header: l.version, key: 'version', width: 9 },
    { header: l.met, key: 'met', width: 10 },
    { header: l.partial, key: 'partial', width: 10 },
    { header: l.notMet, key: 'notMet', width: 12 },
    { header: l.notAssessed, key: 'notAssessed', width: 12 },
    { header: l.notRelevant, key: 'notRelevant', width: 12 },
    { header: l.percentMet, key: 'percent', width: 10 },
  ]);
  for (const f of data.frameworks) {
    compliance.addRow({ name: f.name, version: f.version, met: f.totals.met, partial: f.totals.partial, notMet: f.totals.notMet, notAssessed: f.totals.notAssessed, notRelevant: f.totals.notRelevant, percent: f.totals.percentMet ?? '' });
  }

  const scale = sheet(l.sheetScale, [
    { header: l.level, key: 'level', width: 8 },
    { header: l.label, key: 'label', width: 22 },
    { header: l.description, key: 'description', width: 80 },
  ]);
  for (const s of maturityScale[data.language]) scale.addRow(s);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
