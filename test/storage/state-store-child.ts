// Run by sqlite-store.test.ts as a separate Node process on the same database file, to show that leases
// and run claims hold across processes, not only across connections of one process.
// Usage: node --import tsx test/storage/state-store-child.ts <dataDir> <at ISO instant>
import { createSqliteStateStore } from '../../bot/storage/sqlite/sqlite-store.js';

const [dataDir, at] = process.argv.slice(2);
if (!dataDir || !at) throw new Error('usage: state-store-child.ts <dataDir> <at>');
const state = createSqliteStateStore({ dataDir });
const lease = await state.leases.acquire('scheduler', 'child-process', 60_000, new Date(at));
const claim = await state.runs.claim({ kind: 'digest', period: '2026-W10', recipientId: 'person-cto' }, at);
await state.close();
process.stdout.write(JSON.stringify({ lease, claim }));
