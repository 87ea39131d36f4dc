// A KPI chart: the figures it is drawn from in words, a text summary for screen readers, and the
// same data as a table (baseline, each measurement, target) in the user's language.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KpiWithProgress } from '../../tab/src/api/endpoints.js';
import { KpiChart } from '../../tab/src/components/kpi-chart.js';
import { renderInApp } from './helpers.js';

const AT = '2026-11-01T00:00:00.000Z';
const item: KpiWithProgress = {
  kpi: {
    id: 'kpi-1',
    title: 'Staff trained on Copilot',
    description: '',
    pillar: null,
    projectId: 'prj-ai-02',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 5, date: '2026-01-01' },
    target: { value: 80, date: '2027-06-30' },
    ownerId: null,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
  },
  measurements: [
    {
      id: 'm-2',
      kpiId: 'kpi-1',
      date: '2026-09-30',
      value: 41,
      evidenceUrl: null,
      note: '',
      byId: 'p-owner',
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    },
    {
      id: 'm-1',
      kpiId: 'kpi-1',
      date: '2026-06-30',
      value: 22,
      evidenceUrl: null,
      note: '',
      byId: 'p-owner',
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    },
  ],
  progress: { latest: { value: 41, date: '2026-09-30' }, progress: 0.48, expected: 0.5, trend: 'on-track' },
};

describe('KpiChart', () => {
  it('names the project and states baseline, latest and target', () => {
    renderInApp(<KpiChart item={item} projectCode="AI-02" />);
    expect(screen.getByText('Project AI-02')).toBeInTheDocument();
    expect(screen.getByText('Baseline: 5 %')).toBeInTheDocument();
    expect(screen.getByText('Latest: 41 %')).toBeInTheDocument();
    expect(screen.getByText('Target: 80 %')).toBeInTheDocument();
    expect(screen.getByText('On track')).toBeInTheDocument();
  });

  it('offers the data as a table, measurements in date order between baseline and target', () => {
    renderInApp(<KpiChart item={item} />, { lang: 'fr' });
    const table = screen.getByRole('table', { hidden: true });
    const rows = within(table)
      .getAllByRole('row', { hidden: true })
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^Référence/);
    expect(rows[1]).toContain('22');
    expect(rows[2]).toContain('41');
    expect(rows[3]).toContain('80');
  });
});
