// writeWithAudit: a store with transactions stores a write and its audit event together
// (Store.writeAudited); any other store gets the event appended once the write has succeeded.
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../bot/domain/audit.js';
import { writeWithAudit, type Store } from '../../bot/ports/repositories.js';
import { buildAuditEvent } from '../helpers/fixtures.js';

function storeWithoutTransactions() {
  const appended: AuditEvent[] = [];
  const store: Pick<Store, 'audit' | 'writeAudited'> = {
    audit: {
      append: (e) => {
        appended.push(e);
        return Promise.resolve();
      },
      list: () => Promise.resolve({ items: appended }),
    },
  };
  return { store, appended };
}

describe('writeWithAudit', () => {
  it('without transactions: appends the event after the write succeeded', async () => {
    const { store, appended } = storeWithoutTransactions();
    const event = buildAuditEvent();
    const seenByWrite: number[] = [];
    const result = await writeWithAudit(
      store,
      () => {
        seenByWrite.push(appended.length);
        return Promise.resolve('stored');
      },
      event,
    );
    expect(result).toBe('stored');
    expect(seenByWrite).toEqual([0]);
    expect(appended).toEqual([event]);
  });

  it('without transactions: several events are appended after the write, in their order', async () => {
    const { store, appended } = storeWithoutTransactions();
    const events = [buildAuditEvent({ action: 'update' }), buildAuditEvent({ action: 'escalate' })];
    expect(await writeWithAudit(store, () => Promise.resolve(1), events)).toBe(1);
    expect(appended).toEqual(events);
  });

  it('without transactions: a failed write appends nothing and its error is thrown', async () => {
    const { store, appended } = storeWithoutTransactions();
    await expect(
      writeWithAudit(store, () => Promise.reject(new Error('refused')), buildAuditEvent()),
    ).rejects.toThrow('refused');
    expect(appended).toEqual([]);
  });

  it('with transactions: hands the write and the event to the store, once', async () => {
    const calls: AuditEvent[] = [];
    const event = buildAuditEvent();
    const store: Pick<Store, 'audit' | 'writeAudited'> = {
      audit: {
        append: () => Promise.reject(new Error('the store appends inside writeAudited')),
        list: () => Promise.resolve({ items: [] }),
      },
      writeAudited: async <T>(write: () => Promise<T>, events: readonly AuditEvent[]) => {
        calls.push(...events);
        return write();
      },
    };
    expect(await writeWithAudit(store, () => Promise.resolve(42), event)).toBe(42);
    expect(calls).toEqual([event]);
    const more = [buildAuditEvent(), buildAuditEvent()];
    await writeWithAudit(store, () => Promise.resolve(43), more);
    expect(calls).toEqual([event, ...more]);
  });
});
