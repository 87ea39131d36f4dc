// The portfolio as an Excel workbook (exceljs, streamed: each row is written out as it is added):
// sheets Projects, Risks, Milestones and KPIs in the reader's language, typed cells (dates as dates,
// numbers as numbers, shares as percentages), a frozen bold header row, right to left in Arabic.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isRtl, type Locale } from '../../domain/locale.js';
import { pillarName } from '../../domain/pillar.js';
import { projectTitle } from '../../domain/project.js';
import { t, type MessageKey } from '../../i18n/translate.js';
import type { PortfolioExport } from './portfolio-export.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | Date | null;

interface Column<T> {
  header: MessageKey;
  width: number;
  numFmt?: string;
  value: (row: T) => Cell;
}

const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';
const PERCENT = '0%';
const AMOUNT = '#,##0';

/** A calendar date (YYYY-MM-DD) as the Date Excel shows as that day. */
function day(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

const num = (n: number | null | undefined): number | null => (n === undefined ? null : n);

export async function writePortfolioWorkbook(
  data: PortfolioExport,
  locale: Locale,
  out: Writable,
  createdAt: Date,
): Promise<void> {
  const tr = (key: MessageKey) => t(locale, key);
  const person = (id: string | null | undefined) => (id ? (data.people.get(id) ?? id) : null);
  const codes = new Map(data.projects.map((o) => [o.project.id, o.project.code]));
  const projectCode = (id: string | null) => (id ? (codes.get(id) ?? id) : tr('export.value.portfolio_wide'));

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Transformation Hub';
  workbook.created = createdAt;

  const sheet = <T>(name: MessageKey, columns: ReadonlyArray<Column<T>>, rows: readonly T[]) => {
    const ws = workbook.addWorksheet(tr(name), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0, rightToLeft: isRtl(locale) }],
    });
    ws.columns = columns.map((c, i) => ({
      key: String(i),
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    const header = ws.addRow(columns.map((c) => tr(c.header)));
    header.font = { bold: true };
    header.commit();
    for (const row of rows) ws.addRow(columns.map((c) => c.value(row))).commit();
    ws.commit();
  };

  sheet(
    'export.sheet.projects',
    [
      { header: 'export.col.code', width: 10, value: (o) => o.project.code },
      { header: 'export.col.title', width: 40, value: (o) => projectTitle(o.project, locale) },
      { header: 'export.col.kind', width: 22, value: (o) => tr(`export.kind.${o.project.kind}`) },
      { header: 'export.col.pillar', width: 28, value: (o) => pillarName(o.project.pillar, locale) },
      { header: 'export.col.org_unit', width: 10, value: (o) => o.project.orgUnit },
      { header: 'export.col.phase', width: 14, value: (o) => tr(`bot.phase.${o.project.phase}`) },
      { header: 'export.col.owner', width: 24, value: (o) => person(o.project.ownerId) },
      {
        header: 'export.col.health',
        width: 14,
        value: (o) => tr(o.health ? `bot.health.${o.health}` : 'bot.health.none'),
      },
      {
        header: 'export.col.percent_complete',
        width: 12,
        numFmt: PERCENT,
        value: (o) => (o.percentComplete === undefined ? null : o.percentComplete / 100),
      },
      { header: 'export.col.last_period', width: 14, value: (o) => o.lastReportedPeriod ?? null },
      {
        header: 'export.col.last_update',
        width: 18,
        numFmt: DATE_TIME,
        value: (o) => (o.lastUpdateAt ? new Date(o.lastUpdateAt) : null),
      },
      { header: 'export.col.reporting', width: 18, value: (o) => tr(`export.reporting.${o.reporting}`) },
      { header: 'export.col.open_risks', width: 10, value: (o) => o.openRisks },
      { header: 'export.col.top_risk_score', width: 12, value: (o) => num(o.topRiskScore) },
      { header: 'export.col.start_date', width: 12, numFmt: DATE, value: (o) => day(o.project.startDate) },
      { header: 'export.col.due_date', width: 12, numFmt: DATE, value: (o) => day(o.project.dueDate) },
      { header: 'export.col.budget_chf', width: 14, numFmt: AMOUNT, value: (o) => o.project.budgetChf },
      { header: 'export.col.spend_chf', width: 14, numFmt: AMOUNT, value: (o) => o.project.spendChf },
    ],
    data.projects,
  );

  sheet(
    'export.sheet.risks',
    [
      { header: 'export.col.project', width: 12, value: (r) => projectCode(r.projectId) },
      { header: 'export.col.title', width: 40, value: (r) => r.title },
      { header: 'export.col.category', width: 16, value: (r) => tr(`bot.category.${r.category}`) },
      { header: 'export.col.status', width: 14, value: (r) => tr(`extension.risk_status.${r.status}`) },
      { header: 'export.col.likelihood', width: 10, value: (r) => r.likelihood },
      { header: 'export.col.impact', width: 10, value: (r) => r.impact },
      { header: 'export.col.score', width: 8, value: (r) => r.score },
      { header: 'export.col.level', width: 10, value: (r) => tr(`bot.level.${r.level}`) },
      { header: 'export.col.owner', width: 24, value: (r) => person(r.ownerId) },
      { header: 'export.col.review_date', width: 12, numFmt: DATE, value: (r) => day(r.reviewDate) },
      { header: 'export.col.raised_on', width: 12, numFmt: DATE, value: (r) => day(r.raisedAt) },
    ],
    data.risks,
  );

  sheet(
    'export.sheet.milestones',
    [
      { header: 'export.col.project', width: 12, value: (m) => projectCode(m.projectId) },
      { header: 'export.col.title', width: 40, value: (m) => m.title },
      { header: 'export.col.due_date', width: 12, numFmt: DATE, value: (m) => day(m.dueDate) },
      { header: 'export.col.status', width: 12, value: (m) => tr(`export.milestone.${m.status}`) },
      { header: 'export.col.completed_on', width: 12, numFmt: DATE, value: (m) => day(m.completedOn) },
    ],
    data.milestones,
  );

  sheet(
    'export.sheet.kpis',
    [
      { header: 'export.col.project', width: 12, value: (k) => projectCode(k.kpi.projectId) },
      {
        header: 'export.col.pillar',
        width: 28,
        value: (k) => (k.kpi.pillar ? pillarName(k.kpi.pillar, locale) : null),
      },
      { header: 'export.col.title', width: 36, value: (k) => k.kpi.title },
      { header: 'export.col.unit', width: 10, value: (k) => k.kpi.unit },
      { header: 'export.col.baseline', width: 10, value: (k) => k.kpi.baseline.value },
      { header: 'export.col.baseline_date', width: 12, numFmt: DATE, value: (k) => day(k.kpi.baseline.date) },
      { header: 'export.col.target', width: 10, value: (k) => k.kpi.target.value },
      { header: 'export.col.target_date', width: 12, numFmt: DATE, value: (k) => day(k.kpi.target.date) },
      { header: 'export.col.latest', width: 10, value: (k) => num(k.progress.latest?.value) },
      {
        header: 'export.col.latest_date',
        width: 12,
        numFmt: DATE,
        value: (k) => day(k.progress.latest?.date),
      },
      { header: 'export.col.progress', width: 10, numFmt: PERCENT, value: (k) => num(k.progress.progress) },
      { header: 'export.col.trend', width: 14, value: (k) => tr(`export.trend.${k.progress.trend}`) },
    ],
    data.kpis,
  );

  await workbook.commit();
}
