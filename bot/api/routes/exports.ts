// Exports of the portfolio for people who work in spreadsheets: the Excel workbook honours the
// filters of GET /api/v1/projects, for any reader, in the reader's language.
import { collectPortfolioExport } from '../exports/portfolio-export.js';
import { writePortfolioWorkbook, XLSX_MEDIA_TYPE } from '../exports/portfolio-workbook.js';
import { route } from '../route.js';
import { overviewQueryOf, ProjectListQuery } from './projects.js';

const ExportQuery = ProjectListQuery.omit({ limit: true, cursor: true });

export const exportRoutes = [
  route({
    method: 'get',
    path: '/api/v1/exports/portfolio.xlsx',
    operationId: 'exportPortfolioWorkbook',
    summary:
      'The portfolio as an Excel workbook (sheets Projects, Risks, Milestones, KPIs; headers in the ' +
      "caller's language), with the filters of GET /api/v1/projects",
    tag: 'projects',
    query: ExportQuery,
    response: {
      kind: 'file',
      mediaType: XLSX_MEDIA_TYPE,
      description: 'The workbook, as an attachment',
    },
    handler: async ({ ctx, services, query, locale }) => {
      // Read (and permission-checked) before any byte is sent: a refusal is still a problem document.
      const data = await collectPortfolioExport(services, ctx, overviewQueryOf(query, ctx.actor.id));
      const period = services.projects.currentPeriod();
      return {
        body: undefined,
        headers: {
          'Content-Type': XLSX_MEDIA_TYPE,
          'Content-Disposition': `attachment; filename="portfolio-${period}.xlsx"`,
          'X-Content-Type-Options': 'nosniff',
        },
        stream: (out) => writePortfolioWorkbook(data, locale, out, services.deps.clock.now()),
      };
    },
  }),
];
