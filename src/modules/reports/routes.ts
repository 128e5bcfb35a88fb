import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { defineRoute, policy } from '../../server/route';
import { attachmentHeader } from '../assessment/evidence';
import { osloDate } from '../assessment/people';
import { assessmentScope } from '../assessment/policy';
import { reportData, type ReportData } from './data';
import { assessmentWorkbook } from './excel';
import { renderPdf, statusReportDefinition } from './pdf';
import { reportPolicies } from './policy';

const tags = ['Rapporter'];

const slug = (data: ReportData) => data.organization.municipalityNumber ?? data.organization.name.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');

/** An export is not a row change, so it is logged as an event: who took the organisation's data out, when. */
const logExport = (tx: Tx, kind: string) => tx.execute(sql`select audit_log_event('report', null, 'export', ${JSON.stringify({ kind })}::jsonb)`);

export const reportRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/reports/status.pdf',
    summary: 'Én side status til kommunedirektøren (PDF)',
    tags,
    access: policy(reportPolicies.download),
    handler: async (ctx, _input, reply) => {
      const actor = ctx.requireActor();
      const now = ctx.services.clock();
      const data = await ctx.work(async (tx) => {
        await logExport(tx, 'status.pdf');
        return reportData(tx, assessmentScope(actor), now);
      });
      const pdf = await renderPdf(statusReportDefinition(data));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentHeader(`samsvar-status-${slug(data)}-${osloDate(now)}.pdf`))
        .send(pdf);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/assessment.xlsx',
    summary: 'Hele egenvurderingen og handlingsplanen (Excel)',
    tags,
    access: policy(reportPolicies.download),
    handler: async (ctx, _input, reply) => {
      const actor = ctx.requireActor();
      const now = ctx.services.clock();
      const data = await ctx.work(async (tx) => {
        await logExport(tx, 'assessment.xlsx');
        return reportData(tx, assessmentScope(actor), now);
      });
      const workbook = await assessmentWorkbook(data);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`samsvar-egenvurdering-${slug(data)}-${osloDate(now)}.xlsx`))
        .send(workbook);
    },
  }),
];
