// Bulk requests (an import's batches) posted straight to the background's service worker instead of
// through runtime messaging. Runtime messaging turns every object into JSON-like values in the page,
// routes them through the browser process and rebuilds them in the worker; a service worker's
// `postMessage` carries them by structured clone, several times cheaper for thousands of orders.
// Each post is a service-worker event of its own, so it also wakes a stopped worker and keeps it
// running while it is answered. Where there is no service worker (Firefox's background page, a
// worker not yet active), the request goes by runtime messaging as before.

type RuntimeLike = { sendMessage(message: unknown): Promise<unknown> };

/** A request as posted to the worker, and its answer as the worker posts it back. */
export interface WorkerPost {
  regularsPost: number;
  message: unknown;
}
export interface WorkerAnswer {
  regularsPost: number;
  reply: unknown;
}

export function isWorkerPost(data: unknown): data is WorkerPost {
  return typeof data === 'object' && data !== null && typeof (data as WorkerPost).regularsPost === 'number' && 'message' in data;
}

function isWorkerAnswer(data: unknown): data is WorkerAnswer {
  return typeof data === 'object' && data !== null && typeof (data as WorkerAnswer).regularsPost === 'number' && 'reply' in data;
}

/** The name of the port a page holds to the background while it waits for posted answers. */
export const POST_WATCH_PORT = 'regulars-post-watch';

/** What the page's side needs of the browser (wired in bulk-client.ts; replaced in unit tests). */
export interface PostingEnv {
  /** The background's active service worker, or undefined where there is none. */
  worker(): Promise<{ postMessage(message: unknown): void } | undefined>;
  /** Listens to what service workers post to this page. */
  onAnswer(listener: (data: unknown) => void): void;
  /**
   * Opens a port to the background that closes when its worker stops, so a request it will never
   * answer fails instead of waiting for ever; `gone` is called once then.
   */
  watch(gone: () => void): void;
  runtime: RuntimeLike;
}

/** The background stopped (crashed, reloaded, or stopped by the browser) before it answered. */
export class BackgroundGone extends Error {
  constructor() {
    super('The background stopped before it answered');
    this.name = 'BackgroundGone';
  }
}

/** A `sendMessage` that posts to the service worker, or goes by runtime messaging where it can't. */
export function postingRuntime(env: PostingEnv): RuntimeLike {
  const pending = new Map<number, { resolve(reply: unknown): void; reject(e: Error): void }>();
  let next = 1;
  let watching = false;
  let listening = false;
  const gone = () => {
    watching = false;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(new BackgroundGone());
  };
  return {
    async sendMessage(message) {
      const worker = await env.worker().catch(() => undefined);
      if (!worker) return env.runtime.sendMessage(message);
      if (!listening) {
        listening = true;
        env.onAnswer((data) => {
          if (!isWorkerAnswer(data)) return;
          const p = pending.get(data.regularsPost);
          pending.delete(data.regularsPost);
          p?.resolve(data.reply);
        });
      }
      if (!watching) {
        watching = true;
        env.watch(gone);
      }
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const post: WorkerPost = { regularsPost: id, message };
        try {
          worker.postMessage(post);
        } catch (e) {
          pending.delete(id);
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    },
  };
}

/** What the background's side needs of a service worker's `message` event. */
export interface PostEvent {
  data: unknown;
  origin: string;
  source: { url?: string; postMessage(message: unknown): void } | null;
  waitUntil(done: Promise<unknown>): void;
}

type Route = (message: unknown, sender: { id?: string; url?: string }) => Promise<unknown>;

/**
 * The background's side: every request a page posts goes through the same router as runtime
 * messages (sender check, validation), and its answer is posted back to that page. The event
 * waits for the answer, so the worker is not stopped while it works.
 */
export function answerWorkerPosts(scope: { addEventListener(type: 'message', listener: (event: PostEvent) => void): void }, route: Route, ownId: string): void {
  scope.addEventListener('message', (event) => {
    const post = event.data;
    const source = event.source;
    if (!isWorkerPost(post) || !source) return;
    // Only pages of our own origin can post to our worker; the router checks the sender again.
    const answered = route(post.message, { id: ownId, url: source.url ?? event.origin }).then((reply) => {
      const answer: WorkerAnswer = { regularsPost: post.regularsPost, reply };
      source.postMessage(answer);
    });
    event.waitUntil(answered.catch((e) => console.error('Regulars: a posted request could not be answered', e)));
  });
}
