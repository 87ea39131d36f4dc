// Milestones by month: the portfolio roadmap as an ordered, readable list.
import { Badge, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Milestone } from '../../../bot/domain/milestone.js';
import type { ProjectOverview } from '../api/endpoints.js';
import { useI18n } from '../i18n/index.js';
import { hrefOf } from '../router.js';
import { milestoneState, MILESTONE_STATE_COLOR } from './milestone-state.js';

const useStyles = makeStyles({
  month: { marginBlockEnd: tokens.spacingVerticalL },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(110px, auto) minmax(70px, auto) 1fr auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The milestones of a roadmap, their projects by id and today (a planned milestone due before it is overdue). */
export interface RoadmapProps {
  milestones: readonly Milestone[];
  projects: ReadonlyMap<string, ProjectOverview>;
  today: string;
}

export function Roadmap({ milestones, projects, today }: RoadmapProps) {
  const styles = useStyles();
  const { t, date, locale } = useI18n();
  if (milestones.length === 0) return <Text>{t('roadmap.empty')}</Text>;
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const byMonth = new Map<string, Milestone[]>();
  for (const m of [...milestones].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))) {
    const key = m.dueDate.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), m]);
  }
  return (
    <div>
      {[...byMonth.entries()].map(([month, list]) => (
        <section
          key={month}
          className={styles.month}
          aria-label={monthFormat.format(new Date(`${month}-01T00:00:00Z`))}
        >
          <h3>{monthFormat.format(new Date(`${month}-01T00:00:00Z`))}</h3>
          <ul className={styles.list}>
            {list.map((m) => {
              const project = projects.get(m.projectId)?.project;
              return (
                <li key={m.id} className={styles.item}>
                  <span>{date(m.dueDate)}</span>
                  {project ? (
                    <Link href={hrefOf({ name: 'project', code: project.code })}>{project.code}</Link>
                  ) : (
                    <span />
                  )}
                  <span>{m.title}</span>
                  <Badge appearance="tint" color={MILESTONE_STATE_COLOR[milestoneState(m, today)]}>
                    {t(`milestone.${milestoneState(m, today)}`)}
                  </Badge>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
