// The pillar tiles: health counts, and the missing updates split as Needs attention splits them
// (overdue apart from those merely due this week).
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PortfolioSummary } from '../../tab/src/api/endpoints.js';
import { PillarTiles } from '../../tab/src/components/pillar-tiles.js';
import { renderInApp } from './helpers.js';

const health = { green: 4, amber: 2, red: 1, unknown: 1 };
const pillar = (code: 'PAC' | 'SPT', updatesMissing: number, overdue: number) => ({
  pillar: code,
  projects: 8,
  health,
  previousHealth: health,
  improved: 1,
  worsened: 0,
  updatesMissing,
  overdue,
  openRisks: 3,
  risksByLevel: { low: 1, medium: 1, high: 1, critical: 0 },
});
const summary = {
  period: '2026-W48',
  pillars: [pillar('PAC', 8, 3), pillar('SPT', 1, 1)],
  totals: { ...pillar('PAC', 9, 4), pillar: undefined },
} as unknown as PortfolioSummary;

describe('PillarTiles', () => {
  it('splits missing updates into overdue and due this week', () => {
    renderInApp(<PillarTiles summary={summary} onSelect={() => undefined} />);
    const pac = document.querySelector('[data-pillar="PAC"]')!;
    expect(pac.textContent).toContain('3 updates overdue · 5 due this week');
    const spt = document.querySelector('[data-pillar="SPT"]')!;
    expect(spt.textContent).toContain('1 update overdue · 0 due this week');
  });

  it('says the same in French and Arabic, with the numbers in place', () => {
    const { unmount } = renderInApp(<PillarTiles summary={summary} onSelect={() => undefined} />, {
      lang: 'fr',
    });
    expect(document.querySelector('[data-pillar="PAC"]')!.textContent).toContain(
      'Points de situation en retard : 3 · attendus cette semaine : 5',
    );
    unmount();
    renderInApp(<PillarTiles summary={summary} onSelect={() => undefined} />, { lang: 'ar' });
    const text = document.querySelector('[data-pillar="PAC"]')!.textContent;
    expect(text).toMatch(/متأخرة: \D*[3٣]\D* · مستحقة هذا الأسبوع: \D*[5٥]/);
  });

  it('filters by a pillar on click and clears on a second click', async () => {
    const onSelect = vi.fn();
    const { rerender } = renderInApp(<PillarTiles summary={summary} onSelect={onSelect} />);
    await userEvent.click(screen.getByRole('button', { name: /People and culture/ }));
    expect(onSelect).toHaveBeenLastCalledWith('PAC');
    rerender(<PillarTiles summary={summary} selected="PAC" onSelect={onSelect} />);
    expect(screen.getByRole('button', { name: /People and culture/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(screen.getByRole('button', { name: /People and culture/ }));
    expect(onSelect).toHaveBeenLastCalledWith(undefined);
  });
});
