import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_SPECS, allColumns, listDisplayName } from '../../bot/storage/sharepoint/list-schema.js';
import { describeProvisioning, provisionLists } from '../../bot/storage/sharepoint/provision-lists.js';
import { emulatedGateway } from '../graph-emulator/emulated-gateway.js';
import { GraphEmulator } from '../graph-emulator/graph-emulator.js';

const SITE =
  'contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe';

describe('provisioning the SharePoint lists', () => {
  let emulator: GraphEmulator;
  beforeAll(async () => {
    emulator = await GraphEmulator.start({ siteId: SITE });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('creates every list, column and index on the first run and changes nothing on the second', async () => {
    const { gateway } = emulatedGateway(emulator);
    const dry = await provisionLists(gateway, { siteId: SITE, prefix: 'TH ', dryRun: true });
    expect(dry.changes.filter((c) => c.action === 'create-list')).toHaveLength(LIST_SPECS.length);
    expect(emulator.model.site(SITE).lists.size).toBe(0);

    const first = await provisionLists(gateway, { siteId: SITE, prefix: 'TH ', dryRun: false });
    expect(first.problems).toEqual([]);
    expect(first.changes.map((c) => c.action)).toEqual(LIST_SPECS.map(() => 'create-list'));
    for (const spec of LIST_SPECS) {
      const list = emulator.model.list(SITE, listDisplayName('TH ', spec));
      for (const column of allColumns(spec)) {
        const created = list.columns.find((c) => c.name === column.name);
        expect(created, `${list.displayName}.${column.name}`).toBeDefined();
        expect(created?.indexed).toBe(column.indexed || column.unique);
        expect(created?.enforceUniqueValues).toBe(column.unique);
      }
    }

    const second = await provisionLists(gateway, { siteId: SITE, prefix: 'TH ', dryRun: false });
    expect(second.changes).toEqual([]);
    expect(describeProvisioning(second)).toContain('No changes: every list, column and index is in place.');
    expect(emulator.unexpected).toEqual([]);
  });

  it('adds a missing column and restores a dropped index, reporting each change', async () => {
    const { gateway } = emulatedGateway(emulator);
    const risks = emulator.model.list(SITE, 'TH Risks');
    risks.columns = risks.columns.filter((c) => c.name !== 'Level');
    const status = risks.columns.find((c) => c.name === 'Status');
    if (status) status.indexed = false;

    const result = await provisionLists(gateway, { siteId: SITE, prefix: 'TH ', dryRun: false });
    expect(result.changes).toEqual([
      { action: 'update-column', list: 'TH Risks', column: 'Status', set: { indexed: true } },
      { action: 'create-column', list: 'TH Risks', column: 'Level', kind: 'text', indexed: false },
    ]);
    expect(risks.columns.find((c) => c.name === 'Status')?.indexed).toBe(true);
    expect((await provisionLists(gateway, { siteId: SITE, prefix: 'TH ', dryRun: false })).changes).toEqual(
      [],
    );
  });

  it('reports a column of the wrong type instead of changing it', async () => {
    const { gateway } = emulatedGateway(emulator);
    const milestones = emulator.model.list(SITE, 'TH Milestones');
    const due = milestones.columns.find((c) => c.name === 'DueDate');
    if (due) {
      delete due.text;
      due.dateTime = {};
    }
    const result = await provisionLists(gateway, { siteId: SITE, prefix: 'TH ', dryRun: false });
    expect(result.problems).toEqual(['"TH Milestones" column DueDate is dateTime, expected text']);
    expect(due?.dateTime).toBeDefined();
  });
});
