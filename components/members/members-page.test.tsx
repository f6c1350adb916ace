// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/domain/settings';
import { translator } from '@/lib/i18n';
import type { MembersApi } from './api';
import { MembersPage } from './members-page';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the members page', () => {
  it('says so, and why, when the members could not be read, instead of reading forever', async () => {
    const api = {
      settings: async () => defaultSettings(),
      load: async () => {
        throw new Error('the store is busy upgrading');
      },
      listSegments: async () => [],
      vocabulary: async () => [],
    } as unknown as MembersApi;
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => createRoot(root).render(<MembersPage api={api} t={translator('en')} locale="en" hash="#/members" now={() => 0} />));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('The members could not be read: the store is busy upgrading. Reload the page to try again.');
    expect(root.querySelector('[role=status]')).toBeNull();
  });
});
