// Builds the demo status updates from the weekly scripts: one update per project per period, with
// authors taken from the people allowed to post (owner, leads, and members of a change case).
import { periodStart, shiftPeriod, type Period } from '../../domain/period.js';
import type { Project } from '../../domain/project.js';
import type { StatusUpdate, StatusUpdateRevision, UpdateSource } from '../../domain/status-update.js';
import { dayOfPeriod, instantAt, type SeedTime } from '../seed-time.js';
import { DEMO_STATUS_SCRIPTS, type Beat, type StatusScript } from './status-scripts.js';

const TIMES = ['09:40', '11:15', '14:30', '16:50'] as const;

export function statusUpdateId(projectId: string, period: Period): string {
  return `su-${projectId}-${period}`;
}

function spread(code: string): number {
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  return h;
}

function clampPercent(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}

function authorsOf(project: Project): string[] {
  const members = project.kind === 'change-case' ? project.memberIds : [];
  return [...new Set([project.ownerId, ...project.leadIds, ...members])];
}

function updatesOf(t: SeedTime, project: Project, script: StatusScript): StatusUpdate[] {
  const lastPeriod = shiftPeriod(t.current, -script.last);
  const authors = authorsOf(project);
  const h = spread(project.code);
  const [p0, p1] = script.percent;
  const updates: StatusUpdate[] = [];
  for (let w = 0; w < script.weeks; w++) {
    const fromEnd = script.weeks - 1 - w;
    const beatIndex = script.beats.length - 1 - fromEnd;
    const beat: Beat | undefined = script.beats[Math.max(0, beatIndex)];
    if (!beat) continue;
    const period = shiftPeriod(lastPeriod, -fromEnd);
    const percentComplete = clampPercent(script.weeks === 1 ? p1 : p0 + ((p1 - p0) * w) / (script.weeks - 1));
    const authorId = authors[(w + h) % authors.length] ?? project.ownerId;
    const source: UpdateSource = (w + h) % 3 === 2 ? 'tab' : 'bot';
    const weekday = 3 + ((h + w) % 3); // Wednesday to Friday
    const submittedAt = instantAt(t, dayOfPeriod(period, weekday), TIMES[(h + w) % TIMES.length] ?? '10:00');
    const revision: StatusUpdateRevision = {
      health: beat.health,
      dimensions: beat.dimensions ?? {},
      percentComplete,
      summary: beat.summary,
      achievements: beat.achievements ?? '',
      nextSteps: beat.nextSteps ?? '',
      blockers: beat.blockers ?? '',
      authorId,
      submittedAt,
      source,
      submissionKey: null,
    };
    const history: StatusUpdateRevision[] = [];
    // Only a beat that stands for exactly this week carries an amendment.
    if (beat.amendedFrom && beatIndex >= 0) {
      const a = beat.amendedFrom;
      const earliest = instantAt(t, periodStart(period), '08:00');
      const dayBefore = new Date(Date.parse(submittedAt) - 26 * 3_600_000).toISOString();
      history.push({
        ...revision,
        health: a.health ?? revision.health,
        dimensions: a.dimensions ?? revision.dimensions,
        summary: a.summary ?? revision.summary,
        blockers: a.blockers ?? revision.blockers,
        percentComplete: clampPercent(percentComplete + (a.percentDelta ?? 0)),
        submittedAt: dayBefore < earliest ? earliest : dayBefore,
        source: 'bot',
      });
    }
    updates.push({
      id: statusUpdateId(project.id, period),
      projectId: project.id,
      period,
      ...revision,
      history,
      version: 1,
      createdAt: t.nowIso,
      updatedAt: t.nowIso,
    });
  }
  return updates;
}

export function buildDemoStatusUpdates(t: SeedTime, projects: readonly Project[]): StatusUpdate[] {
  return projects.flatMap((p) => {
    const script = DEMO_STATUS_SCRIPTS[p.code];
    return script ? updatesOf(t, p, script) : [];
  });
}
