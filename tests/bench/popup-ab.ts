// BENCH_ONLY=popup BENCH_POPUP_AB_DIR=<another bench build>: the popup of this bench build and of
// another one (built with REGULARS_BENCH=1 REGULARS_OUT_DIR=...), loaded side by side in one
// Chromium and opened in turn, with the page with no script after each pair. Machine load drifts
// from minute to minute: two builds measured in two runs differ by more than most changes do.
// BENCH_POPUP_RAW=FILE keeps every open, to pair the two builds' opens of each load. BENCH_POPUP_ASLEEP=N
// adds N opens of each with the background's worker stopped first (BENCH_POPUP_LOADS=0: those alone).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { answerFirstRun, launchWithExtension, unpackedExtensionId } from '../support/extension';
import { backgroundSettled, BENCH_DIR, emit, pct, round, seededBenchPage } from './common';
import { FLOOR_OPENED, openOnce, openPopup, stepFigures, type PopupOpen } from './popup-open';
import { popupAsleepBench } from './popup-asleep';
import { popupTrace } from './popup-trace';

const OPEN_REMINDERS = 5000;
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export async function popupAbBench(otherDir: string, members: number, orders: number) {
  const loads = Number(process.env.BENCH_POPUP_LOADS ?? 45);
  const dirs = [path.resolve(BENCH_DIR), path.resolve(otherDir)];
  const ext = await launchWithExtension({ extensionDir: dirs[0], alsoLoad: [dirs[1]!], userDataDir: process.env.BENCH_PROFILE });
  try {
    const ids = dirs.map(unpackedExtensionId);
    await answerFirstRun(ext.context, ids[1]!);
    const pages = [];
    for (const id of ids) {
      const { page } = await seededBenchPage(ext.context, id, members, orders);
      await page.evaluate(([n]) => regularsBench.openReminders(n!, Date.now()), [OPEN_REMINDERS]);
      pages.push(page);
    }
    for (const page of pages) await backgroundSettled(page);
    // What Today's first answer weighs: the whole list, and the first screen's (a build that does not know firstRows sends the whole).
    for (const [k, page] of pages.entries()) {
      // No function declared inside: tsx names them with a helper the page does not have.
      const [whole, first] = await page.evaluate(() =>
        Promise.all([{ locale: 'en', perGroup: 10 }, { locale: 'en', perGroup: 10, firstRows: 9 }].map((payload) => chrome.runtime.sendMessage({ regulars: 1, name: 'reminders.today', payload }).then((r) => JSON.stringify(r).length))),
      );
      emit({ bench: 'popup-today-answer-bytes', build: k === 0 ? 'this' : 'other', dir: dirs[k], whole_bytes: whole, first_answer_bytes: first });
    }
    const runs: PopupOpen[][] = ids.map(() => []);
    const floors: [number, number][] = [];
    const trace = process.env.BENCH_POPUP_TRACE ? await popupTrace(pages[0]!) : undefined;
    for (let i = 0; i < loads; i++) {
      if (i === 5) await trace?.start();
      // Each build opens first every other time: neither always follows the floor page.
      for (const k of i % 2 ? [1, 0] : [0, 1]) runs[k]!.push(await openPopup(ext.context, ids[k]!, `chrome-extension://${ids[k]}/popup.html?load=${i}`));
      floors.push(await openOnce<[number, number]>(ext.context, `chrome-extension://${ids[0]}/bench-floor.html?load=${i}`, FLOOR_OPENED));
    }
    await trace?.stop(process.env.BENCH_POPUP_TRACE!);
    // BENCH_POPUP_ASLEEP=N: then N opens of each with the workers stopped first (popup-asleep.ts).
    if (process.env.BENCH_POPUP_ASLEEP) await popupAsleepBench(ext.context, ids, dirs, Number(process.env.BENCH_POPUP_ASLEEP));
    // BENCH_POPUP_RAW=FILE: every open of both builds and the floor's, for pairing opens of one load.
    if (process.env.BENCH_POPUP_RAW) await writeFile(process.env.BENCH_POPUP_RAW, JSON.stringify({ dirs, runs, floors }));
    // The first loads compile and warm the workers.
    const floorPaint = floors.slice(5).map((f) => f[0]);
    runs.forEach((all, k) => {
      const kept = all.slice(5);
      if (kept.length === 0) return;
      const paint = kept.map((r) => r.paint);
      emit({
        bench: 'popup-today-open-ab',
        build: k === 0 ? 'this' : 'other',
        dir: dirs[k],
        open_reminders: OPEN_REMINDERS,
        samples: kept.length,
        median_ms: round(pct(paint, 0.5)),
        p95_ms: round(pct(paint, 0.95)),
        floor_paint_median_ms: round(pct(floorPaint, 0.5)),
        floor_paint_p95_ms: round(pct(floorPaint, 0.95)),
        answer_in_popup_median_ms: round(pct(kept.map((r) => r.answer), 0.5)),
        answer_in_popup_p95_ms: round(pct(kept.map((r) => r.answer), 0.95)),
        steps_ms: stepFigures(kept),
      });
    });
  } finally {
    await ext.close();
  }
}
