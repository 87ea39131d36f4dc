// The SharePoint store runs the repository contract through the real gateway (msal-node, the
// graph-client middleware chain, $batch, delta) against the Graph emulator, with small pages so that
// every listing follows @odata.nextLink. The emulator must not have seen a request it does not
// understand.
import { afterAll, expect } from 'vitest';
import { describeStoreContract } from '../contract/repositories.contract.js';
import { closeSharedEmulator, provisionedSite, sharedEmulator } from './sharepoint-harness.js';

describeStoreContract('sharepoint (Graph emulator)', async () => {
  const site = await provisionedSite(await sharedEmulator({ defaultPageSize: 7, maxPageSize: 7 }));
  const store = await site.open();
  return { store, cleanup: site.cleanup, openSecondInstance: () => site.open() };
});

afterAll(async () => {
  const emulator = await closeSharedEmulator();
  expect(emulator?.unexpected ?? []).toEqual([]);
});
