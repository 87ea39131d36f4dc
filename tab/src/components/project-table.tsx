// The portfolio's project table: search, filters, grouping, sorting and CSV export. Long lists are
// virtualised (only the rows in view are in the DOM) so 1,000 projects render as fast as 50.
import {
  Button,
  Field,
  Link,
  makeStyles,
  shorthands,
  mergeClasses,
  SearchBox,
  Select,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownload20Regular,
  ArrowSort16Regular,
  ArrowSortDown16Regular,
  ArrowSortUp16Regular,
} from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { HEALTH_SEVERITY } from '../../../bot/domain/health.js';
import { ORG_UNITS } from '../../../bot/domain/org-unit.js';
import type { Person } from '../../../bot/domain/person.js';
import { PILLARS, pillarName, type PillarCode } from '../../../bot/domain/pillar.js';
import { allProjectTitles, PROJECT_PHASES, projectTitle } from '../../../bot/domain/project.js';
import type { ProjectOverview } from '../api/endpoints.js';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { hrefOf } from '../router.js';
import { downloadCsv, toCsv } from './csv.js';
import { HealthBadge } from './health-badge.js';
import { Trend, trendOf } from './trend.js';
import { WorkbookExport } from './workbook-export.js';

/** Above this many rows the body is virtualised. */
export const VIRTUALISE_FROM = 60;
const ROW_HEIGHT = 44;

type ColumnKey =
  'code' | 'title' | 'pillar' | 'phase' | 'health' | 'trend' | 'complete' | 'reporting' | 'risks' | 'due';
type GroupBy = 'none' | 'pillar' | 'orgUnit' | 'phase';
type HealthFilter = '' | 'green' | 'amber' | 'red' | 'unknown';

const COLUMNS: ReadonlyArray<{ key: ColumnKey; label: MessageKey; width: string }> = [
  { key: 'code', label: 'table.col.code', width: 'minmax(80px, 0.6fr)' },
  { key: 'title', label: 'table.col.title', width: 'minmax(200px, 2.2fr)' },
  { key: 'pillar', label: 'table.col.pillar', width: 'minmax(110px, 1fr)' },
  { key: 'phase', label: 'table.col.phase', width: 'minmax(90px, 0.8fr)' },
  { key: 'health', label: 'table.col.health', width: 'minmax(110px, 0.9fr)' },
  { key: 'trend', label: 'table.col.trend', width: 'minmax(120px, 0.9fr)' },
  { key: 'complete', label: 'table.col.complete', width: 'minmax(80px, 0.6fr)' },
  { key: 'reporting', label: 'table.col.reporting', width: 'minmax(100px, 0.8fr)' },
  { key: 'risks', label: 'table.col.risks', width: 'minmax(96px, 0.6fr)' },
  { key: 'due', label: 'table.col.due', width: 'minmax(100px, 0.8fr)' },
];
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    marginBlockEnd: tokens.spacingVerticalM,
  },
  table: {
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    overflowX: 'auto',
  },
  inner: { minWidth: '1100px' },
  row: {
    display: 'grid',
    gridTemplateColumns: TEMPLATE,
    alignItems: 'center',
    minHeight: `${ROW_HEIGHT}px`,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: tokens.colorNeutralStroke3,
  },
  head: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  cell: {
    paddingInline: tokens.spacingHorizontalS,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  group: {
    display: 'flex',
    alignItems: 'center',
    paddingInline: tokens.spacingHorizontalS,
    minHeight: `${ROW_HEIGHT}px`,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: tokens.colorNeutralStroke2,
  },
  scroller: { maxHeight: '70vh', overflowY: 'auto', position: 'relative' },
  sortButton: {
    minWidth: 0,
    paddingInline: 0,
    fontWeight: tokens.fontWeightSemibold,
    justifyContent: 'start',
  },
  caption: { margin: 0, paddingBlock: tokens.spacingVerticalS, paddingInline: tokens.spacingHorizontalS },
});

type Item =
  { kind: 'group'; key: string; label: string; count: number } | { kind: 'row'; overview: ProjectOverview };

function sortValue(o: ProjectOverview, key: ColumnKey, i18n: I18n): string | number {
  switch (key) {
    case 'code':
      return o.project.code;
    case 'title':
      return projectTitle(o.project, i18n.locale).toLocaleLowerCase(i18n.locale);
    case 'pillar':
      return PILLARS.find((p) => p.code === o.project.pillar)?.order ?? 0;
    case 'phase':
      return PROJECT_PHASES.indexOf(o.project.phase);
    case 'health':
      return o.health ? HEALTH_SEVERITY[o.health] : -1;
    case 'trend':
      return { improved: 0, same: 1, unknown: 2, worsened: 3 }[trendOf(o.previousHealth, o.health)];
    case 'complete':
      return o.percentComplete ?? -1;
    case 'reporting':
      return ['up-to-date', 'not-required', 'due', 'overdue'].indexOf(o.reporting);
    case 'risks':
      return o.openRisks;
    case 'due':
      return o.project.dueDate ?? '9999';
  }
}

export interface ProjectTableProps {
  overviews: readonly ProjectOverview[];
  people: ReadonlyMap<string, Person>;
  pillar?: string;
  onPillarChange?: (pillar: string | undefined) => void;
}

export function ProjectTable({ overviews, people, pillar, onPillarChange }: ProjectTableProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [search, setSearch] = useState('');
  const [phase, setPhase] = useState('');
  const [health, setHealth] = useState<HealthFilter>('');
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const [sort, setSort] = useState<{ key: ColumnKey; dir: 1 | -1 }>({ key: 'code', dir: 1 });

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase(locale);
    const filtered = overviews.filter((o) => {
      if (pillar && o.project.pillar !== pillar) return false;
      if (phase && o.project.phase !== phase) return false;
      if (health && (o.health ?? 'unknown') !== health) return false;
      if (needle) {
        const owner = people.get(o.project.ownerId)?.name ?? '';
        const hay =
          `${o.project.code} ${allProjectTitles(o.project).join(' ')} ${owner} ${o.project.orgUnit}`.toLocaleLowerCase(
            locale,
          );
        if (!hay.includes(needle)) return false;
      }
      return true;
    });
    const keyed = filtered.map((o) => ({ o, v: sortValue(o, sort.key, i18n) }));
    keyed.sort((a, b) => {
      const c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
      return c * sort.dir || (a.o.project.code < b.o.project.code ? -1 : 1);
    });
    return keyed.map((k) => k.o);
  }, [overviews, pillar, phase, health, search, sort, people, locale, i18n]);

  const items = useMemo<Item[]>(() => {
    if (groupBy === 'none') return rows.map((overview) => ({ kind: 'row', overview }));
    const groups = new Map<string, ProjectOverview[]>();
    for (const o of rows) {
      const key =
        groupBy === 'pillar' ? o.project.pillar : groupBy === 'orgUnit' ? o.project.orgUnit : o.project.phase;
      const list = groups.get(key) ?? [];
      list.push(o);
      groups.set(key, list);
    }
    const label = (key: string) =>
      groupBy === 'pillar'
        ? pillarName(key as PillarCode, locale)
        : groupBy === 'phase'
          ? t(`phase.${key}` as MessageKey)
          : (ORG_UNITS.find((u) => u.code === key)?.name ?? key);
    const order = (key: string) =>
      groupBy === 'pillar'
        ? String(PILLARS.find((p) => p.code === key)?.order ?? 9)
        : groupBy === 'phase'
          ? String(PROJECT_PHASES.indexOf(key as (typeof PROJECT_PHASES)[number]))
          : key;
    const out: Item[] = [];
    for (const key of [...groups.keys()].sort((a, b) => order(a).localeCompare(order(b)))) {
      const list = groups.get(key) ?? [];
      out.push({ kind: 'group', key, label: label(key), count: list.length });
      for (const overview of list) out.push({ kind: 'row', overview });
    }
    return out;
  }, [rows, groupBy, locale, t]);

  const exportCsv = () => {
    const header = [
      'code',
      'title',
      'kind',
      'pillar',
      'orgUnit',
      'phase',
      'health',
      'previousHealth',
      'percentComplete',
      'reporting',
      'daysSinceUpdate',
      'openRisks',
      'topRiskScore',
      'owner',
      'startDate',
      'dueDate',
      'budgetChf',
      'spendChf',
    ];
    const body = rows.map((o) => [
      o.project.code,
      o.project.title,
      o.project.kind,
      o.project.pillar,
      o.project.orgUnit,
      o.project.phase,
      o.health ?? '',
      o.previousHealth ?? '',
      o.percentComplete,
      o.reporting,
      o.daysSinceUpdate,
      o.openRisks,
      o.topRiskScore,
      people.get(o.project.ownerId)?.name ?? o.project.ownerId,
      o.project.startDate,
      o.project.dueDate,
      o.project.budgetChf,
      o.project.spendChf,
    ]);
    downloadCsv('projects.csv', toCsv(header, body));
  };

  const toggleSort = (key: ColumnKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: 1 }));

  return (
    <section aria-label={t('table.caption', { count: rows.length })}>
      <div className={styles.toolbar} role="search">
        <Field label={t('table.search')}>
          <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} data-testid="project-search" />
        </Field>
        <Field label={t('table.pillar')}>
          <Select value={pillar ?? ''} onChange={(_, d) => onPillarChange?.(d.value || undefined)}>
            <option value="">{t('common.all')}</option>
            {PILLARS.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name[locale]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('table.phase')}>
          <Select value={phase} onChange={(_, d) => setPhase(d.value)}>
            <option value="">{t('common.all')}</option>
            {PROJECT_PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`phase.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('table.health')}>
          <Select value={health} onChange={(_, d) => setHealth(d.value as HealthFilter)}>
            <option value="">{t('common.all')}</option>
            {(['green', 'amber', 'red', 'unknown'] as const).map((h) => (
              <option key={h} value={h}>
                {t(`health.${h}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('table.groupBy')}>
          <Select value={groupBy} onChange={(_, d) => setGroupBy(d.value as GroupBy)} data-testid="group-by">
            {(['none', 'pillar', 'orgUnit', 'phase'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`table.group.${g}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<ArrowDownload20Regular />} onClick={exportCsv}>
          {t('table.export')}
        </Button>
        <WorkbookExport pillar={pillar} phase={phase} />
      </div>
      <p className={styles.caption} aria-live="polite" data-testid="project-count">
        {t('table.caption', { count: rows.length })}
      </p>
      <div className={styles.table}>
        <div
          className={styles.inner}
          role="table"
          aria-rowcount={items.length + 1}
          aria-label={t('table.caption', { count: rows.length })}
        >
          <div role="rowgroup">
            <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.head)}>
              {COLUMNS.map((c) => {
                const active = sort.key === c.key;
                return (
                  <div
                    key={c.key}
                    role="columnheader"
                    className={styles.cell}
                    aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                  >
                    <Button
                      appearance="transparent"
                      size="small"
                      className={styles.sortButton}
                      icon={
                        active ? (
                          sort.dir === 1 ? (
                            <ArrowSortUp16Regular />
                          ) : (
                            <ArrowSortDown16Regular />
                          )
                        ) : (
                          <ArrowSort16Regular />
                        )
                      }
                      iconPosition="after"
                      onClick={() => toggleSort(c.key)}
                      title={t('table.sortBy', { column: t(c.label) })}
                    >
                      {t(c.label)}
                    </Button>
                  </div>
                );
              })}
            </div>
          </div>
          {items.length > VIRTUALISE_FROM ? (
            <VirtualBody
              items={items}
              render={(item, index) => <ItemRow item={item} index={index} people={people} />}
            />
          ) : (
            <div role="rowgroup">
              {items.map((item, index) => (
                <ItemRow
                  key={item.kind === 'group' ? `g-${item.key}` : item.overview.project.id}
                  item={item}
                  index={index}
                  people={people}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function VirtualBody({
  items,
  render,
}: {
  items: readonly Item[];
  render: (item: Item, index: number) => ReactNode;
}) {
  const styles = useStyles();
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1100, height: 600 },
  });
  return (
    <div ref={parent} className={styles.scroller} role="rowgroup" data-testid="virtual-body">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          if (!item) return null;
          return (
            <div
              key={v.key}
              style={{
                position: 'absolute',
                insetInlineStart: 0,
                insetInlineEnd: 0,
                transform: `translateY(${v.start}px)`,
                height: v.size,
              }}
            >
              {render(item, v.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ItemRow({
  item,
  index,
  people,
}: {
  item: Item;
  index: number;
  people: ReadonlyMap<string, Person>;
}) {
  const styles = useStyles();
  const { t, locale, date, number } = useI18n();
  if (item.kind === 'group') {
    return (
      <div role="row" aria-rowindex={index + 2} className={styles.group}>
        <span role="cell" aria-colspan={COLUMNS.length}>
          {t('table.group.count', { name: item.label, count: item.count })}
        </span>
      </div>
    );
  }
  const o = item.overview;
  const p = o.project;
  const title = projectTitle(p, locale);
  const owner = people.get(p.ownerId)?.name;
  return (
    <div role="row" aria-rowindex={index + 2} className={styles.row} data-code={p.code}>
      <div role="cell" className={styles.cell}>
        <Link href={hrefOf({ name: 'project', code: p.code })}>{p.code}</Link>
      </div>
      <div role="cell" className={styles.cell} title={owner ? `${title} — ${owner}` : title}>
        {title}
      </div>
      <div role="cell" className={styles.cell}>
        {pillarName(p.pillar, locale)}
      </div>
      <div role="cell" className={styles.cell}>
        {t(`phase.${p.phase}`)}
      </div>
      <div role="cell" className={styles.cell}>
        <HealthBadge health={o.health} />
      </div>
      <div role="cell" className={styles.cell}>
        <Trend previous={o.previousHealth} current={o.health} />
      </div>
      <div role="cell" className={styles.cell}>
        {o.percentComplete !== undefined ? number(o.percentComplete / 100, { style: 'percent' }) : '—'}
      </div>
      <div role="cell" className={styles.cell}>
        {t(`reporting.${o.reporting}`)}
      </div>
      <div role="cell" className={styles.cell}>
        {number(o.openRisks)}
      </div>
      <div role="cell" className={styles.cell}>
        {date(p.dueDate) || '—'}
      </div>
    </div>
  );
}
