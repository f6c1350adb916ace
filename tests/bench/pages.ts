// A loopback site shaped like the demo seller chat (same hooks), for benchmarks at any size.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const CHAT = `<!doctype html><html><head><meta charset="utf-8"><title>Bench chat</title></head><body>
<main data-testid="chat-layout" style="display:flex;height:100vh">
  <nav data-testid="conversation-list" style="width:260px"></nav>
  <section data-testid="conversation-pane" style="flex:1">
    <header data-testid="conversation-header"></header>
    <textarea data-testid="chat-input"></textarea>
  </section>
</main>
<script>
  // As a single-page seller centre does: new URL, then the header re-rendered.
  window.showBuyer = (handle) => {
    history.pushState({}, '', '/chat/' + encodeURIComponent(handle));
    document.querySelector('[data-testid="conversation-header"]').innerHTML =
      '<span data-testid="buyer-name">' + handle + '</span><span data-testid="buyer-handle" data-handle="' + handle + '">@' + handle + '</span>';
  };
  window.goPlain = (n) => history.pushState({}, '', '/orders?page=' + n);
</script></body></html>`;

const PLAIN = `<!doctype html><html><head><meta charset="utf-8"><title>Orders</title></head><body>
<h1>Orders</h1><table>${'<tr><td>order</td><td>$1.00</td></tr>'.repeat(200)}</table>
<script>window.goPlain = (n) => history.pushState({}, '', '/orders?page=' + n);</script></body></html>`;

export async function startBenchSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const body = req.url?.startsWith('/chat') ? CHAT : PLAIN;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
