// Run in a child process by sharepoint-env.test.ts: the app's own configuration path (loadConfig ->
// createStore) with nothing but environment variables pointing at the emulator. Prints one JSON line.
import { loadConfig } from '../../bot/config.js';
import { createStore } from '../../bot/storage/create-store.js';
import { buildPerson, buildProject } from '../helpers/fixtures.js';

const config = loadConfig();
const store = await createStore(config);
await store.ping();
const project = await store.projects.create(buildProject({ id: 'from-env', code: 'ENV-1' }));
await store.people.create(buildPerson({ id: 'env-person' }));
const read = await store.projects.getByCode('env-1');
console.log(
  JSON.stringify({ kind: store.kind, created: project.id, read: read?.id, empty: await store.isEmpty() }),
);
await store.close();
