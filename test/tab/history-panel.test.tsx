// The project's audit history reads as sentences in the user's language: who, what they did to
// which kind of item, through which surface, and each changed field under its label.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../bot/domain/audit.js';
import { HistoryPanel } from '../../tab/src/components/history-panel.js';
import { fakeApi, project, renderInApp } from './helpers.js';

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: 'aud-1',
    at: '2026-11-20T10:00:00.000Z',
    actorId: 'p-owner',
    surface: 'tab',
    entityType: 'project',
    entityId: 'prj-ai-02',
    projectId: 'prj-ai-02',
    action: 'update',
    changes: [],
    reason: null,
    correlationId: null,
    ...overrides,
  };
}

const EVENTS: AuditEvent[] = [
  event({ id: 'aud-1', changes: [{ field: 'dueDate', before: '2027-07-27', after: '2027-09-30' }] }),
  event({
    id: 'aud-2',
    surface: 'bot',
    entityType: 'status-update',
    action: 'amend',
    changes: [
      { field: 'customColumn', before: null, after: 'x' },
      { field: 'submissionKey', before: 'tab:1', after: 'tab:2' },
      { field: 'authorId', before: 'p-owner', after: 'p-cto' },
      { field: 'dimensions', before: {}, after: { schedule: 'green', resources: 'red' } },
      { field: 'blockers', before: '', after: 'Vendor late' },
    ],
  }),
];

describe('HistoryPanel', () => {
  it('names actions, items, surfaces and fields in English', async () => {
    renderInApp(<HistoryPanel project={project()} />, {
      api: fakeApi({ audit: () => Promise.resolve({ items: EVENTS }) }),
    });
    expect(await screen.findByText('Daniel Mwangi · changed project')).toBeInTheDocument();
    expect(screen.getByText('Due date: 2027-07-27 → 2027-09-30')).toBeInTheDocument();
    expect(screen.getByText('Daniel Mwangi · amended status update')).toBeInTheDocument();
    expect(screen.getByText(/· bot$/)).toBeInTheDocument();
    // Stored names (keys, ids, fields the tab has no word for) are left out; dimensions read as
    // labels and an empty value (or no dimension set) as a dash.
    expect(screen.queryByText(/customColumn|submissionKey|authorId|dimensions/)).toBeNull();
    expect(
      screen.getByText('Health by dimension: — → Schedule: On track, Resources: Off track'),
    ).toBeInTheDocument();
    expect(screen.getByText('Blockers and asks: — → Vendor late')).toBeInTheDocument();
  });

  it('speaks French, not the stored identifiers', async () => {
    renderInApp(<HistoryPanel project={project()} />, {
      api: fakeApi({ audit: () => Promise.resolve({ items: EVENTS }) }),
      lang: 'fr',
    });
    expect(await screen.findByText('Daniel Mwangi · a modifié projet')).toBeInTheDocument();
    expect(screen.getByText("Date d'échéance : 2027-07-27 → 2027-09-30")).toBeInTheDocument();
    expect(screen.queryByText(/status-update/)).toBeNull();
    expect(screen.queryByText(/dueDate/)).toBeNull();
  });

  it('says when nothing was recorded', async () => {
    renderInApp(<HistoryPanel project={project()} />, {
      api: fakeApi({ audit: () => Promise.resolve({ items: [] }) }),
    });
    expect(await screen.findByText('No recorded changes.')).toBeInTheDocument();
  });
});
