// The options page's figures over every order (repurchase intervals for the lapse suggestion, the
// category figures), read and computed off the page's thread: made in the page, they held up the
// tier editor's counts as the user typed. Orders are read a member at a time (store/member-orders.ts).
import { RegularsDb } from '@/lib/store/database';
import { readCategoryFigures, readRepurchaseIntervals } from '@/lib/store/report-data';
import type { FiguresReply, FiguresRequest } from './figures';

const post = (reply: FiguresReply) => (self as unknown as Worker).postMessage(reply);

const answer = async (data: FiguresRequest) => {
  const db = new RegularsDb();
  try {
    if (data.kind === 'intervals') post({ id: data.id, ok: true, kind: 'intervals', value: await readRepurchaseIntervals(db, data.timeZone) });
    else post({ id: data.id, ok: true, kind: 'categories', value: await readCategoryFigures(db, data.timeZone) });
  } catch (e) {
    post({ id: data.id, ok: false, message: (e as Error).message });
  } finally {
    db.close();
  }
};

/**
 * One figure at a time: after an import the page asks for both at once (the data changed), and each
 * reads every order (from the rows while the background has not kept its ledger yet): side by side,
 * the worker held two reads' pages and figures at once while the background still held the import's
 * own memory.
 */
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = ({ data }: MessageEvent<FiguresRequest>) => {
  queue = queue.then(() => answer(data));
};
