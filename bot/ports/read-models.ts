// Read models (ARCHITECTURE habit 14): each project's facts (bot/domain/read-model.ts) kept up to
// date by the store when the data changes, so portfolio reads do not recompute from every row.
//
// Contract (test/contract/repositories.contract.ts checks every implementation): after any sequence
// of writes, through this store or another instance on the same data, the facts read here equal the
// facts computed from the stored rows (`factsFromRows`, bot/services/read-model-rows.ts); rebuild()
// recomputes them from scratch and changes nothing when they were up to date.
//
// - SQLite maintains them in the transaction of each write that changes them.
// - SharePoint maintains them from the changes its list caches take in: its own writes, queued
//   writes, and the delta sync (other instances, people editing the lists directly).
import type { PillarCode } from '../domain/pillar.js';
import type { ProjectFacts, RiskStats } from '../domain/read-model.js';
import type { Page, PageRequest } from './paging.js';

export interface FactsQuery extends PageRequest {
  pillar?: PillarCode;
}

export interface ReadModels {
  /** The facts of these projects, in no particular order; unknown ids are left out. */
  projectFacts(projectIds: readonly string[]): Promise<ProjectFacts[]>;
  /** Every project's facts, ordered by project id. */
  listFacts(query?: FactsQuery): Promise<Page<ProjectFacts>>;
  /** Active risks attached to no project. */
  portfolioWideRisks(): Promise<RiskStats>;
  /**
   * Changes whenever any project's facts may have changed (any instance's writes included), so a
   * reader may keep an answer derived from all the facts until it moves.
   */
  generation(): Promise<string>;
  /** Recomputes every project's facts from the stored rows. */
  rebuild(): Promise<{ projects: number }>;
}
