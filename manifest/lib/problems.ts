// A packaging check never throws for an expected failure: it returns problems, each naming the
// check, the file and what is wrong, so the CLI can print all of them at once and tests can assert
// on them.
export type CheckName =
  | 'env'
  | 'placeholder'
  | 'file'
  | 'schema'
  | 'icon'
  | 'localisation'
  | 'commands'
  | 'manifest'
  | 'agent'
  | 'plugin';

export interface Problem {
  check: CheckName;
  /** Path of the file at fault, relative to the repository root when possible. */
  file: string;
  message: string;
}

export function problem(check: CheckName, file: string, message: string): Problem {
  return { check, file, message };
}

/** One line per problem, stable order, suitable for a terminal. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  [${p.check}] ${p.file}: ${p.message}`).join('\n');
}
