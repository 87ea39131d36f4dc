// The Council progress report (issue 16) over HTTP, for the tab's "Council report" button and the
// Copilot agent's action:
// - GET /api/v1/reports/progress?period=&locale= returns the Word document as an attachment;
// - GET /api/v1/reports/progress/pillar-draft?period=&pillar=&locale= returns one pillar's section as
//   text for the CTO to paste (operation draftPillarReport of the API plugin).
// Both go through the report service: CTO / Transformation Office only, refusals audited, the period
// a week, a quarter or a range of weeks (a bad one is a 400 problem naming `period`).
import { z } from 'zod';
import { digestPeriodAt } from '../../domain/digest.js';
import { SUPPORTED_LOCALES, type Locale } from '../../domain/locale.js';
import { PillarCode } from '../../domain/pillar.js';
import { pillarDraft } from '../../reports/pillar-draft.js';
import { renderProgressReportDocx, reportFileName } from '../../reports/progress-docx.js';
import type { Services } from '../../services/services.js';
import { route } from '../route.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const PERIOD_DESCRIPTION =
  'An ISO week (2026-W48), a quarter (2026-Q4) or a range of weeks (2026-W40..2026-W48); default: the last complete week';

const ReportQuery = z.object({
  period: z.string().max(40).optional().describe(PERIOD_DESCRIPTION),
  locale: z.enum(SUPPORTED_LOCALES).optional().describe('Language of the report (default: the caller’s)'),
});

const DraftQuery = ReportQuery.extend({
  pillar: PillarCode.describe('The pillar: GOV, SPT, PAC, RES or MAP'),
});

export const PillarDraftSchema = z.object({
  pillar: PillarCode,
  pillarName: z.string(),
  period: z.string(),
  title: z.string(),
  text: z.string(),
});

function defaultPeriod(services: Services): string {
  return digestPeriodAt(services.deps.clock.now(), services.deps.orgTimeZone);
}

/** `attachment` with an ASCII name and the localised one (RFC 6266 / RFC 8187). */
export function attachmentHeader(names: { ascii: string; localised: string }): string {
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.localised)}`;
}

export const reportRoutes = [
  route({
    method: 'get',
    path: '/api/v1/reports/progress',
    operationId: 'getProgressReport',
    summary:
      'The Council progress report for a period as an editable Word document (CTO / Transformation Office)',
    tag: 'reports',
    query: ReportQuery,
    response: {
      kind: 'file',
      mediaType: DOCX_MEDIA_TYPE,
      description: 'The report (.docx), as an attachment',
    },
    handler: async ({ ctx, services, query }) => {
      const locale: Locale = query.locale ?? ctx.locale;
      const report = await services.reports.progressReport(ctx, {
        period: query.period ?? defaultPeriod(services),
      });
      const bytes = await renderProgressReportDocx(report, locale);
      return {
        body: undefined,
        headers: {
          'Content-Type': DOCX_MEDIA_TYPE,
          'Content-Disposition': attachmentHeader(reportFileName(report, locale)),
        },
        stream: (out) => {
          out.end(bytes);
          return Promise.resolve();
        },
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/reports/progress/pillar-draft',
    operationId: 'draftPillarReport',
    summary:
      "Drafts one pillar's section of the Council progress report as text (CTO / Transformation Office)",
    description:
      "Use when the Chief Transformation Officer or the Transformation Office asks to draft, write or prepare a pillar's part of the Council progress report: returns that pillar's section (health, what moved, highlights, milestones, risks, next steps) as text for a period, in the asked language, to paste into the report.",
    tag: 'reports',
    query: DraftQuery,
    response: { kind: 'json', schema: PillarDraftSchema, name: 'PillarDraft' },
    handler: async ({ ctx, services, query }) => {
      const locale: Locale = query.locale ?? ctx.locale;
      const report = await services.reports.progressReport(ctx, {
        period: query.period ?? defaultPeriod(services),
      });
      return { body: pillarDraft(report, query.pillar, locale) };
    },
  }),
];
