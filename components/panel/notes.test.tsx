// @vitest-environment happy-dom
// The note box in the panel and the member view: what the agent types is never wiped by the kept
// draft arriving late (the member view once lost a note typed while it opened).
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import type { PanelApi } from './api';
import { Notes } from './notes';
import { realCard } from '@/lib/background/members/card-test-helpers';
import { testRoot, type } from './test-dom';

const dom = testRoot();

/** Renders the notes with a kept draft that arrives only when `arrive` is called. */
async function renderWithLateDraft(kept: string) {
  const saved: string[] = [];
  let arrive!: () => void;
  const draftRead = new Promise<string>((resolve) => (arrive = () => resolve(kept)));
  const api = { readDraft: () => draftRead, saveDraft: (_id: string, text: string) => void saved.push(text) } as Partial<PanelApi> as PanelApi;
  await act(async () => dom.root().render(<Notes card={await realCard()} t={translator('en')} locale="en" timeZone="UTC" api={api} author="Mei" />));
  const box = dom.host().querySelector('textarea')!;
  return { box, saved, arrive: () => act(async () => arrive()) };
}

describe('the note box and its kept draft', () => {
  it('keeps what the agent typed before the kept draft arrived, and keeps that as the draft', async () => {
    const { box, saved, arrive } = await renderWithLateDraft('');
    await type(box, 'Wants the parcel gift-wrapped');
    await arrive();
    expect(box.value).toBe('Wants the parcel gift-wrapped');
    expect(saved.at(-1)).toBe('Wants the parcel gift-wrapped');
  });

  it('an older kept draft does not replace text typed meanwhile', async () => {
    const { box, arrive } = await renderWithLateDraft('an old draft');
    await type(box, 'New text');
    await arrive();
    expect(box.value).toBe('New text');
  });

  it('shows the kept draft when nothing was typed, and saves later typing', async () => {
    const { box, saved, arrive } = await renderWithLateDraft('an old draft');
    await arrive();
    expect(box.value).toBe('an old draft');
    expect(saved).toEqual([]);
    await type(box, 'an old draft, and more');
    expect(saved.at(-1)).toBe('an old draft, and more');
  });
});
