// How a milestone reads today: a planned one past its due date is overdue (it said "Planned" before),
// apart from one recorded as missed. "Today" is the server's date in the organisation's zone.
import type { Milestone } from '../../../bot/domain/milestone.js';
import type { Me } from '../../../bot/domain/views.js';

export type MilestoneState = 'planned' | 'done' | 'missed' | 'overdue';

export function milestoneState(m: Pick<Milestone, 'status' | 'dueDate'>, today: string): MilestoneState {
  return m.status === 'planned' && m.dueDate < today ? 'overdue' : m.status;
}

export const MILESTONE_STATE_COLOR = {
  planned: 'informative',
  done: 'success',
  missed: 'danger',
  overdue: 'severe',
} as const;

export function todayOf(me: Pick<Me, 'today'>): string {
  return me.today ?? new Date().toISOString().slice(0, 10);
}
