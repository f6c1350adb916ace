// The options page's side of an import's end: asked a step at a time (background/import/import-end.ts),
// each step answered well inside the time a browser gives one message. A background stopped between
// or during steps (Chrome stops a service worker whose one event outlasts 5 minutes; a crash) starts
// again at the next request and goes on from where the end got to: the request is sent again.
import { BackgroundGone } from './worker-post';
import type { ResponseOf } from './protocol';

type EndAnswer = ResponseOf<'orders.importEnd'>;

/** Stops in a row after which the end is given up (the import's orders are stored; its members are brought up to date when the background next starts). */
export const END_RETRIES = 3;

export async function endInSteps(step: (session: string) => Promise<EndAnswer>, session: string, retries = END_RETRIES): Promise<EndAnswer> {
  let stops = 0;
  for (;;) {
    try {
      const answer = await step(session);
      stops = 0;
      if (!answer.more) return answer;
    } catch (e) {
      if (!(e instanceof BackgroundGone) || ++stops > retries) throw e;
    }
  }
}
