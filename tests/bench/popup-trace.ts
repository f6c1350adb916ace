// BENCH_POPUP_TRACE=FILE (with BENCH_POPUP_AB_DIR): a Chromium trace of the popup opens after the
// warm-up ones, written to FILE, and what each popup's main thread did from asking the background
// for Today to getting the answer (tests/bench/popup-trace-summary.ts reads it).
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel', 'loading', 'blink', 'ipc', 'mojom', 'extensions'];

export async function popupTrace(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  return {
    start: () => cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReturnAsStream' }),
    async stop(file: string) {
      const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
      await cdp.send('Tracing.end');
      const stream = await done;
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      await writeFile(file, text);
    },
  };
}
