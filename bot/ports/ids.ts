export interface IdGenerator {
  /** A new unique identifier. */
  newId(): string;
  /**
   * A deterministic identifier for an idempotency key: the same (scope, key) always gives the same
   * id, so a replayed create collides with the first one instead of creating a duplicate.
   */
  idFor(scope: string, key: string): string;
}
