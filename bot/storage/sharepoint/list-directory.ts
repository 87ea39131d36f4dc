// Finds the ids of the provisioned lists by display name, once (one request for all lists), and says
// clearly which list is missing when the site was not provisioned.
import { UnavailableError } from '../../domain/errors.js';
import type { GraphGateway } from './graph-gateway.js';
import { LIST_SPECS, listDisplayName, type ListKey } from './list-schema.js';

export class ListDirectory {
  private lists?: Promise<Map<string, string>>;

  constructor(
    private readonly gateway: GraphGateway,
    private readonly siteId: string,
    private readonly prefix: string,
  ) {}

  async idOf(key: ListKey): Promise<string> {
    this.lists ??= this.gateway
      .listLists(this.siteId)
      .then(
        (lists) => new Map(lists.filter((l) => l.displayName).map((l) => [l.displayName as string, l.id])),
      );
    let lists: Map<string, string>;
    try {
      lists = await this.lists;
    } catch (error) {
      this.lists = undefined;
      throw error;
    }
    const spec = LIST_SPECS.find((s) => s.key === key);
    const name = spec ? listDisplayName(this.prefix, spec) : key;
    const id = lists.get(name);
    if (id === undefined) {
      this.lists = undefined;
      throw new UnavailableError(
        `SharePoint list "${name}" (not found on the site: run npm run provision:sharepoint)`,
      );
    }
    return id;
  }
}
