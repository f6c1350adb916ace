import { describe, expect, it } from 'vitest';
import { endInSteps } from './import-end-steps';
import { BackgroundGone } from './worker-post';

const DONE = { ended: true, members: { created: 2, matched: 1 } };
const MORE = { ended: false, members: { created: 2, matched: 1 }, more: true };

/** A background answering `answers` in turn; an Error in the list is thrown instead. */
function background(answers: (typeof DONE | typeof MORE | Error)[]) {
  const asked: string[] = [];
  return {
    asked,
    step: async (session: string) => {
      asked.push(session);
      const next = answers.shift();
      if (!next) throw new Error('asked once too often');
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

describe("the options page asks for an import's end a step at a time", () => {
  it('asks again while the background says there is more, and gives its last answer', async () => {
    const bg = background([MORE, MORE, DONE]);
    expect(await endInSteps(bg.step, 'session-1')).toEqual(DONE);
    expect(bg.asked).toEqual(['session-1', 'session-1', 'session-1']);
  });

  it('a background stopped mid-step is asked again (it starts again and goes on where the end got to)', async () => {
    const bg = background([MORE, new BackgroundGone(), MORE, new BackgroundGone(), DONE]);
    expect(await endInSteps(bg.step, 'session-2')).toEqual(DONE);
  });

  it('gives up after the background stopped several times in a row, and on any other failure at once', async () => {
    await expect(endInSteps(background([new BackgroundGone(), new BackgroundGone(), new BackgroundGone(), new BackgroundGone()]).step, 's')).rejects.toBeInstanceOf(BackgroundGone);
    const refused = new Error('refused');
    await expect(endInSteps(background([MORE, refused, DONE]).step, 's')).rejects.toBe(refused);
  });
});
