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
  ColumnTriple20Regular,
} from '@fluentui/react-icons';
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { HEALTH_SEVERITY } from '../../../bot/domain/health.js';
import { ORG_UNITS } from '../../../bot/domain/org-unit.js';
import type { Person } from '../../../bot/domain/person.js';
import { PILLARS, pillarName, type PillarCode } from '../../../bot/domain/pillar.js';
import {
  allProjectTitles,
  PROJECT_KINDS,
  PROJECT_PHASES,
  projectTitle,
  type ProjectKind,
} from '../../../bot/domain/project.js';
import type { ProjectOverview } from '../api/endpoints.js';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { hrefOf } from '../router.js';
import { downloadCsv, toCsv } from './csv.js';
import { HealthBadge } from './health-badge.js';
import { Trend, trendOf } from './trend.js';
import { lazyNamed } from './lazy-named.js';
import { Loading } from './loading.js';
import { WorkbookExport } from './workbook-export.js';

// Fetched when first needed: the column menu when opened, the virtualiser for long tables.
const loadColumnMenu = () => import('./column-menu.js');
const ColumnMenu = lazyNamed(loadColumnMenu, 'ColumnMenu');
const VirtualBody = lazyNamed(() => import('./virtual-body.js'), 'VirtualBody');

/** Above this many rows the body is virtualised. */
export const VIRTUALISE_FROM = 60;
const ROW_HEIGHT = 44;

type ColumnKey =
  | 'code'
  | 'title'
  | 'owner'
  | 'kind'
  | 'pillar'
  | 'phase'
  | 'health'
  | 'trend'
  | 'complete'
  | 'reporting'
  | 'risks'
  | 'due';
type GroupBy = 'none' | 'pillar' | 'orgUnit' | 'phase';
type HealthFilter = '' | 'green' | 'amber' | 'red' | 'unknown';

const COLUMNS: ReadonlyArray<{ key: ColumnKey; label: MessageKey; width: string }> = [
  { key: 'code', label: 'table.col.code', width: 'minmax(80px, 0.6fr)' },
  { key: 'title', label: 'table.col.title', width: 'minmax(200px, 2.2fr)' },
  { key: 'owner', label: 'table.col.owner', width: 'minmax(130px, 1fr)' },
  { key: 'kind', label: 'table.col.kind', width: 'minmax(110px, 0.9fr)' },
  { key: 'pillar', label: 'table.col.pillar', width: 'minmax(110px, 1fr)' },
  { key: 'phase', label: 'table.col.phase', width: 'minmax(90px, 0.8fr)' },
  { key: 'health', label: 'table.col.health', width: 'minmax(110px, 0.9fr)' },
  { key: 'trend', label: 'table.col.trend', width: 'minmax(120px, 0.9fr)' },
  { key: 'complete', label: 'table.col.complete', width: 'minmax(80px, 0.6fr)' },
  { key: 'reporting', label: 'table.col.reporting', width: 'minmax(100px, 0.8fr)' },
  { key: 'risks', label: 'table.col.risks', width: 'minmax(96px, 0.6fr)' },
  { key: 'due', label: 'table.col.due', width: 'minmax(100px, 0.8fr)' },
];
/** Always shown: a row is named by its code and title. */
const FIXED: ReadonlySet<ColumnKey> = new Set(['code', 'title']);
/** Shown until the person chooses otherwise (the kind column is offered, not shown). */
const DEFAULT_HIDDEN: readonly ColumnKey[] = ['kind'];

/** The columns a person chose, remembered per person in this browser. */
function columnsKey(personId: string): string {
  return `th.columns.${personId}`;
}

export function readHiddenColumns(personId: string): ColumnKey[] {
  try {
    const raw = window.localStorage.getItem(columnsKey(personId));
    if (!raw) return [...DEFAULT_HIDDEN];
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list)
      ? COLUMNS.map((c) => c.key).filter((k) => list.includes(k) && !FIXED.has(k))
      : [...DEFAULT_HIDDEN];
  } catch {
    return [...DEFAULT_HIDDEN];
  }
}

function writeHiddenColumns(personId: string, hidden: readonly ColumnKey[]): void {
  try {
    window.localStorage.setItem(columnsKey(personId), JSON.stringify(hidden));
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

type ReportingFilter = '' | ProjectOverview['reporting'];

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
  sortButton: {
    minWidth: 0,
    paddingInline: 0,
    fontWeight: tokens.fontWeightSemibold,
    justifyContent: 'start',
  },
  caption: { margin: 0, paddingBlock: tokens.spacingVerticalS, paddingInline: tokens.spacingHorizontalS },
  empty: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalL,
  },
});

type Item =
  { kind: 'group'; key: string; label: string; count: number } | { kind: 'row'; overview: ProjectOverview };

function sortValue(
  o: ProjectOverview,
  key: ColumnKey,
  i18n: I18n,
  people: ReadonlyMap<string, Person>,
): string | number {
  switch (key) {
    case 'code':
      return o.project.code;
    case 'title':
      return projectTitle(o.project, i18n.locale).toLocaleLowerCase(i18n.locale);
    case 'owner':
      return (people.get(o.project.ownerId)?.name ?? o.project.ownerId).toLocaleLowerCase(i18n.locale);
    case 'kind':
      return PROJECT_KINDS.indexOf(o.project.kind);
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
  /** Whose column choice to remember (the signed-in person). */
  personId?: string;
}

export function ProjectTable({
  overviews,
  people,
  pillar,
  onPillarChange,
  personId = 'anonymous',
}: ProjectTableProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [search, setSearch] = useState('');
  const [phase, setPhase] = useState('');
  const [health, setHealth] = useState<HealthFilter>('');
  const [kind, setKind] = useState<'' | ProjectKind>('');
  const [reporting, setReporting] = useState<ReportingFilter>('');
  const [hidden, setHidden] = useState<ColumnKey[]>(() => readHiddenColumns(personId));
  const columns = useMemo(() => COLUMNS.filter((c) => !hidden.includes(c.key)), [hidden]);
  const template = columns.map((c) => c.width).join(' ');
  // A plain button until the column menu is first opened (the menu is its own chunk).
  const [menuWanted, setMenuWanted] = useState(false);
  const chooserButton = (
    <Button
      icon={<ColumnTriple20Regular />}
      data-testid="column-chooser"
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => void loadColumnMenu()}
      onFocus={() => void loadColumnMenu()}
      onClick={() => setMenuWanted(true)}
    >
      {t('table.columns')}
    </Button>
  );
  const chooseColumns = (visible: readonly string[]) => {
    const next = COLUMNS.map((c) => c.key).filter((k) => !FIXED.has(k) && !visible.includes(k));
    setHidden(next);
    writeHiddenColumns(personId, next);
  };
  const clearFilters = () => {
    setSearch('');
    setPhase('');
    setHealth('');
    setKind('');
    setReporting('');
    onPillarChange?.(undefined);
  };
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const [sort, setSort] = useState<{ key: ColumnKey; dir: 1 | -1 }>({ key: 'code', dir: 1 });

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase(locale);
    const filtered = overviews.filter((o) => {
      if (pillar && o.project.pillar !== pillar) return false;
      if (phase && o.project.phase !== phase) return false;
      if (health && (o.health ?? 'unknown') !== health) return false;
      if (kind && o.project.kind !== kind) return false;
      if (reporting && o.reporting !== reporting) return false;
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
    const keyed = filtered.map((o) => ({ o, v: sortValue(o, sort.key, i18n, people) }));
    keyed.sort((a, b) => {
      const c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
      return c * sort.dir || (a.o.project.code < b.o.project.code ? -1 : 1);
    });
    return keyed.map((k) => k.o);
  }, [overviews, pillar, phase, health, kind, reporting, search, sort, people, locale, i18n]);

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
        <Field label={t('table.col.kind')}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as '' | ProjectKind)}>
            <option value="">{t('common.all')}</option>
            {PROJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('table.col.reporting')}>
          <Select value={reporting} onChange={(_, d) => setReporting(d.value as ReportingFilter)}>
            <option value="">{t('common.all')}</option>
            {(['overdue', 'due', 'up-to-date', 'not-required'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`reporting.${r}`)}
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
        {menuWanted ? (
          <Suspense fallback={chooserButton}>
            <ColumnMenu
              label={t('table.columns')}
              choices={COLUMNS.filter((c) => !FIXED.has(c.key)).map((c) => ({
                value: c.key,
                label: t(c.label),
              }))}
              checked={columns.map((c) => c.key)}
              onChange={chooseColumns}
              defaultOpen
            />
          </Suspense>
        ) : (
          chooserButton
        )}
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
            <div
              role="row"
              aria-rowindex={1}
              className={mergeClasses(styles.row, styles.head)}
              style={{ gridTemplateColumns: template }}
            >
              {columns.map((c) => {
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
          {items.length === 0 ? (
            <div role="rowgroup">
              <div role="row" aria-rowindex={2} className={styles.empty} data-testid="no-match">
                <span role="cell" aria-colspan={columns.length}>
                  {t('table.noMatch')}{' '}
                  <Button size="small" onClick={clearFilters}>
                    {t('table.clearFilters')}
                  </Button>
                </span>
              </div>
            </div>
          ) : items.length > VIRTUALISE_FROM ? (
            <Suspense fallback={<Loading />}>
              <VirtualBody
                items={items}
                rowHeight={ROW_HEIGHT}
                render={(item, index) => (
                  <ItemRow
                    item={item as Item}
                    index={index}
                    people={people}
                    columns={columns}
                    template={template}
                  />
                )}
              />
            </Suspense>
          ) : (
            <div role="rowgroup">
              {items.map((item, index) => (
                <ItemRow
                  key={item.kind === 'group' ? `g-${item.key}` : item.overview.project.id}
                  item={item}
                  index={index}
                  people={people}
                  columns={columns}
                  template={template}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function ItemRow({
  item,
  index,
  people,
  columns,
  template,
}: {
  item: Item;
  index: number;
  people: ReadonlyMap<string, Person>;
  columns: typeof COLUMNS;
  template: string;
}) {
  const styles = useStyles();
  const { t, locale, date, number } = useI18n();
  if (item.kind === 'group') {
    return (
      <div role="row" aria-rowindex={index + 2} className={styles.group}>
        <span role="cell" aria-colspan={columns.length}>
          {t('table.group.count', { name: item.label, count: item.count })}
        </span>
      </div>
    );
  }
  const o = item.overview;
  const p = o.project;
  const title = projectTitle(p, locale);
  const owner = people.get(p.ownerId)?.name;
  const cell = (key: ColumnKey): ReactNode => {
    switch (key) {
      case 'code':
        return <Link href={hrefOf({ name: 'project', code: p.code })}>{p.code}</Link>;
      case 'title':
        return title;
      case 'owner':
        return owner ?? '—';
      case 'kind':
        return t(`kind.${p.kind}`);
      case 'pillar':
        return pillarName(p.pillar, locale);
      case 'phase':
        return t(`phase.${p.phase}`);
      case 'health':
        return <HealthBadge health={o.health} />;
      case 'trend':
        return <Trend previous={o.previousHealth} current={o.health} />;
      case 'complete':
        return o.percentComplete !== undefined ? number(o.percentComplete / 100, { style: 'percent' }) : '—';
      case 'reporting':
        return t(`reporting.${o.reporting}`);
      case 'risks':
        return number(o.openRisks);
      case 'due':
        return date(p.dueDate) || '—';
    }
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={styles.row}
      style={{ gridTemplateColumns: template }}
      data-code={p.code}
    >
      {columns.map((c) => (
        <div
          key={c.key}
          role="cell"
          className={styles.cell}
          data-col={c.key}
          title={c.key === 'title' ? (owner ? `${title} — ${owner}` : title) : undefined}
        >
          {cell(c.key)}
        </div>
      ))}
    </div>
  );
}
