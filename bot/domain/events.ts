// Events services publish after a write, for the parts that react (risk escalations to the CTO,
// reminders that stop once an update arrives). Delivery guarantees belong to the subscriber.
import type { Period } from './period.js';

export type DomainEvent =
  | {
      type: 'risk.escalated';
      riskId: string;
      projectId: string | null;
      reason: 'threshold' | 'manual';
      at: string;
    }
  | { type: 'risk.raised'; riskId: string; projectId: string | null; at: string }
  | {
      type: 'status-update.submitted';
      projectId: string;
      period: Period;
      updateId: string;
      amended: boolean;
      at: string;
    };
