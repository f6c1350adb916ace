import type { PageKind } from '../types';

/** The bundled demo marketplace runs on loopback only. */
const DEMO_HOSTS = new Set(['127.0.0.1', 'localhost']);

export function isDemoUrl(url: URL): boolean {
  return url.protocol === 'http:' && DEMO_HOSTS.has(url.hostname) && demoPageKind(url) !== undefined;
}

export function demoPageKind(url: URL): PageKind | undefined {
  if (url.pathname === '/chat' || url.pathname.startsWith('/chat/')) return 'chat';
  if (/^\/orders\/[^/]+$/.test(url.pathname)) return 'order';
  return undefined;
}
