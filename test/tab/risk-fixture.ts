// A risk of project AI-02 as the API returns it (version 4), for tab tests that edit risks.
import type { Risk } from '../../bot/domain/risk.js';

const AT = '2026-11-20T10:00:00.000Z';

export function riskFixture(overrides: Partial<Risk> = {}): Risk {
  return {
    id: 'rsk-1',
    projectId: 'prj-ai-02',
    title: 'Copilot licences insufficient',
    description: '',
    category: 'financial',
    likelihood: 4,
    impact: 3,
    strategy: 'reduce',
    mitigation: 'Top-up requested.',
    ownerId: 'p-owner',
    status: 'open',
    residualLikelihood: null,
    residualImpact: null,
    reviewDate: null,
    confidential: false,
    score: 12,
    level: 'high',
    raisedById: 'p-owner',
    raisedAt: AT,
    escalation: null,
    history: [],
    version: 4,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}
