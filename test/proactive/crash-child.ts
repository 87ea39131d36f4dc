// Run by exactly-once.test.ts as a separate Node process on the same data directory: starts an app
// instance and sends the digest; the test kills it (SIGKILL) in the middle of the fan-out.
// Usage: node --import tsx test/proactive/crash-child.ts <dataDir> <now ISO instant>
import { openInstance } from './proactive-harness.js';

const [dataDir, now] = process.argv.slice(2);
if (!dataDir || !now) throw new Error('usage: crash-child.ts <dataDir> <now>');
const instance = await openInstance(dataDir, { now, instanceId: 'child' });
process.stdout.write('started\n');
const summary = await instance.app.proactive.digest.send();
process.stdout.write(`${JSON.stringify(summary)}\n`);
await instance.app.close();
