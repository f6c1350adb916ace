import { describe, expect, it } from 'vitest';
import { streamInWorker } from './read-in-worker';

/** Plays the import worker's side: a batch per ack, then 'done' after the last batch is acknowledged. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent = 0;
  terminated = false;
  constructor(private batches: number) {}
  postMessage(message: { kind: string }) {
    if (this.terminated) return;
    if (message.kind === 'stream' || message.kind === 'ack') {
      // Asynchronously, as a real worker answers.
      setTimeout(() => {
        if (this.terminated) return;
        if (this.sent < this.batches) {
          const n = this.sent++;
          this.onmessage?.({ data: { kind: 'batch', batch: { json: '[]', keys: [`demo:B${n}`] }, problems: [], progress: { bytes: n, totalBytes: this.batches, rows: n } } } as MessageEvent);
        } else {
          this.onmessage?.({ data: { kind: 'done', result: { ok: true, orderCount: this.batches } } } as MessageEvent);
        }
      }, 0);
    }
  }

  terminate() {
    this.terminated = true;
  }
}

const file = new File(['x'], 'orders.csv');
const options = { timeZone: 'UTC', currency: 'USD' };

describe('streaming a big file through the worker', () => {
  it('stores batches one at a time in file order while the worker reads one ahead, and finishes only after the last is stored', async () => {
    const fake = new FakeWorker(6);
    const stored: string[] = [];
    let storing = 0;
    let mostAtOnce = 0;
    let mostAhead = 0;
    const stream = streamInWorker(() => fake as unknown as Worker, file, options, async (batch) => {
      storing++;
      mostAtOnce = Math.max(mostAtOnce, storing);
      await new Promise((r) => setTimeout(r, 5));
      // How many batches the worker has read beyond the ones stored, while this one was being stored.
      mostAhead = Math.max(mostAhead, fake.sent - stored.length);
      stored.push(batch.keys[0]!.slice('demo:'.length));
      storing--;
    });
    const result = await stream.done;
    expect(result).toMatchObject({ ok: true });
    expect(stored).toEqual(['B0', 'B1', 'B2', 'B3', 'B4', 'B5']);
    expect(mostAtOnce).toBe(1);
    // It did read ahead (parsing overlaps storing), but never more than one batch queued behind the one being stored.
    expect(mostAhead).toBe(2);
  });

  it('a batch that fails to store ends the stream with its message, and no later batch is stored', async () => {
    const fake = new FakeWorker(5);
    const stored: string[] = [];
    const stream = streamInWorker(() => fake as unknown as Worker, file, options, async (batch) => {
      const no = batch.keys[0]!.slice('demo:'.length);
      if (no === 'B1') throw new Error('the store refused B1');
      stored.push(no);
    });
    expect(await stream.done).toMatchObject({ ok: false, message: 'the store refused B1' });
    await new Promise((r) => setTimeout(r, 20));
    expect(stored).toEqual(['B0']);
    expect(fake.terminated).toBe(true);
  });
});
