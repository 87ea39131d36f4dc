// The Council progress report as an editable Word document (docx): a title page with the period and
// the extraction date, a table of contents built from real Word headings (so the navigation pane
// works), then the sections of the report model in the order of the hand-written Council reports.
// Every fixed text comes from the report catalogue in the reader's language; project titles are the
// reader's where one exists. Arabic is written right to left (bidirectional paragraphs, tables laid
// out right to left with w:bidiVisual, complex-script runs); Chinese uses a CJK font and language.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Health } from '../domain/health.js';
import type { KpiTrend } from '../domain/kpi.js';
import { isRtl, type Locale } from '../domain/locale.js';
import { pillarName } from '../domain/pillar.js';
import type {
  ProgressReport,
  ReportKpi,
  ReportMilestone,
  ReportProject,
  ReportProjectRef,
  ReportRisk,
} from '../domain/progress-report.js';
import { projectTitle, type ProjectPhase } from '../domain/project.js';
import type { RiskLevel, RiskStatus } from '../domain/risk.js';
import type { MessageParams } from '../i18n/format.js';
import { t, type MessageKey } from '../i18n/translate.js';
import { CHART_HEIGHT, CHART_WIDTH, kpiChartPng } from './kpi-chart-png.js';

/** Fonts per script: Word falls back per character set (w:rFonts ascii / eastAsia / cs). */
const FONTS: Record<'latin' | 'cjk' | 'arabic', string> = {
  latin: 'Calibri',
  cjk: 'Microsoft YaHei',
  arabic: 'Arial',
};

const LANGUAGE_TAGS: Record<Locale, string> = {
  ar: 'ar-SA',
  en: 'en-GB',
  es: 'es-ES',
  fr: 'fr-FR',
  ru: 'ru-RU',
  zh: 'zh-CN',
};

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN = /[A-Za-z]/;
/** Marks Intl puts inside Arabic dates; the paragraph's direction already orders them. */
const BIDI_MARKS = /[\u200E\u200F\u061C]/g;
const LRE = '\u202A';
const PDF = '\u202C';
const HEADER_FILL = 'DCE6F0';

/** What a report section is built with: the language, and small helpers bound to it. */
class Writer {
  readonly rtl: boolean;
  /** Paragraph options: right to left for Arabic (w:bidi); nothing written otherwise. */
  readonly direction: { bidirectional?: true };
  constructor(readonly locale: Locale) {
    this.rtl = isRtl(locale);
    this.direction = this.rtl ? { bidirectional: true } : {};
    this.numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.longDates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  }

  t(key: MessageKey, params?: MessageParams): string {
    return t(this.locale, key, params);
  }

  run(
    text: string,
    options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {},
  ): TextRun {
    // A run is right to left when it holds Arabic. A Latin run in an Arabic document (a project title,
    // text people wrote, "11 forms (26/11/2026)") is embedded left to right (LRE ... PDF), so its words
    // keep their order and its closing full stop or colon stays on its right.
    if (!this.rtl) return new TextRun({ text, ...options });
    if (ARABIC.test(text)) return new TextRun({ text, ...options, rightToLeft: true });
    return new TextRun({ text: LATIN.test(text) ? `${LRE}${text}${PDF}` : text, ...options });
  }

  paragraph(
    children: ParagraphChild[] | string,
    options: { bullet?: boolean; style?: string; keepNext?: boolean } = {},
  ) {
    return new Paragraph({
      children: typeof children === 'string' ? [this.run(children)] : children,
      ...this.direction,
      ...(options.bullet ? { bullet: { level: 0 } } : {}),
      ...(options.style ? { style: options.style } : {}),
      ...(options.keepNext ? { keepNext: true } : {}),
    });
  }

  heading(level: 1 | 2 | 3, text: string): Paragraph {
    const headingLevel =
      level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
    return new Paragraph({
      children: [this.run(text)],
      heading: headingLevel,
      ...this.direction,
      keepNext: true,
    });
  }

  /** A label in bold, then text (e.g. "Key achievements: ..."). */
  labelled(label: string, text: string): Paragraph {
    return this.paragraph([this.run(`${label}: `, { bold: true }), this.run(text)]);
  }

  table(
    headers: readonly string[],
    rows: ReadonlyArray<readonly string[]>,
    options: { totalRow?: boolean } = {},
  ): Table {
    const cell = (text: string, header: boolean) =>
      new TableCell({
        children: [this.paragraph([this.run(text, { bold: header })])],
        ...(header ? { shading: { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' } } : {}),
      });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      ...(this.rtl ? { visuallyRightToLeft: true } : {}),
      rows: [
        new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
        ...rows.map(
          (r, i) =>
            new TableRow({
              children: r.map((text) => cell(text, !!options.totalRow && i === rows.length - 1)),
            }),
        ),
      ],
    });
  }

  title(p: Pick<ReportProjectRef, 'title' | 'titles'>): string {
    return projectTitle(p, this.locale);
  }

  named(p: ReportProjectRef): string {
    return `${p.code} ${this.title(p)}`;
  }

  // Intl formatters cost about a millisecond to build: one of each per document.
  private readonly numbers: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly longDates: Intl.DateTimeFormat;

  number(n: number): string {
    return this.numbers.format(n);
  }

  /** A calendar date (YYYY-MM-DD, or the date of an instant) in the reader's form. */
  date(iso: string): string {
    return this.dates.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)).replace(BIDI_MARKS, '');
  }

  longDate(iso: string): string {
    return this.longDates.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)).replace(BIDI_MARKS, '');
  }

  health(h: Health | null): string {
    return h ? this.t(`bot.health.${h}`) : this.t('bot.health.none');
  }

  phase(p: ProjectPhase): string {
    return this.t(`bot.phase.${p}`);
  }

  level(l: RiskLevel): string {
    return this.t(`bot.level.${l}`);
  }

  riskStatus(s: RiskStatus): string {
    return this.t(`bot.risk_status.${s}`);
  }

  trend(trend: KpiTrend): string {
    return this.t(`digest.kpis.trend.${trend}`);
  }
}

type Block = Paragraph | Table | TableOfContents;

/** The period as the title page words it. */
export function periodText(report: Pick<ProgressReport, 'period'>, locale: Locale): string {
  const p = report.period;
  const w = new Writer(locale);
  return t(locale, `report.period.${p.kind}`, {
    label: p.label,
    first: p.first,
    last: p.last,
    from: w.date(p.from),
    to: w.date(p.to),
  });
}

function titlePage(w: Writer, report: ProgressReport): Block[] {
  return [
    new Paragraph({
      children: [w.run(w.t('report.title'))],
      heading: HeadingLevel.TITLE,
      ...w.direction,
    }),
    w.paragraph([w.run(w.t('report.subtitle'), { size: 28, color: '404040' })]),
    w.paragraph([w.run(w.t('report.period_line', { period: periodText(report, w.locale) }), { bold: true })]),
    w.paragraph(
      w.t('report.extracted', {
        date: w.longDate(report.extractedAt),
        asOf: w.longDate(report.asOf.lastDay),
      }),
    ),
    w.paragraph([w.run(w.t('report.draft_note'), { italics: true, color: '595959' })]),
    w.paragraph([w.run(w.t('report.toc'), { bold: true, size: 28 })]),
    new TableOfContents(w.t('report.toc'), { hyperlink: true, headingStyleRange: '1-1' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function summarySection(w: Writer, r: ProgressReport): Block[] {
  const s = r.summary;
  return [
    w.heading(1, `1. ${w.t('report.h.summary')}`),
    w.paragraph(
      w.t('report.summary.portfolio', {
        projects: s.projects,
        reporting: s.reporting,
        green: s.health.green,
        amber: s.health.amber,
        red: s.health.red,
        none: s.health.none,
      }),
    ),
    w.paragraph(
      w.t('report.summary.change', {
        improved: s.improved,
        worsened: s.worsened,
        updates: s.updatesInPeriod,
      }),
    ),
    w.paragraph(w.t('report.summary.initiatives', { count: s.initiatives })),
    w.paragraph(
      w.t('report.summary.milestones', { achieved: s.milestonesAchieved, missed: s.milestonesMissed }),
    ),
    w.paragraph(
      w.t('report.summary.risks', {
        open: s.openRisks,
        critical: s.risksByLevel.critical,
        high: s.risksByLevel.high,
        escalated: s.escalated,
        fresh: s.newRisks,
      }),
    ),
    w.paragraph(
      w.t('report.summary.kpis', {
        count: r.kpis.count,
        achieved: s.kpis.achieved,
        onTrack: s.kpis['on-track'],
        behind: s.kpis.behind,
        noData: s.kpis['no-data'],
      }),
    ),
    w.paragraph(w.t('report.summary.changemakers', { members: s.changeMakers, cases: s.changeCases })),
  ];
}

function pillarSection(w: Writer, r: ProgressReport): Block[] {
  const rows = r.pillars.map((p) => [
    pillarName(p.row.pillar, w.locale),
    w.number(p.row.projects),
    w.number(p.row.green),
    w.number(p.row.amber),
    w.number(p.row.red),
    w.number(p.row.none),
    w.number(p.row.improved),
    w.number(p.row.worsened),
    w.number(p.row.openRisks),
  ]);
  const total = (f: (p: (typeof r.pillars)[number]) => number) =>
    w.number(r.pillars.reduce((n, p) => n + f(p), 0));
  rows.push([
    w.t('report.col.total'),
    total((p) => p.row.projects),
    total((p) => p.row.green),
    total((p) => p.row.amber),
    total((p) => p.row.red),
    total((p) => p.row.none),
    total((p) => p.row.improved),
    total((p) => p.row.worsened),
    total((p) => p.row.openRisks),
  ]);
  const out: Block[] = [
    w.heading(1, `2. ${w.t('report.h.pillars')}`),
    w.heading(2, w.t('report.h.pillar_health')),
    w.table(
      [
        w.t('report.col.pillar'),
        w.t('report.col.projects'),
        w.t('report.col.green'),
        w.t('report.col.amber'),
        w.t('report.col.red'),
        w.t('report.col.none'),
        w.t('report.col.improved'),
        w.t('report.col.worsened'),
        w.t('report.col.open_risks'),
      ],
      rows,
      { totalRow: true },
    ),
  ];
  r.pillars.forEach((p, i) => {
    out.push(w.heading(2, `2.${i + 1} ${pillarName(p.row.pillar, w.locale)}`));
    out.push(w.heading(3, w.t('report.h.what_moved')));
    if (p.movers.length) {
      out.push(w.paragraph(w.t('report.moved.count', { count: p.moversCount })));
      out.push(
        w.table(
          [w.t('report.col.project'), w.t('report.col.before'), w.t('report.col.after')],
          p.movers.map((m) => [w.named(m), w.health(m.from), w.health(m.to)]),
        ),
      );
    } else out.push(w.paragraph(w.t('report.moved.none')));
    out.push(w.heading(3, w.t('report.h.highlights')));
    if (p.highlights.length) {
      for (const h of p.highlights)
        out.push(w.paragraph([w.run(`${w.named(h)}: `, { bold: true }), w.run(h.text)], { bullet: true }));
    } else out.push(w.paragraph(w.t('report.highlights.none')));
  });
  return out;
}

function milestoneRows(w: Writer, list: readonly ReportMilestone[], completed: boolean): string[][] {
  return list.map((m) => [
    w.named(m.project),
    m.title,
    w.date(m.dueDate),
    ...(completed ? [m.completedOn ? w.date(m.completedOn) : ''] : []),
  ]);
}

function initiativeSection(w: Writer, r: ProgressReport): Block[] {
  const out: Block[] = [w.heading(1, `3. ${w.t('report.h.initiatives')}`)];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  r.initiatives.forEach((p: ReportProject & { milestones: ReportMilestone[] }, i) => {
    out.push(w.heading(2, `${letters[i % 26]}) ${w.title(p)} (${p.code})`));
    out.push(
      w.paragraph(
        p.health
          ? w.t('report.initiative.facts', {
              phase: w.phase(p.phase),
              health: w.health(p.health),
              percent: p.percentComplete ?? 0,
              owner: p.ownerName,
              period: p.lastReported ?? '',
            })
          : w.t('report.initiative.no_update', { phase: w.phase(p.phase), owner: p.ownerName }),
      ),
    );
    if (p.summary) out.push(w.labelled(w.t('report.initiative.summary'), p.summary));
    if (p.achievements) out.push(w.labelled(w.t('report.initiative.achievements'), p.achievements));
    if (p.nextSteps) out.push(w.labelled(w.t('report.initiative.next_steps'), p.nextSteps));
    if (p.blockers) out.push(w.labelled(w.t('report.initiative.blockers'), p.blockers));
    if (p.milestones.length) {
      out.push(w.paragraph([w.run(w.t('report.initiative.milestones'), { bold: true })], { keepNext: true }));
      for (const m of p.milestones) {
        const done = m.completedOn ? ` ✓ ${w.date(m.completedOn)}` : '';
        out.push(w.paragraph(`${m.title} (${w.date(m.dueDate)})${done}`, { bullet: true }));
      }
    }
  });
  return out;
}

function milestoneSection(w: Writer, r: ProgressReport): Block[] {
  const m = r.milestones;
  const more = (count: number, shown: number) =>
    count > shown ? [w.paragraph(w.t('report.milestones.more', { count: count - shown }))] : [];
  const cols = [w.t('report.col.project'), w.t('report.col.milestone'), w.t('report.col.due')];
  return [
    w.heading(1, `4. ${w.t('report.h.milestones')}`),
    w.heading(2, w.t('report.h.milestones_achieved')),
    ...(m.achieved.length
      ? [
          w.table([...cols, w.t('report.col.completed')], milestoneRows(w, m.achieved, true)),
          ...more(m.achievedCount, m.achieved.length),
        ]
      : [w.paragraph(w.t('report.milestones.none_achieved'))]),
    w.heading(2, w.t('report.h.milestones_missed')),
    ...(m.missed.length
      ? [w.table(cols, milestoneRows(w, m.missed, false)), ...more(m.missedCount, m.missed.length)]
      : [w.paragraph(w.t('report.milestones.none_missed'))]),
  ];
}

function riskRows(w: Writer, risks: readonly ReportRisk[]): string[][] {
  return risks.map((r) => [
    r.title,
    r.project ? w.named(r.project) : w.t('report.portfolio_wide'),
    `${r.score} (${w.level(r.level)})`,
    w.riskStatus(r.status),
    r.mitigation || '—',
    r.ownerName ?? '—',
  ]);
}

function riskSection(w: Writer, r: ProgressReport): Block[] {
  const k = r.risks;
  const cols = [
    w.t('report.col.risk'),
    w.t('report.col.project'),
    w.t('report.col.score'),
    w.t('report.col.status'),
    w.t('report.col.mitigation'),
    w.t('report.col.owner'),
  ];
  return [
    w.heading(1, `5. ${w.t('report.h.risks')}`),
    w.paragraph(
      w.t('report.risks.intro', {
        open: k.openCount,
        critical: k.byLevel.critical,
        high: k.byLevel.high,
        medium: k.byLevel.medium,
        low: k.byLevel.low,
        fresh: k.newCount,
      }),
    ),
    w.heading(2, w.t('report.h.top_risks')),
    k.top.length ? w.table(cols, riskRows(w, k.top)) : w.paragraph(w.t('report.risks.none')),
    w.heading(2, w.t('report.h.escalations')),
    k.escalations.length
      ? w.table(
          [
            w.t('report.col.risk'),
            w.t('report.col.project'),
            w.t('report.col.score'),
            w.t('report.col.escalated_on'),
            w.t('report.col.acknowledged'),
            w.t('report.col.mitigation'),
          ],
          k.escalations.map((e) => [
            e.title,
            e.project ? w.named(e.project) : w.t('report.portfolio_wide'),
            `${e.score} (${w.level(e.level)})`,
            e.escalatedAt ? w.date(e.escalatedAt) : '—',
            e.acknowledged ? w.t('report.yes') : w.t('report.no'),
            e.mitigation || '—',
          ]),
        )
      : w.paragraph(w.t('report.escalations.none')),
  ];
}

function kpiBlock(w: Writer, k: ReportKpi): Block[] {
  const value = (p: { value: number } | null) =>
    p ? `${w.number(p.value)} ${k.unit}` : w.t('report.none_yet');
  const scope = k.project
    ? w.t('report.kpis.scope_project', { name: w.named(k.project) })
    : k.pillar
      ? w.t('report.kpis.scope_pillar', { name: pillarName(k.pillar, w.locale) })
      : '';
  const alt = w.t('report.kpis.chart_alt', {
    title: k.title,
    baseline: w.number(k.baseline.value),
    target: w.number(k.target.value),
    latest: k.latest ? w.number(k.latest.value) : w.t('report.none_yet'),
    unit: k.unit,
  });
  return [
    w.heading(3, k.title),
    ...(scope ? [w.paragraph([w.run(scope, { italics: true })])] : []),
    w.table(
      [
        w.t('report.col.baseline'),
        w.t('report.col.target'),
        w.t('report.col.latest'),
        w.t('report.col.trend'),
      ],
      [
        [
          `${value(k.baseline)} (${w.date(k.baseline.date)})`,
          `${value(k.target)} (${w.date(k.target.date)})`,
          k.latest ? `${value(k.latest)} (${w.date(k.latest.date)})` : w.t('report.none_yet'),
          w.trend(k.trend),
        ],
      ],
    ),
    new Paragraph({
      ...w.direction,
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: kpiChartPng(k),
          transformation: { width: CHART_WIDTH, height: CHART_HEIGHT },
          altText: { name: k.title, title: k.title, description: alt },
        }),
      ],
    }),
  ];
}

function kpiSection(w: Writer, r: ProgressReport): Block[] {
  return [
    w.heading(1, `6. ${w.t('report.h.kpis')}`),
    ...(r.kpis.count
      ? [
          w.paragraph(w.t('report.kpis.intro', { shown: r.kpis.shown.length, count: r.kpis.count })),
          w.paragraph([w.run(w.t('report.kpis.legend'), { italics: true, color: '595959' })]),
          ...r.kpis.shown.flatMap((k) => kpiBlock(w, k)),
        ]
      : [w.paragraph(w.t('report.kpis.none'))]),
  ];
}

function changeMakerSection(w: Writer, r: ProgressReport): Block[] {
  const c = r.changeMakers;
  return [
    w.heading(1, `7. ${w.t('report.h.changemakers')}`),
    w.paragraph(w.t('report.changemakers.intro', { members: c.members, cases: c.cases.length })),
    ...(c.cases.length
      ? [
          w.table(
            [
              w.t('report.col.change_case'),
              w.t('report.col.phase'),
              w.t('report.col.health'),
              w.t('report.col.members'),
            ],
            c.cases.map((p) => [w.named(p), w.phase(p.phase), w.health(p.health), w.number(p.memberCount)]),
          ),
          ...c.cases
            .filter((p) => p.achievements || p.summary)
            .map((p) =>
              w.paragraph([w.run(`${w.named(p)}: `, { bold: true }), w.run(p.achievements || p.summary)], {
                bullet: true,
              }),
            ),
        ]
      : []),
  ];
}

function nextStepsSection(w: Writer, r: ProgressReport): Block[] {
  const out: Block[] = [w.heading(1, `8. ${w.t('report.h.next_steps')}`)];
  r.nextSteps.byPillar.forEach((p, i) => {
    out.push(w.heading(2, `${'abcde'[i] ?? i + 1}) ${pillarName(p.pillar, w.locale)}`));
    if (p.items.length) {
      for (const item of p.items)
        out.push(
          w.paragraph([w.run(`${w.named(item)}: `, { bold: true }), w.run(item.text)], { bullet: true }),
        );
    } else out.push(w.paragraph(w.t('report.next.none')));
  });
  out.push(w.heading(2, w.t('report.h.upcoming')));
  out.push(
    r.nextSteps.upcoming.length
      ? w.table(
          [w.t('report.col.project'), w.t('report.col.milestone'), w.t('report.col.due')],
          milestoneRows(w, r.nextSteps.upcoming, false),
        )
      : w.paragraph(w.t('report.next.upcoming_none')),
  );
  return out;
}

/** The whole document's blocks, in order. */
function blocks(report: ProgressReport, locale: Locale): Block[] {
  const w = new Writer(locale);
  return [
    ...titlePage(w, report),
    ...summarySection(w, report),
    ...pillarSection(w, report),
    ...initiativeSection(w, report),
    ...milestoneSection(w, report),
    ...riskSection(w, report),
    ...kpiSection(w, report),
    ...changeMakerSection(w, report),
    ...nextStepsSection(w, report),
  ];
}

/** The Word document (docx bytes) of a report, in one of the six languages. */
export async function renderProgressReportDocx(report: ProgressReport, locale: Locale): Promise<Buffer> {
  const tag = LANGUAGE_TAGS[locale];
  const doc = new Document({
    creator: 'Transformation Hub',
    title: `${t(locale, 'report.title')} — ${report.period.label}`,
    description: t(locale, 'report.subtitle'),
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.cjk, cs: FONTS.arabic },
            size: 22,
            language: { value: tag, eastAsia: locale === 'zh' ? tag : 'zh-CN', bidirectional: 'ar-SA' },
          },
        },
      },
    },
    sections: [{ children: blocks(report, locale) }],
  });
  return Packer.toBuffer(doc);
}

/** The file name offered for download, e.g. "council-progress-report-2026-Q4-en.docx". */
export function reportFileName(
  report: Pick<ProgressReport, 'period'>,
  locale: Locale,
): { ascii: string; localised: string } {
  const label = report.period.label.replace(/\.\./g, '_');
  return {
    ascii: `council-progress-report-${label}-${locale}.docx`,
    localised: `${t(locale, 'report.filename')}-${label}-${locale}.docx`,
  };
}
