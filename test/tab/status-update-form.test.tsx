// Posting a status update: pre-filled from the draft, field errors in place, a concurrent post
// shown as a conflict (version 0 = "I expect no update yet"), nothing lost.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StatusUpdate } from '../../bot/domain/status-update.js';
import type { Draft } from '../../tab/src/api/endpoints.js';
import { StatusUpdateForm } from '../../tab/src/components/status-update-form.js';
import { fakeApi, problem, renderInApp } from './helpers.js';

const draft: Draft = {
  period: '2026-W48',
  projectId: 'prj-ai-02',
  prefill: {
    health: 'green',
    percentComplete: 56,
    summary: 'Baselines collected.',
    nextSteps: 'Extend the pilot.',
  },
};

function update(overrides: Partial<StatusUpdate> = {}): StatusUpdate {
  return {
    id: 'su-1',
    projectId: 'prj-ai-02',
    period: '2026-W48',
    health: 'red',
    dimensions: {},
    percentComplete: 60,
    summary: 'Posted by the lead from the bot.',
    achievements: '',
    nextSteps: '',
    blockers: '',
    authorId: 'p-lead',
    submittedAt: '2026-11-25T10:00:00.000Z',
    source: 'bot',
    submissionKey: null,
    history: [],
    version: 1,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

describe('StatusUpdateForm', () => {
  it('starts from the previous update and posts with version 0 and an idempotency key', async () => {
    const submitUpdate = vi.fn(() =>
      Promise.resolve({
        value: {
          update: update({ health: 'amber', summary: 'Licences short.' }),
          amended: false,
          replayed: false,
        },
        version: 1,
      }),
    );
    const onPosted = vi.fn();
    renderInApp(<StatusUpdateForm projectId="prj-ai-02" draft={draft} onPosted={onPosted} />, {
      api: fakeApi({ submitUpdate }),
    });
    expect(screen.getByRole('heading', { name: 'Post the update for 2026-W48' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: /Percent complete/ })).toHaveValue(56);
    await userEvent.click(screen.getByRole('radio', { name: 'At risk' }));
    const summary = screen.getByRole('textbox', { name: /Summary/ });
    await userEvent.clear(summary);
    await userEvent.type(summary, 'Licences short.');
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    await screen.findByText('Update posted for 2026-W48.');
    expect(submitUpdate).toHaveBeenCalledWith(
      'prj-ai-02',
      expect.objectContaining({
        period: '2026-W48',
        health: 'amber',
        percentComplete: 56,
        summary: 'Licences short.',
      }),
      0,
      expect.stringMatching(/^[A-Za-z0-9._:-]{8,128}$/),
    );
    expect(onPosted).toHaveBeenCalled();
  });

  it('shows field errors beside the fields and keeps every value', async () => {
    const submitUpdate = vi.fn(() =>
      Promise.reject(
        problem(400, 'validation_failed', {
          errors: [{ path: 'percentComplete', code: 'too_big', message: 'Must be at most 100.' }],
        }),
      ),
    );
    renderInApp(<StatusUpdateForm projectId="prj-ai-02" draft={draft} onPosted={vi.fn()} />, {
      api: fakeApi({ submitUpdate }),
    });
    const percent = screen.getByRole('spinbutton', { name: /Percent complete/ });
    await userEvent.clear(percent);
    await userEvent.type(percent, '120');
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    await screen.findByText('Must be at most 100.');
    expect(percent).toHaveAttribute('aria-invalid', 'true');
    expect(percent).toHaveValue(120);
    expect(screen.getByRole('textbox', { name: /Summary/ })).toHaveValue('Baselines collected.');
  });

  it('shows an update posted meanwhile (from the bot) as a conflict and amends it on request', async () => {
    const theirs = update();
    const submitUpdate = vi
      .fn()
      .mockRejectedValueOnce(problem(409, 'version_conflict', { current: theirs }))
      .mockResolvedValueOnce({
        value: { update: update({ version: 2, health: 'green' }), amended: true, replayed: false },
        version: 2,
      });
    renderInApp(<StatusUpdateForm projectId="prj-ai-02" draft={draft} onPosted={vi.fn()} />, {
      api: fakeApi({ submitUpdate }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    const conflict = await screen.findByTestId('conflict');
    expect(conflict.querySelector('[data-field="health"]')).toHaveTextContent('On track');
    expect(conflict.querySelector('[data-field="health"]')).toHaveTextContent('Off track');
    expect(conflict.querySelector('[data-field="summary"]')).toHaveTextContent(
      'Posted by the lead from the bot.',
    );
    await userEvent.click(within(conflict).getByRole('button', { name: 'Keep my values and save again' }));
    await screen.findByText('Update posted for 2026-W48.');
    expect(submitUpdate).toHaveBeenLastCalledWith(
      'prj-ai-02',
      expect.objectContaining({ health: 'green' }),
      1,
      expect.any(String),
    );
    // The same submission keeps its idempotency key across the retry.
    expect(submitUpdate.mock.calls[0]?.[3]).toBe(submitUpdate.mock.calls[1]?.[3]);
  });
});
