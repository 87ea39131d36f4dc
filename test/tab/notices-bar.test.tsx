// The tab's notices (issue 12 item 10): a change the person saved while SharePoint was busy that
// SharePoint later refused is shown as a dismissible warning naming the item and its project, with a
// link to the item, in the person's language; dismissing it asks the server to forget it for good;
// the tab asks again on navigation.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../tab/src/api/endpoints.js';
import { NOTICE_POLL_MS, NoticesBar } from '../../tab/src/components/notices-bar.js';
import { fakeApi, renderInApp } from './helpers.js';

const notice = (overrides: Partial<Notice> = {}): Notice => ({
  id: 'n-1',
  personId: 'p-owner',
  kind: 'write-rejected',
  createdAt: '2026-11-25T10:00:00.000Z',
  dismissedAt: null,
  entity: 'risk',
  entityId: 'rsk-1',
  op: 'update',
  subject: 'Vendor delay',
  project: { id: 'prj-tr-07', code: 'TR-07', title: 'Digital workplace' },
  ...overrides,
});

afterEach(() => {
  window.history.replaceState(null, '', '#');
});

describe('NoticesBar', () => {
  it('shows nothing when there is no notice', async () => {
    const myNotices = vi.fn(() => Promise.resolve({ items: [] }));
    const { container } = renderInApp(<NoticesBar />, { api: fakeApi({ myNotices }) });
    await waitFor(() => expect(myNotices).toHaveBeenCalled());
    expect(container.querySelector('section')).toBeNull();
  });

  it('names the item and its project with a link to it, and dismisses it on the server', async () => {
    const myNotices = vi.fn(() =>
      Promise.resolve({
        items: [notice(), notice({ id: 'n-2', entity: 'person', subject: 'Daniel', project: null })],
      }),
    );
    const dismissNotice = vi.fn(() => Promise.resolve());
    renderInApp(<NoticesBar />, { api: fakeApi({ myNotices, dismissNotice }) });

    const region = await screen.findByRole('region', { name: 'Notices' });
    expect(region).toHaveTextContent('A change you saved could not be applied');
    expect(region).toHaveTextContent(
      'You saved a change to the risk “Vendor delay” in TR-07 Digital workplace',
    );
    expect(screen.getByRole('link', { name: 'Open TR-07' })).toHaveAttribute(
      'href',
      '#/projects/TR-07/risks',
    );
    expect(region).toHaveTextContent('You saved a change to the person “Daniel” while SharePoint was busy');
    expect(screen.getAllByRole('link')).toHaveLength(1);

    await userEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0]!);
    expect(dismissNotice).toHaveBeenCalledWith('n-1');
    expect(screen.queryByText(/Vendor delay/)).toBeNull();
    expect(screen.getByText(/“Daniel”/)).toBeInTheDocument();
  });

  it('speaks the person’s language, right to left in Arabic', async () => {
    const myNotices = () => Promise.resolve({ items: [notice()] });
    renderInApp(<NoticesBar />, { api: fakeApi({ myNotices }), lang: 'ar' });
    const region = await screen.findByRole('region', { name: 'الإشعارات' });
    expect(region).toHaveTextContent('تعذّر تطبيق تغيير قمت بحفظه');
    expect(region).toHaveTextContent('Vendor delay');
    expect(screen.getByRole('button', { name: 'إغلاق' })).toBeInTheDocument();
  });

  it('names the project in the reader’s language when it has a title in it', async () => {
    const titles = { fr: 'Espace de travail numérique', zh: '数字化工作场所' };
    const project = { id: 'prj-tr-07', code: 'TR-07', title: 'Digital workplace', titles };
    const myNotices = () =>
      Promise.resolve({
        items: [
          notice({ project }),
          notice({ id: 'n-2', entity: 'project', entityId: project.id, subject: project.title, project }),
        ],
      });
    renderInApp(<NoticesBar />, { api: fakeApi({ myNotices }), lang: 'fr' });
    const region = await screen.findByRole('region');
    expect(region).toHaveTextContent('TR-07 Espace de travail numérique');
    // The project's own notice names it by that title too, not by the stored English one.
    expect(region).toHaveTextContent(/projet «\s?Espace de travail numérique\s?»/);
    expect(region).not.toHaveTextContent('Digital workplace');
  });

  it('asks again when the person navigates, and shows a notice that arrived meanwhile', async () => {
    const myNotices = vi
      .fn<() => Promise<{ items: Notice[] }>>()
      .mockResolvedValueOnce({ items: [] })
      .mockResolvedValue({ items: [notice()] });
    renderInApp(<NoticesBar />, { api: fakeApi({ myNotices }) });
    await waitFor(() => expect(myNotices).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('region')).toBeNull();
    act(() => {
      window.location.hash = '#/portfolio';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('region', { name: 'Notices' })).toHaveTextContent('Vendor delay');
  });

  it('asks again every minute while the tab stays open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const myNotices = vi
        .fn<() => Promise<{ items: Notice[] }>>()
        .mockResolvedValueOnce({ items: [] })
        .mockResolvedValue({ items: [notice()] });
      renderInApp(<NoticesBar />, { api: fakeApi({ myNotices }) });
      await waitFor(() => expect(myNotices).toHaveBeenCalledTimes(1));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(NOTICE_POLL_MS);
      });
      expect(await screen.findByRole('region', { name: 'Notices' })).toHaveTextContent('Vendor delay');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the notice again when the server refused the dismissal', async () => {
    const myNotices = vi.fn(() => Promise.resolve({ items: [notice()] }));
    const dismissNotice = vi.fn(() => Promise.reject(new Error('offline')));
    renderInApp(<NoticesBar />, { api: fakeApi({ myNotices, dismissNotice }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(myNotices).toHaveBeenCalledTimes(2));
    expect(await screen.findByText(/Vendor delay/)).toBeInTheDocument();
  });
});
