// Finding projects by id or code, and checking that the people a write refers to exist.
import { NotFoundError, ValidationError, type FieldIssue } from '../domain/errors.js';
import type { Project } from '../domain/project.js';
import type { Store } from '../ports/repositories.js';

export class ProjectLookup {
  constructor(private readonly store: Store) {}

  async find(idOrCode: string): Promise<Project | undefined> {
    return (
      (await this.store.projects.get(idOrCode)) ??
      (await this.store.projects.getByCode(idOrCode.toUpperCase()))
    );
  }

  async require(idOrCode: string): Promise<Project> {
    const p = await this.find(idOrCode);
    if (!p) throw new NotFoundError('project', idOrCode);
    return p;
  }

  async assertCodeFree(code: string, id: string): Promise<void> {
    const existing = await this.store.projects.getByCode(code);
    if (existing && existing.id !== id) {
      throw new ValidationError([
        { path: 'code', code: 'taken', message: 'this project code is already used' },
      ]);
    }
  }

  /** Every person id referenced by a project write must be on the roster. */
  async assertPeople(p: {
    ownerId?: string;
    leadIds?: readonly string[];
    sponsorId?: string | null;
    memberIds?: readonly string[];
  }): Promise<void> {
    const refs: Array<[string, string]> = [];
    if (p.ownerId) refs.push(['ownerId', p.ownerId]);
    p.leadIds?.forEach((id, i) => refs.push([`leadIds.${i}`, id]));
    if (p.sponsorId) refs.push(['sponsorId', p.sponsorId]);
    p.memberIds?.forEach((id, i) => refs.push([`memberIds.${i}`, id]));
    if (refs.length === 0) return;
    const found = new Set(
      (await this.store.people.getMany([...new Set(refs.map(([, id]) => id))])).map((x) => x.id),
    );
    const issues: FieldIssue[] = refs
      .filter(([, id]) => !found.has(id))
      .map(([path]) => ({ path, code: 'unknown_person', message: 'not a person on the roster' }));
    if (issues.length) throw new ValidationError(issues);
  }

  async assertProjectsExist(ids: readonly string[], path: string): Promise<void> {
    if (ids.length === 0) return;
    const found = new Set((await this.store.projects.getMany(ids)).map((p) => p.id));
    const issues = ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !found.has(id))
      .map(({ i }) => ({
        path: `${path}.${i}`,
        code: 'unknown_project',
        message: 'not a project in the portfolio',
      }));
    if (issues.length) throw new ValidationError(issues);
  }
}
