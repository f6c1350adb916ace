// The demo marketplace: "Demo Market · Seller Centre", a local seller chat and orders site where the
// extension is shown and tested end to end. Node built-ins only.
//
//   npx tsx demo/server.ts [--port N]     (default port 5273)
//
// Routes: / → /chat · /chat and /chat/:id (SPA) · /orders (?page, ?status, ?buyer) · /orders/:orderNo ·
// /export/orders.csv · /api/seed.json · /api/conversations.json · /plain (no hooks, for "point at the name").

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { ordersCsv, ordersCsvFileName } from './export';
import { demoSeed, utcMidnight, type DemoConversation, type DemoOrder, type DemoOrderStatus, type DemoSeed } from './seed';

export interface DemoServerOptions {
  /** 0 = any free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Epoch ms the data is anchored to; default today's UTC midnight. */
  anchor?: number;
}

export interface DemoServer {
  url: string;
  port: number;
  seed: DemoSeed;
  close(): Promise<void>;
}

export const DEFAULT_DEMO_PORT = 5273;
const PAGE_SIZE = 50;
/** How long the chat SPA "fetches" before re-rendering the pane after a click. */
export const CHAT_RENDER_DELAY_MS = 80;

// ---------------------------------------------------------------------------------------------
// Formatting

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** JSON safe to place inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (minor: number) => usd.format(minor / 100);
const dateTime = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
const fmtDateTime = (t: number) => dateTime.format(t);
const iso = (t: number) => new Date(t).toISOString();

/**
 * How other seller centres print an order (/orders/:orderNo?print=…&tz=…), to test order capture on
 * text only: no <time datetime>, no data-currency. 'dmy': "21 Nov 2026 09:14" in `tz` (default UTC);
 * 'us-zone': "Fri, Nov 20, 2026, 9:41 AM PST" in Los Angeles; 'eu': a euro shop, "21.11.2026, 09:14"
 * in `tz` and "1.249,00 €". The amount is the order's, in minor units of whatever currency is printed.
 */
export const ORDER_PRINTS = ['dmy', 'us-zone', 'eu'] as const;
export type OrderPrint = (typeof ORDER_PRINTS)[number];

function printedDate(t: number, print: OrderPrint, timeZone: string): string {
  if (print === 'us-zone') {
    return new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(t);
  }
  if (print === 'eu') return new Intl.DateTimeFormat('de-DE', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(t);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(t).map((p) => [p.type, p.value]),
  );
  return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}`;
}

function printedAmount(minor: number, print: OrderPrint): string {
  return print === 'eu' ? new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(minor / 100) : money(minor);
}

const STATUS_LABELS: Record<DemoOrderStatus, string> = {
  unpaid: 'Unpaid',
  paid: 'To ship',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

/** Short time for chat lists, relative to the anchor ("today" is the anchor's day and the day before). */
function chatTime(t: number, anchor: number): string {
  const d = new Date(t);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const days = Math.floor((anchor - t) / 86_400_000);
  if (days < 1) return hm;
  if (days < 6) return d.toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

// ---------------------------------------------------------------------------------------------
// Page frame

const CSS = `
:root { --accent: #0f766e; --accent-soft: #e6f4f2; --ink: #1f2328; --muted: #5f6b76; --line: #e3e6ea; --bg: #f5f6f8; --card: #fff; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.topbar { height: 52px; display: flex; align-items: center; gap: 28px; padding: 0 20px; background: #fff; border-bottom: 1px solid var(--line); }
.brand { display: flex; align-items: center; gap: 10px; font-weight: 650; font-size: 15px; color: var(--ink); white-space: nowrap; }
.brand .logo { width: 26px; height: 26px; border-radius: 7px; background: var(--accent); color: #fff; display: grid; place-items: center; font-size: 13px; font-weight: 700; }
.brand .sub { color: var(--muted); font-weight: 500; }
.topnav { display: flex; gap: 4px; }
.topnav a { padding: 6px 12px; border-radius: 6px; color: var(--muted); font-weight: 550; }
.topnav a:hover { background: var(--bg); text-decoration: none; color: var(--ink); }
.topnav a.active { color: var(--accent); background: var(--accent-soft); }
.topbar .shop { margin-left: auto; color: var(--muted); font-size: 13px; white-space: nowrap; }
.page { max-width: 1180px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 20px; margin: 0 0 16px; font-weight: 650; }
h2 { font-size: 15px; margin: 0 0 12px; font-weight: 650; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; }
.btn { display: inline-flex; align-items: center; gap: 6px; height: 34px; padding: 0 14px; border-radius: 7px; border: 1px solid var(--line); background: #fff; color: var(--ink); font: inherit; font-weight: 550; cursor: pointer; }
.btn:hover { background: var(--bg); text-decoration: none; }
.btn.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.btn.primary:hover { background: #0b5f59; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; background: #eef0f3; color: #3b4450; white-space: nowrap; }
.badge.unpaid { background: #fff4e5; color: #9a5b00; }
.badge.paid { background: #e8f1ff; color: #1d4ed8; }
.badge.shipped { background: #eef2ff; color: #4338ca; }
.badge.delivered { background: #e7f6ec; color: #17703a; }
.badge.cancelled { background: #f1f2f4; color: #6b7280; }
.badge.refunded { background: #fdecec; color: #b42318; }
table.grid { width: 100%; border-collapse: collapse; }
table.grid th, table.grid td { text-align: left; padding: 10px 14px; border-bottom: 1px solid var(--line); }
table.grid th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); font-weight: 600; background: #fafbfc; }
table.grid tr:last-child td { border-bottom: 0; }
table.grid td.num, table.grid th.num { text-align: right; font-variant-numeric: tabular-nums; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.muted { color: var(--muted); }
`;

const CHAT_CSS = `
body { display: flex; flex-direction: column; }
main.chat { flex: 1; min-height: 0; display: flex; flex-direction: row; align-items: stretch; overflow-x: auto; }
main.chat > * { min-height: 0; }
.convlist { width: 260px; flex: 0 0 260px; display: flex; flex-direction: column; background: #fff; border-right: 1px solid var(--line); }
.convlist .head { padding: 14px 16px 10px; border-bottom: 1px solid var(--line); }
.convlist .head h2 { margin: 0 0 8px; }
.convlist .search { width: 100%; height: 32px; border: 1px solid var(--line); border-radius: 7px; padding: 0 10px; font: inherit; background: var(--bg); }
.convlist .items { overflow-y: auto; flex: 1; }
.conv { display: grid; grid-template-columns: 36px minmax(0, 1fr) auto; gap: 0 10px; padding: 10px 14px; border-bottom: 1px solid #f0f1f3; color: var(--ink); }
.conv:hover { background: #f8f9fa; text-decoration: none; }
.conv[hidden] { display: none; }
.conv[aria-current="page"] { background: var(--accent-soft); box-shadow: inset 3px 0 0 var(--accent); }
.avatar { width: 36px; height: 36px; border-radius: 50%; display: grid; place-items: center; font-weight: 650; font-size: 13px; color: #fff; flex: none; }
.conv .avatar { grid-row: 1 / span 3; margin-top: 2px; }
.conv .who { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.conv .time { font-size: 12px; color: var(--muted); }
.conv .preview { grid-column: 2 / 4; font-size: 13px; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; display: flex; gap: 6px; }
.conv .preview .text { overflow: hidden; text-overflow: ellipsis; }
.conv .handle { grid-column: 2 / 4; color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.conv .unread { margin-left: auto; background: #e5484d; color: #fff; border-radius: 999px; font-size: 11px; padding: 0 6px; font-weight: 700; line-height: 18px; }
.pane { flex: 1 1 auto; min-width: 360px; display: flex; flex-direction: column; background: var(--bg); }
.pane header { min-height: 60px; display: flex; align-items: center; gap: 12px; padding: 10px 20px; background: #fff; border-bottom: 1px solid var(--line); }
.pane header .names { display: flex; flex-direction: column; min-width: 0; }
.pane header [data-testid="buyer-name"] { font-weight: 650; font-size: 15px; }
.pane header [data-testid="buyer-handle"] { color: var(--muted); font-size: 13px; }
.pane header .actions { margin-left: auto; display: flex; gap: 8px; }
.pane header .placeholder { width: 180px; height: 14px; border-radius: 4px; background: #eceef1; }
.messages { flex: 1; overflow-y: auto; padding: 20px; display: flex; flex-direction: column; gap: 10px; }
.day { align-self: center; font-size: 12px; color: var(--muted); background: #eceef1; border-radius: 999px; padding: 2px 10px; }
.msg { max-width: 70%; padding: 9px 12px; border-radius: 12px; background: #fff; border: 1px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.seller { align-self: flex-end; background: var(--accent); color: #fff; border-color: var(--accent); }
.msg .at { display: block; font-size: 11px; margin-top: 4px; opacity: .7; }
.loading { margin: auto; color: var(--muted); }
.composer { display: flex; gap: 10px; padding: 12px 16px; background: #fff; border-top: 1px solid var(--line); align-items: flex-end; }
.composer textarea { flex: 1; resize: none; height: 64px; border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; font: inherit; }
.composer textarea:focus { outline: 2px solid var(--accent-soft); border-color: var(--accent); }
`;

function frame(opts: { title: string; active?: 'chat' | 'orders' | ''; body: string; extraCss?: string; bodyClass?: string }): string {
  const nav = (href: string, label: string, key: 'chat' | 'orders') =>
    `<a href="${href}"${opts.active === key ? ' class="active" aria-current="page"' : ''}>${label}</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}${opts.extraCss ?? ''}</style>
</head>
<body${opts.bodyClass ? ` class="${opts.bodyClass}"` : ''}>
<div class="topbar">
  <a class="brand" href="/chat"><span class="logo">D</span><span>Demo Market <span class="sub">· Seller Centre</span></span></a>
  <nav class="topnav" aria-label="Main">${nav('/chat', 'Chat', 'chat')}${nav('/orders', 'Orders', 'orders')}</nav>
  <span class="shop">Demo Market Official Store</span>
</div>
${opts.body}
</body>
</html>`;
}

// ---------------------------------------------------------------------------------------------
// Chat (server-rendered first view; the inline script takes over as an SPA)

const AVATAR_COLORS = ['#0f766e', '#7c3aed', '#db2777', '#ea580c', '#2563eb', '#16a34a', '#9333ea', '#0891b2'];
function avatarColor(handle: string): string {
  let h = 0;
  for (let i = 0; i < handle.length; i++) h = (h * 31 + handle.charCodeAt(i)) >>> 0;
  return AVATAR_COLORS[h % AVATAR_COLORS.length] ?? '#0f766e';
}
function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w.charAt(0).toUpperCase()).join('');
}

/** What the chat script needs, pre-formatted so the browser renders the same text as the server. */
interface ChatView {
  id: string;
  handle: string;
  name: string;
  initials: string;
  color: string;
  time: string;
  preview: string;
  unread: number;
  messages: { from: 'buyer' | 'seller'; text: string; at: string; time: string; day: string }[];
}

function chatViews(seed: DemoSeed): ChatView[] {
  return seed.conversations.map((c: DemoConversation) => {
    const last = c.messages[c.messages.length - 1];
    return {
      id: c.id,
      handle: c.handle,
      name: c.name,
      initials: initials(c.name),
      color: avatarColor(c.handle),
      time: chatTime(c.lastMessageAt, seed.anchor),
      preview: last ? `${last.from === 'seller' ? 'You: ' : ''}${last.text}` : '',
      unread: c.unread,
      messages: c.messages.map((m) => ({
        from: m.from,
        text: m.text,
        at: iso(m.at),
        time: iso(m.at).slice(11, 16),
        day: dateOnly.format(m.at),
      })),
    };
  });
}

function convItemHtml(v: ChatView, selected: boolean): string {
  return `<a href="/chat/${esc(v.id)}" class="conv" data-testid="conversation-item" data-conversation-id="${esc(v.id)}"${selected ? ' aria-current="page"' : ''}>
<span class="avatar" style="background:${v.color}" aria-hidden="true">${esc(v.initials)}</span>
<span class="who">${esc(v.name)}</span>
<span class="time">${esc(v.time)}</span>
<span class="handle">@${esc(v.handle)}</span>
<span class="preview"><span class="text">${esc(v.preview)}</span>${v.unread && !selected ? `<span class="unread" aria-label="unread messages">${v.unread}</span>` : ''}</span>
</a>`;
}

function headerInnerHtml(v: ChatView): string {
  return `<span class="avatar" style="background:${v.color}" aria-hidden="true">${esc(v.initials)}</span>
<div class="names"><span data-testid="buyer-name">${esc(v.name)}</span><span data-testid="buyer-handle" data-handle="${esc(v.handle)}">@${esc(v.handle)}</span></div>
<div class="actions"><a class="btn" href="/orders?buyer=${encodeURIComponent(v.handle)}">View orders</a></div>`;
}

function messagesHtml(v: ChatView): string {
  let day = '';
  const out: string[] = [];
  for (const m of v.messages) {
    if (m.day !== day) {
      day = m.day;
      out.push(`<div class="day">${esc(day)}</div>`);
    }
    out.push(`<div class="msg ${m.from}" data-from="${m.from}">${esc(m.text)}<time class="at" datetime="${m.at}">${esc(m.time)}</time></div>`);
  }
  return out.join('\n');
}

function chatPage(seed: DemoSeed, selectedId: string): string {
  const views = chatViews(seed);
  const selected = views.find((v) => v.id === selectedId) ?? views[0];
  if (!selected) throw new Error('no conversations');
  const body = `<main class="chat" data-testid="chat-layout">
<nav class="convlist" data-testid="conversation-list" aria-label="Conversations">
  <div class="head"><h2>Chats</h2><input class="search" type="search" placeholder="Search buyers" aria-label="Search buyers"></div>
  <div class="items">
${views.map((v) => convItemHtml(v, v.id === selected.id)).join('\n')}
  </div>
</nav>
<section class="pane" data-testid="conversation-pane" data-conversation-id="${esc(selected.id)}" aria-label="Conversation">
  <header data-testid="conversation-header">${headerInnerHtml(selected)}</header>
  <div class="messages" data-testid="message-list" role="log">${messagesHtml(selected)}</div>
  <form class="composer" data-testid="composer">
    <textarea data-testid="chat-input" placeholder="Type a message" aria-label="Message"></textarea>
    <button class="btn primary" type="submit" data-testid="chat-send">Send</button>
  </form>
</section>
</main>
<script type="application/json" id="demo-conversations">${scriptJson(views)}</script>
<script>${CHAT_SCRIPT}</script>`;
  return frame({ title: `${selected.name} · Chat · Demo Market`, active: 'chat', body, extraCss: CHAT_CSS });
}

// Plain browser JavaScript (no framework, no innerHTML): the SPA behaviour of the chat page.
const CHAT_SCRIPT = `
(function () {
  'use strict';
  var DELAY = ${CHAT_RENDER_DELAY_MS};
  var convs = JSON.parse(document.getElementById('demo-conversations').textContent);
  var byId = {};
  convs.forEach(function (c) { byId[c.id] = c; });
  var list = document.querySelector('[data-testid="conversation-list"]');
  var pane = document.querySelector('[data-testid="conversation-pane"]');
  var header = pane.querySelector('[data-testid="conversation-header"]');
  var messages = pane.querySelector('[data-testid="message-list"]');
  var form = pane.querySelector('[data-testid="composer"]');
  var input = pane.querySelector('[data-testid="chat-input"]');
  var pending = 0;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (ch) { node.append(ch); });
    return node;
  }
  function idFromPath() {
    var m = /^\\/chat\\/([^/]+)\\/?$/.exec(location.pathname);
    return m ? decodeURIComponent(m[1]) : null;
  }
  function markCurrent(id) {
    list.querySelectorAll('[data-testid="conversation-item"]').forEach(function (a) {
      if (a.getAttribute('data-conversation-id') === id) {
        a.setAttribute('aria-current', 'page');
        var badge = a.querySelector('.unread');
        if (badge) badge.remove();
      } else a.removeAttribute('aria-current');
    });
  }
  function renderHeader(c) {
    var avatar = el('span', { 'class': 'avatar', style: 'background:' + c.color, 'aria-hidden': 'true' }, [c.initials]);
    var names = el('div', { 'class': 'names' }, [
      el('span', { 'data-testid': 'buyer-name' }, [c.name]),
      el('span', { 'data-testid': 'buyer-handle', 'data-handle': c.handle }, ['@' + c.handle])
    ]);
    var actions = el('div', { 'class': 'actions' }, [
      el('a', { 'class': 'btn', href: '/orders?buyer=' + encodeURIComponent(c.handle) }, ['View orders'])
    ]);
    header.replaceChildren(avatar, names, actions);
  }
  function renderMessages(c) {
    var nodes = [];
    var day = '';
    c.messages.forEach(function (m) {
      if (m.day !== day) { day = m.day; nodes.push(el('div', { 'class': 'day' }, [day])); }
      nodes.push(el('div', { 'class': 'msg ' + m.from, 'data-from': m.from }, [
        m.text, el('time', { 'class': 'at', datetime: m.at }, [m.time])
      ]));
    });
    messages.replaceChildren.apply(messages, nodes);
    messages.scrollTop = messages.scrollHeight;
  }
  function render(c) {
    pane.setAttribute('data-conversation-id', c.id);
    renderHeader(c);
    renderMessages(c);
    document.title = c.name + ' · Chat · Demo Market';
  }
  // Like a real SPA: clear the pane, "fetch", then render a moment later.
  function open(id) {
    var c = byId[id];
    if (!c) return;
    markCurrent(id);
    var token = ++pending;
    header.replaceChildren(el('span', { 'class': 'placeholder', 'aria-hidden': 'true' }));
    messages.replaceChildren(el('div', { 'class': 'loading' }, ['Loading…']));
    pane.setAttribute('aria-busy', 'true');
    setTimeout(function () {
      if (token !== pending) return;
      pane.removeAttribute('aria-busy');
      render(c);
    }, DELAY);
  }

  list.addEventListener('click', function (e) {
    var a = e.target.closest('[data-testid="conversation-item"]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    var id = a.getAttribute('data-conversation-id');
    if (id === idFromPath()) return;
    history.pushState({ conversationId: id }, '', '/chat/' + encodeURIComponent(id));
    open(id);
  });
  window.addEventListener('popstate', function () {
    var id = idFromPath() || convs[0].id;
    open(id);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    var c = byId[pane.getAttribute('data-conversation-id')];
    if (!text || !c) return;
    var now = new Date();
    c.messages.push({ from: 'seller', text: text, at: now.toISOString(), time: now.toTimeString().slice(0, 5), day: 'Today' });
    input.value = '';
    renderMessages(c);
    var item = list.querySelector('[data-conversation-id="' + CSS.escape(c.id) + '"] .text');
    if (item) item.textContent = 'You: ' + text;
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });
  var search = list.querySelector('input[type="search"]');
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    list.querySelectorAll('[data-testid="conversation-item"]').forEach(function (a) {
      var c = byId[a.getAttribute('data-conversation-id')];
      a.hidden = !!q && c.name.toLowerCase().indexOf(q) < 0 && c.handle.indexOf(q) < 0;
    });
  });

  if (!idFromPath()) history.replaceState({ conversationId: convs[0].id }, '', '/chat/' + encodeURIComponent(convs[0].id));
  messages.scrollTop = messages.scrollHeight;
})();
`;

// ---------------------------------------------------------------------------------------------
// Orders

const STATUS_FILTERS: readonly DemoOrderStatus[] = ['unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'];

function isStatus(value: string | null): value is DemoOrderStatus {
  return value !== null && (STATUS_FILTERS as readonly string[]).includes(value);
}

function badge(status: DemoOrderStatus): string {
  return `<span class="badge ${status}">${STATUS_LABELS[status]}</span>`;
}

function ordersQuery(params: { status?: string | undefined; buyer?: string | undefined; page?: number }): string {
  const q = new URLSearchParams();
  if (params.status) q.set('status', params.status);
  if (params.buyer) q.set('buyer', params.buyer);
  if (params.page && params.page > 1) q.set('page', String(params.page));
  const s = q.toString();
  return s ? `/orders?${s}` : '/orders';
}

function ordersPage(seed: DemoSeed, url: URL): string {
  const statusParam = url.searchParams.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const buyer = (url.searchParams.get('buyer') ?? '').trim().toLowerCase().replace(/^@/, '') || undefined;
  const filtered = seed.orders.filter((o) => (!status || o.status === status) && (!buyer || o.handle === buyer));
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  const page = Math.min(pages, Math.max(1, Number.isFinite(requested) ? requested : 1));
  const rows = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const from = filtered.length ? (page - 1) * PAGE_SIZE + 1 : 0;
  const to = (page - 1) * PAGE_SIZE + rows.length;

  const options = [`<option value="">All statuses</option>`]
    .concat(STATUS_FILTERS.map((s) => `<option value="${s}"${s === status ? ' selected' : ''}>${STATUS_LABELS[s]}</option>`))
    .join('');
  const tableRows = rows
    .map((o) => `<tr data-testid="order-row" data-order-no="${esc(o.orderNo)}">
<td><a class="mono" href="/orders/${esc(o.orderNo)}">${esc(o.orderNo)}</a></td>
<td><a href="${esc(ordersQuery({ status, buyer: o.handle }))}" data-handle="${esc(o.handle)}">@${esc(o.handle)}</a></td>
<td><time datetime="${iso(o.placedAt)}">${esc(fmtDateTime(o.placedAt))}</time></td>
<td class="num">${o.items.reduce((n, it) => n + it.quantity, 0)}</td>
<td class="num" data-amount-minor="${o.amountMinor}">${esc(money(o.amountMinor))}</td>
<td data-status="${o.status}">${badge(o.status)}</td>
</tr>`)
    .join('\n');
  const pager = `<div class="pager">
${page > 1 ? `<a class="btn" rel="prev" href="${esc(ordersQuery({ status, buyer, page: page - 1 }))}">‹ Previous</a>` : '<span class="btn disabled" aria-disabled="true">‹ Previous</span>'}
<span class="muted">Page ${page} of ${pages}</span>
${page < pages ? `<a class="btn" rel="next" href="${esc(ordersQuery({ status, buyer, page: page + 1 }))}">Next ›</a>` : '<span class="btn disabled" aria-disabled="true">Next ›</span>'}
</div>`;

  const body = `<div class="page">
<div class="titlerow"><h1>Orders</h1><a class="btn primary" href="/export/orders.csv" download data-testid="export-orders">Export orders</a></div>
<form class="filters card" method="get" action="/orders">
  <label>Status <select name="status">${options}</select></label>
  <label>Buyer <input name="buyer" type="search" placeholder="username" value="${esc(buyer ?? '')}"></label>
  <button class="btn" type="submit">Filter</button>
  ${status || buyer ? '<a class="btn" href="/orders">Clear</a>' : ''}
  <span class="muted count">${filtered.length ? `Showing ${from}–${to} of ${filtered.length.toLocaleString('en-US')} orders` : 'No orders match'}</span>
</form>
<div class="card tablecard">
<table class="grid" data-testid="orders-table">
<thead><tr><th>Order no.</th><th>Buyer</th><th>Placed (UTC)</th><th class="num">Items</th><th class="num">Amount</th><th>Status</th></tr></thead>
<tbody>
${tableRows || '<tr><td colspan="6" class="muted">No orders.</td></tr>'}
</tbody>
</table>
</div>
${pager}
</div>`;
  return frame({
    title: 'Orders · Demo Market',
    active: 'orders',
    body,
    extraCss: `.titlerow { display: flex; align-items: center; justify-content: space-between; margin-bottom: 16px; } .titlerow h1 { margin: 0; }
.filters { display: flex; align-items: center; gap: 14px; padding: 12px 14px; margin-bottom: 14px; flex-wrap: wrap; }
.filters label { display: flex; align-items: center; gap: 8px; color: var(--muted); font-weight: 550; }
.filters select, .filters input { height: 34px; border: 1px solid var(--line); border-radius: 7px; padding: 0 10px; font: inherit; background: #fff; color: var(--ink); }
.filters .count { margin-left: auto; }
.tablecard { overflow: hidden; }
.pager { display: flex; align-items: center; justify-content: flex-end; gap: 12px; margin-top: 14px; }
.btn.disabled { opacity: .45; cursor: default; }`,
  });
}

function orderPage(seed: DemoSeed, order: DemoOrder, print?: OrderPrint, timeZone = 'UTC'): string {
  const buyer = seed.buyers.find((b) => b.handle === order.handle);
  const conversation = seed.conversations.find((c) => c.handle === order.handle);
  const subtotal = order.items.reduce((sum, it) => sum + it.unitPriceMinor * it.quantity, 0);
  const events: [string, number | undefined][] = [
    ['Placed', order.placedAt],
    ['Paid', order.paidAt],
    ['Shipped', order.shippedAt],
    ['Delivered', order.deliveredAt],
    ['Cancelled', order.cancelledAt],
    ['Refunded', order.refundedAt],
  ];
  const timeline = events
    .filter((e): e is [string, number] => e[1] !== undefined)
    .map(([label, t]) => `<li><span>${label}</span><time datetime="${iso(t)}">${esc(fmtDateTime(t))}</time></li>`)
    .join('');
  const items = order.items
    .map((it) => `<tr data-testid="order-item" data-sku="${esc(it.sku)}">
<td>${esc(it.title)}<div class="muted">${esc(it.variation)}</div></td>
<td class="mono">${esc(it.sku)}</td>
<td class="num">${it.quantity}</td>
<td class="num">${esc(money(it.unitPriceMinor))}</td>
<td class="num">${esc(money(it.unitPriceMinor * it.quantity))}</td>
</tr>`)
    .join('\n');
  const body = `<div class="page">
<div class="crumbs muted"><a href="/orders">Orders</a> / <span class="mono">${esc(order.orderNo)}</span></div>
<h1>Order ${esc(order.orderNo)} ${badge(order.status)}</h1>
<div class="cols">
<div class="main">
  <section class="card section">
    <h2>Summary</h2>
    <dl class="summary" data-testid="order-summary">
      <dt>Order number</dt><dd data-testid="order-number" class="mono">${esc(order.orderNo)}</dd>
      <dt>Buyer</dt><dd data-testid="order-buyer" data-handle="${esc(order.handle)}">${esc(buyer?.name ?? order.handle)} <span class="muted">@${esc(order.handle)}</span></dd>
      <dt>Status</dt><dd data-testid="order-status" data-status="${order.status}">${STATUS_LABELS[order.status]}</dd>
      ${print
        ? `<dt>Total</dt><dd data-testid="order-amount">${esc(printedAmount(order.amountMinor, print))}</dd>
      <dt>Placed</dt><dd data-testid="order-date">${esc(printedDate(order.placedAt, print, timeZone))}</dd>`
        : `<dt>Total</dt><dd data-testid="order-amount" data-amount-minor="${order.amountMinor}" data-currency="${order.currency}">${esc(money(order.amountMinor))}</dd>
      <dt>Placed</dt><dd data-testid="order-date" data-placed-at="${order.placedAt}"><time datetime="${iso(order.placedAt)}">${esc(fmtDateTime(order.placedAt))} UTC</time></dd>`}
      <dt>Payment</dt><dd>${order.paidAt !== undefined ? esc(order.paymentMethod) : '<span class="muted">Not paid</span>'}</dd>
    </dl>
  </section>
  <section class="card section">
    <h2>Items</h2>
    <table class="grid" data-testid="order-items">
      <thead><tr><th>Product</th><th>Seller SKU</th><th class="num">Qty</th><th class="num">Unit price</th><th class="num">Subtotal</th></tr></thead>
      <tbody>${items}</tbody>
    </table>
    <dl class="totals">
      <dt>Items</dt><dd>${esc(money(subtotal))}</dd>
      <dt>Shipping</dt><dd>${order.shippingMinor ? esc(money(order.shippingMinor)) : 'Free'}</dd>
      <dt class="total">Order total</dt><dd class="total">${esc(money(order.amountMinor))}</dd>
    </dl>
  </section>
  ${order.buyerMessage ? `<section class="card section"><h2>Buyer message</h2><p>${esc(order.buyerMessage)}</p></section>` : ''}
  ${order.cancelReason ? `<section class="card section"><h2>${order.status === 'refunded' ? 'Refund' : 'Cancellation'}</h2><p>${esc(order.cancelReason)} <span class="muted">(by ${esc(order.cancelledBy ?? 'Buyer')})</span></p></section>` : ''}
</div>
<aside class="side">
  <section class="card section">
    <h2>Customer</h2>
    <p class="cust"><strong>${esc(buyer?.name ?? order.handle)}</strong><br><span class="muted">@${esc(order.handle)}</span></p>
    ${buyer ? `<p class="muted small">${esc(buyer.phone)}<br>${esc([buyer.address, buyer.address2].filter(Boolean).join(' '))}<br>${esc(`${buyer.city}, ${buyer.state} ${buyer.zipcode}`)}<br>${esc(buyer.country)}</p>` : ''}
    ${conversation ? `<a class="btn" href="/chat/${esc(conversation.id)}">Open chat</a>` : ''}
    <a class="btn" href="${esc(ordersQuery({ buyer: order.handle }))}">All orders</a>
  </section>
  <section class="card section">
    <h2>Timeline</h2>
    <ul class="timeline">${timeline}</ul>
    ${order.trackingId ? `<p class="muted small" data-testid="order-shipment"><span data-testid="order-carrier">${esc(order.carrier)}</span> · <span class="mono" data-testid="order-tracking">${esc(order.trackingId)}</span></p>` : ''}
  </section>
</aside>
</div>
</div>`;
  return frame({
    title: `Order ${order.orderNo} · Demo Market`,
    active: 'orders',
    body,
    extraCss: `.crumbs { margin-bottom: 8px; } h1 .badge { vertical-align: middle; margin-left: 8px; font-size: 12px; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 16px; align-items: start; }
.section { padding: 16px 18px; margin-bottom: 16px; }
dl.summary { display: grid; grid-template-columns: 140px 1fr; gap: 8px 16px; margin: 0; }
dl.summary dt { color: var(--muted); }
dl.summary dd { margin: 0; }
dl.totals { display: grid; grid-template-columns: 1fr 120px; gap: 6px 16px; margin: 14px 0 0; text-align: right; }
dl.totals dd { margin: 0; font-variant-numeric: tabular-nums; }
dl.totals .total { font-weight: 700; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { display: flex; justify-content: space-between; gap: 8px; padding: 6px 0; border-bottom: 1px dashed var(--line); }
.timeline li:last-child { border-bottom: 0; }
.timeline time { color: var(--muted); }
.side .btn { margin: 4px 6px 0 0; }
.small { font-size: 13px; }
.cust { margin-top: 0; }`,
  });
}

// ---------------------------------------------------------------------------------------------
// Plain page: a buyer's name in text, no data-testid or data-* hooks anywhere, hashed-looking classes.

function plainPage(seed: DemoSeed): string {
  const handle = seed.known.twoHandles[0];
  const buyer = seed.buyers.find((b) => b.handle === handle);
  const name = buyer?.name ?? 'Lily Chen';
  const body = `<div class="page">
<div class="k9f2a card" style="padding:18px 20px">
  <h1>Customer notes</h1>
  <div class="a7Xq1">
    <h2>Conversation with</h2>
    <p class="x1">${esc(name)} (${esc(handle)})</p>
  </div>
  <div class="b3Zt0 muted">
    <p>Prefers size S. Asked about the Wide-Leg Pleated Trousers. Usually orders in the evening.</p>
    <p>Follow up after the next delivery.</p>
  </div>
</div>
</div>`;
  return frame({ title: 'Customer notes · Demo Market', active: '', body });
}

function notFoundPage(message: string): string {
  return frame({
    title: 'Not found · Demo Market',
    active: '',
    body: `<div class="page"><div class="card" style="padding:28px;text-align:center"><h1>Page not found</h1><p class="muted">${esc(message)}</p><p><a class="btn" href="/orders">Go to orders</a> <a class="btn" href="/chat">Go to chat</a></p></div></div>`,
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
const html = (res: ServerResponse, status: number, body: string) => send(res, status, 'text/html; charset=utf-8', body);
const json = (res: ServerResponse, value: unknown) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));

function handler(seed: DemoSeed): (req: IncomingMessage, res: ServerResponse) => void {
  let csv: string | undefined;
  const ordersByNo = new Map(seed.orders.map((o) => [o.orderNo, o] as const));
  return (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'GET, HEAD' });
        return;
      }
      const url = new URL(req.url ?? '/', 'http://demo.local');
      const path = url.pathname;
      let m: RegExpExecArray | null;
      if (path === '/') {
        res.writeHead(302, { Location: '/chat', 'Cache-Control': 'no-store' });
        res.end();
      } else if (path === '/chat' || path === '/chat/') {
        html(res, 200, chatPage(seed, seed.conversations[0]?.id ?? ''));
      } else if ((m = /^\/chat\/([^/]+)\/?$/.exec(path))) {
        const id = decodeURIComponent(m[1] ?? '');
        if (seed.conversations.some((c) => c.id === id)) html(res, 200, chatPage(seed, id));
        else html(res, 404, notFoundPage(`There is no conversation ${id}.`));
      } else if (path === '/orders' || path === '/orders/') {
        html(res, 200, ordersPage(seed, url));
      } else if ((m = /^\/orders\/([^/]+)\/?$/.exec(path))) {
        const orderNo = decodeURIComponent(m[1] ?? '');
        const order = ordersByNo.get(orderNo);
        const print = ORDER_PRINTS.find((p) => p === url.searchParams.get('print'));
        const tz = url.searchParams.get('tz') ?? undefined;
        if (tz && !Intl.supportedValuesOf('timeZone').includes(tz)) html(res, 400, notFoundPage(`There is no time zone ${tz}.`));
        else if (order) html(res, 200, orderPage(seed, order, print, tz));
        else html(res, 404, notFoundPage(`There is no order ${orderNo}.`));
      } else if (path === '/export/orders.csv') {
        const descriptionRow = url.searchParams.get('descriptions') === '1';
        const body = descriptionRow ? ordersCsv(seed, { descriptionRow }) : (csv ??= ordersCsv(seed));
        send(res, 200, 'text/csv; charset=utf-8', body, {
          'Content-Disposition': `attachment; filename="${ordersCsvFileName(seed.anchor)}"`,
        });
      } else if (path === '/api/seed.json') {
        json(res, seed);
      } else if (path === '/api/conversations.json') {
        json(res, seed.conversations);
      } else if (path === '/plain') {
        html(res, 200, plainPage(seed));
      } else {
        html(res, 404, notFoundPage(`Nothing lives at ${path}.`));
      }
    } catch (error) {
      console.error('[demo]', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    }
  };
}

export function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const seed = demoSeed(opts.anchor ?? utcMidnight(Date.now()));
  const server = createServer(handler(seed));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${urlHost}:${port}`,
        port,
        seed,
        close: () =>
          new Promise<void>((done, fail) => {
            // Without this, keep-alive sockets (browsers, fetch) hold close() open and test runs hang.
            server.closeAllConnections();
            server.close((err) => (err ? fail(err) : done()));
          }),
      });
    });
  });
}

function portFromArgs(argv: readonly string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice('--port='.length);
  if (raw === undefined) return DEFAULT_DEMO_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${raw}`);
  return port;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const demo = await startDemoServer({ port: portFromArgs(process.argv.slice(2)) });
  console.log(`Demo Market running at ${demo.url}/chat  (orders: ${demo.url}/orders)`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
