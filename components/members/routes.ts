// The members page's routes live in the hash: #/ · #/members · #/members/rfm/<segment> ·
// #/members/segment/<id> · #/member/<id>.
import type { MessageKey } from '@/lib/i18n';

/** The page's sections. Another page (reports, tiers) joins with one line: { href: '/reports.html', label: '…' }. */
export const NAV: readonly { href: string; label: MessageKey; route?: Route['kind'] }[] = [
  { href: '#/', label: 'members.nav.overview', route: 'overview' },
  { href: '#/members', label: 'members.nav.members', route: 'members' },
  { href: '/reports.html', label: 'members.nav.reports' },
];

export type Route =
  | { kind: 'overview' }
  | { kind: 'members'; rfm?: string | undefined; segmentId?: string | undefined }
  | { kind: 'member'; id: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'member' && parts[1]) return { kind: 'member', id: parts[1] };
  if (parts[0] === 'members') {
    if (parts[1] === 'rfm' && parts[2]) return { kind: 'members', rfm: parts[2] };
    if (parts[1] === 'segment' && parts[2]) return { kind: 'members', segmentId: parts[2] };
    return { kind: 'members' };
  }
  return { kind: 'overview' };
}

export const memberHref = (id: string) => `#/member/${encodeURIComponent(id)}`;
export const rfmHref = (segment: string) => `#/members/rfm/${segment}`;
