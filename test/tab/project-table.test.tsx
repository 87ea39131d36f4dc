// The portfolio table: search, filter, group, sort, CSV (with formula cells neutralised), and
// virtualisation of long lists.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProjectOverview } from '../../tab/src/api/endpoints.js';
import { csvCell, toCsv } from '../../tab/src/components/csv.js';
import { ProjectTable, VIRTUALISE_FROM } from '../../tab/src/components/project-table.js';
import { parseRoute } from '../../tab/src/router.js';
import { PEOPLE, project, renderInApp } from './helpers.js';

function overview(
  code: string,
  overrides: Partial<ProjectOverview> & {
    pillar?: ProjectOverview['project']['pillar'];
    title?: string;
  } = {},
): ProjectOverview {
  const { pillar, title, ...rest } = overrides;
  return {
    project: project({ id: `prj-${code}`, code, title: title ?? `Project ${code}`, pillar: pillar ?? 'SPT' }),
    reporting: 'up-to-date',
    openRisks: 0,
    ...rest,
  };
}

const people = new Map(Object.values(PEOPLE).map((p) => [p.id, p]));
const rowsCodes = () =>
  [...document.querySelectorAll('[role="row"][data-code]')].map((r) => r.getAttribute('data-code'));

describe('ProjectTable', () => {
  const data = [
    overview('TR-02', { health: 'red', previousHealth: 'green', pillar: 'GOV', title: 'ERP upgrade' }),
    overview('AI-01', { health: 'green', pillar: 'PAC', title: 'Performance management' }),
    overview('TR-10', { health: 'amber', pillar: 'GOV', title: 'Website' }),
  ];

  it('the column chooser loads its menu on first use: focus on the first choice, back on Escape', async () => {
    renderInApp(<ProjectTable overviews={data} people={people} personId="p-cto" />);
    expect(screen.queryByRole('menu')).toBeNull();
    screen.getByTestId('column-chooser').focus();
    await userEvent.keyboard('{Enter}');
    const first = await screen.findByRole('menuitemcheckbox', { name: 'Owner' }, { timeout: 10_000 });
    await waitFor(() => expect(first).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(screen.getByTestId('column-chooser')).toHaveFocus();
  });

  it('sorts by a column both ways and says so to assistive technology', async () => {
    renderInApp(<ProjectTable overviews={data} people={people} />);
    expect(rowsCodes()).toEqual(['AI-01', 'TR-02', 'TR-10']);
    await userEvent.click(screen.getByRole('button', { name: /^Health/ }));
    expect(rowsCodes()).toEqual(['AI-01', 'TR-10', 'TR-02']);
    await userEvent.click(screen.getByRole('button', { name: /^Health/ }));
    expect(rowsCodes()).toEqual(['TR-02', 'TR-10', 'AI-01']);
    expect(screen.getByRole('columnheader', { name: /Health/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('shows each project in the reader’s language and finds it by any language’s title', async () => {
    const titled = [
      {
        ...data[2]!,
        project: { ...data[2]!.project, titles: { fr: 'Nouveau site web', ar: 'الموقع الجديد' } },
      },
      data[0]!,
    ];
    renderInApp(<ProjectTable overviews={titled} people={people} />, { lang: 'fr' });
    expect(screen.getByText('Nouveau site web')).toBeInTheDocument();
    expect(screen.queryByText('Website')).not.toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox'), 'الموقع');
    expect(rowsCodes()).toEqual(['TR-10']);
  });

  it('searches, filters by pillar and health, and groups', async () => {
    const { rerender } = renderInApp(<ProjectTable overviews={data} people={people} />);
    await userEvent.type(screen.getByRole('searchbox'), 'erp');
    expect(rowsCodes()).toEqual(['TR-02']);
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Health' }), 'amber');
    expect(rowsCodes()).toEqual(['TR-10']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Health' }), '');
    await userEvent.selectOptions(screen.getByTestId('group-by'), 'pillar');
    const groups = [...document.querySelectorAll('[role="row"]:not([data-code])')].map((r) => r.textContent);
    expect(groups).toContain('Governance (2)');
    expect(groups).toContain('People and culture (1)');
    rerender(<ProjectTable overviews={data} people={people} pillar="PAC" />);
  });

  it('filters by the pillar given (channel tab configuration)', () => {
    renderInApp(<ProjectTable overviews={data} people={people} pillar="GOV" />);
    expect(rowsCodes()).toEqual(['TR-02', 'TR-10']);
    expect(screen.getByTestId('project-count')).toHaveTextContent('Projects (2)');
  });

  it('virtualises long lists: 1,000 projects put only a window of rows in the DOM', async () => {
    // jsdom has no layout: give the scroller the size a browser would.
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.dataset.testid === 'virtual-body' ? 600 : 44;
    });
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1100);
    const many = Array.from({ length: 1000 }, (_, i) => overview(`TR-${String(i + 1).padStart(4, '0')}`));
    renderInApp(<ProjectTable overviews={many} people={people} />);
    // The virtualiser is its own chunk, fetched for the first long table.
    const body = await screen.findByTestId('virtual-body', undefined, { timeout: 10_000 });
    await waitFor(() => expect(within(body).queryAllByRole('row').length).toBeGreaterThan(0));
    const rendered = within(body).queryAllByRole('row').length;
    expect(many.length).toBeGreaterThan(VIRTUALISE_FROM);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');
    height.mockRestore();
    width.mockRestore();
  });

  it('writes CSV that spreadsheets read safely', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [['x', 1]])).toBe('a,b\r\nx,1\r\n');
  });
});

describe('routes', () => {
  it.each([
    ['', { name: 'portfolio' }],
    ['#/my-work', { name: 'my-work' }],
    ['#/portfolio?pillar=GOV', { name: 'portfolio', pillar: 'GOV' }],
    ['#/projects/TR-07', { name: 'project', code: 'TR-07' }],
    ['#/projects/TR-07/updates', { name: 'project', code: 'TR-07', tab: 'updates' }],
    ['#/risks?project=TR-07', { name: 'risks', project: 'TR-07' }],
    ['#/admin/unreachable', { name: 'admin', section: 'unreachable' }],
    ['#/config', { name: 'config' }],
    ['#/nowhere', { name: 'not-found', path: 'nowhere' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toMatchObject(route);
  });
});
