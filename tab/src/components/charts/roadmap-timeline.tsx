// The roadmap as a timeline: milestones on a time axis, one row per project, today marked (a row of
// its own), missed and overdue ones in their own colours. A planned milestone past its due date shows
// as overdue.
import { makeStyles } from '@fluentui/react-components';
import { DataVizPalette, GanttChart, type GanttChartDataPoint } from '@fluentui/react-charts';
import type { Milestone } from '../../../../bot/domain/milestone.js';
import { addDays } from '../../../../bot/domain/primitives.js';
import { useI18n } from '../../i18n/index.js';
import { milestoneState, type MilestoneState } from '../milestone-state.js';
import type { RoadmapProps } from '../roadmap.js';
import { ChartFrame } from './chart-frame.js';

const STATE_COLORS: Readonly<Record<MilestoneState, string>> = {
  planned: DataVizPalette.info,
  done: DataVizPalette.success,
  missed: DataVizPalette.error,
  overdue: DataVizPalette.warning,
};

const WINDOW_BEFORE_DAYS = 60;
const WINDOW_AFTER_DAYS = 120;
const ROW_HEIGHT = 28;

const useStyles = makeStyles({ box: { minWidth: 0 } });

const utc = (d: string) => new Date(`${d}T00:00:00Z`);

export function RoadmapTimeline({ milestones, projects, today }: RoadmapProps) {
  const styles = useStyles();
  const { t, date, locale } = useI18n();
  // The window around today: the last quarter and the next half-year (the table below lists all).
  const from = addDays(today, -WINDOW_BEFORE_DAYS);
  const to = addDays(today, WINDOW_AFTER_DAYS);
  const all = [...milestones].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const sorted = all.filter((m) => m.dueDate >= from && m.dueDate <= to);
  const codeOf = (m: Milestone) => projects.get(m.projectId)?.project.code ?? m.projectId;
  const todayLabel = t('roadmap.today', { date: date(today) });
  const data: GanttChartDataPoint[] = [
    ...sorted.map((m) => {
      const state = milestoneState(m, today);
      return {
        x: { start: utc(addDays(m.dueDate, -2)), end: utc(addDays(m.dueDate, 2)) },
        y: codeOf(m),
        legend: t(`milestone.${state}`),
        color: STATE_COLORS[state],
        xAxisCalloutData: date(m.dueDate),
        yAxisCalloutData: `${codeOf(m)} · ${m.title}`,
      };
    }),
    {
      x: { start: utc(addDays(today, -1)), end: utc(addDays(today, 1)) },
      y: t('roadmap.todayRow'),
      legend: t('roadmap.todayRow'),
      color: DataVizPalette.color1,
      xAxisCalloutData: todayLabel,
    },
  ];
  const states = all.map((m) => milestoneState(m, today));
  const count = (s: MilestoneState) => states.filter((x) => x === s).length;
  const rows = new Set(sorted.map(codeOf)).size + 1;
  return (
    <ChartFrame
      id="roadmap-timeline"
      title={t('roadmap.timeline')}
      summary={t('roadmap.timelineSummary', {
        count: all.length,
        projects: new Set(all.map(codeOf)).size,
        overdue: count('overdue'),
        missed: count('missed'),
        today: date(today),
      })}
      table={{
        columns: [
          t('table.col.code'),
          t('milestones.col.title'),
          t('milestones.col.due'),
          t('milestones.col.status'),
        ],
        rows: all.map((m, i) => ({
          key: m.id,
          cells: [codeOf(m), m.title, date(m.dueDate), t(`milestone.${states[i]!}`)],
        })),
      }}
    >
      <div className={styles.box} style={{ height: `${Math.max(240, ROW_HEIGHT * rows + 110)}px` }}>
        <GanttChart
          data={data}
          chartTitle={t('roadmap.timeline')}
          xAxisTitle={t('milestones.col.due')}
          yAxisTitle={t('table.col.code')}
          culture={locale}
          useUTC
          maxBarHeight={16}
        />
      </div>
    </ChartFrame>
  );
}
