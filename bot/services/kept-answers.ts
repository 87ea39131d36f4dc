// Answers derived from the read models, kept until the data may have changed: each is stored under
// the store's read-model generation (bot/ports/read-models.ts, which moves with any write that may
// change a project or its facts, another instance's included) and all are dropped when it moves.
// The generation must be read before the answer is computed, so an answer is never filed under a
// generation older than the data it saw. Bounded: the least recently used answer goes first.
export class KeptAnswers<V> {
  private generation: string | undefined;
  private readonly answers = new Map<string, V>();

  constructor(private readonly max = 256) {}

  /** The answer kept for `key` at `generation`, else `compute()` (kept while the generation holds). */
  async get(generation: string, key: string, compute: () => Promise<V>): Promise<V> {
    if (generation !== this.generation) {
      this.answers.clear();
      this.generation = generation;
    }
    const kept = this.answers.get(key);
    if (kept !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept;
    }
    const value = await compute();
    // A newer generation seen meanwhile: this answer may be older than the data; not kept.
    if (this.generation === generation) {
      this.answers.set(key, value);
      if (this.answers.size > this.max) {
        const oldest = this.answers.keys().next().value;
        if (oldest !== undefined) this.answers.delete(oldest);
      }
    }
    return value;
  }

  /** How many answers are kept (for tests). */
  get size(): number {
    return this.answers.size;
  }
}
