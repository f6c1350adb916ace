import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_CSV_HEADERS } from './export';
import { esc, startDemoServer, type DemoServer } from './server';

const ANCHOR = Date.UTC(2026, 4, 10);
let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, anchor: ANCHOR });
});
afterAll(async () => {
  await demo?.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${demo.url}${path}`, { redirect: 'manual', ...init });
const text = async (path: string) => {
  const res = await get(path);
  return { res, body: await res.text() };
};

describe('demo server', () => {
  it('listens on a random port on 127.0.0.1 and exposes its seed', () => {
    expect(demo.port).toBeGreaterThan(0);
    expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`);
    expect(demo.seed.anchor).toBe(ANCHOR);
  });

  it('redirects / to /chat', async () => {
    const res = await get('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/chat');
  });

  it('serves the chat page with the hooks, opened on the first conversation', async () => {
    const { res, body } = await text('/chat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body).toContain('data-testid="chat-layout"');
    expect(body).toContain('data-testid="conversation-list"');
    expect(body).toContain('data-testid="conversation-pane"');
    expect(body).toContain('data-testid="conversation-header"');
    expect(body).toContain('<textarea data-testid="chat-input" placeholder="Type a message"');
    expect(body).toContain('<span data-testid="buyer-name">Lily Chen</span>');
    expect(body).toContain('<span data-testid="buyer-handle" data-handle="lily_chen">@lily_chen</span>');
    expect(body.match(/class="conv" data-testid="conversation-item"/g)).toHaveLength(demo.seed.conversations.length);
    const first = demo.seed.conversations[0]?.id ?? '';
    expect(body).toContain(`href="/chat/${first}" class="conv" data-testid="conversation-item" data-conversation-id="${first}" aria-current="page"`);
    expect(body).toContain('Demo Market');
    // No external resources.
    expect(body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves /chat/:id for every conversation, and 404 for an unknown one', async () => {
    const champion = demo.seed.conversations.find((c) => c.handle === demo.seed.known.champion);
    const { res, body } = await text(`/chat/${champion?.id}`);
    expect(res.status).toBe(200);
    expect(body).toContain(`data-handle="${demo.seed.known.champion}"`);
    expect((await get('/chat/nope')).status).toBe(404);
  });

  it('shows an order page with the data-* attributes for a known order', async () => {
    const order = demo.seed.orders.find((o) => o.handle === demo.seed.known.unpaid);
    if (!order) throw new Error('no order');
    const { res, body } = await text(`/orders/${order.orderNo}`);
    expect(res.status).toBe(200);
    expect(body).toContain('data-testid="order-summary"');
    expect(body).toContain(`<dd data-testid="order-number" class="mono">${order.orderNo}</dd>`);
    expect(body).toContain(`data-testid="order-buyer" data-handle="${order.handle}"`);
    expect(body).toContain(`<dd data-testid="order-status" data-status="${order.status}">`);
    expect(body).toContain(`data-testid="order-amount" data-amount-minor="${order.amountMinor}" data-currency="USD"`);
    expect(body).toContain(`<time datetime="${new Date(order.placedAt).toISOString()}">`);
    expect(body).toContain('data-testid="order-items"');
  });

  it('answers 404 for an unknown order', async () => {
    const res = await get('/orders/000000000000000000');
    expect(res.status).toBe(404);
  });

  it('lists orders 50 a page, newest first, with an export link and a status filter', async () => {
    const { body } = await text('/orders');
    const nos = [...body.matchAll(/data-testid="order-row" data-order-no="(\d+)"/g)].map((m) => m[1]);
    expect(nos).toEqual(demo.seed.orders.slice(0, 50).map((o) => o.orderNo));
    expect(body).toContain('<a class="btn primary" href="/export/orders.csv" download');
    const page2 = await text('/orders?page=2');
    expect(page2.body).toContain(`data-order-no="${demo.seed.orders[50]?.orderNo}"`);
    const refunded = await text('/orders?status=refunded');
    const statuses = [...refunded.body.matchAll(/<td data-status="(\w+)">/g)].map((m) => m[1]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['refunded']));
  });

  it('serves the CSV export as an attachment with the TikTok headers', async () => {
    const res = await get('/export/orders.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Demo_Market_orders_20260510.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(bytes);
    expect(body.split('\r\n')[0]).toBe(ORDER_CSV_HEADERS.join(','));
  });

  it('serves the seed and the conversations as JSON', async () => {
    const seed = await (await get('/api/seed.json')).json();
    expect(seed.orders).toHaveLength(demo.seed.orders.length);
    expect(seed.known.twoHandles).toEqual(['lily_chen', 'lilychen.shop']);
    const convs = await (await get('/api/conversations.json')).json();
    expect(convs).toHaveLength(demo.seed.conversations.length);
  });

  it('serves a plain page with the buyer name and no hooks', async () => {
    const { res, body } = await text('/plain');
    expect(res.status).toBe(200);
    expect(body).toContain('<p class="x1">Lily Chen (lily_chen)</p>');
    expect(body).not.toContain('data-testid');
    expect(body).not.toContain('data-handle');
  });

  it('escapes data in HTML', () => {
    expect(esc(`<script>"O'Brien" & co</script>`)).toBe('&lt;script&gt;&quot;O&#39;Brien&quot; &amp; co&lt;/script&gt;');
  });

  it('closes promptly even with a keep-alive connection open', async () => {
    const other = await startDemoServer({ port: 0, anchor: ANCHOR });
    const res = await fetch(`${other.url}/orders`, { headers: { connection: 'keep-alive' } });
    await res.text();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
