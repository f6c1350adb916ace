// Team sync in one line, for the options page's Team section and the popup: no zod on this path
// (the status type is only a type), so the popup loads no schema for it.
import type { Translate, UiLocale } from '@/lib/i18n';
import type { SyncStatusView } from '@/lib/messaging/protocol-sync';
import { dateTime } from './format';

/** The one line that says where sync stands, or exactly what is wrong. */
export function syncStatusLine(s: SyncStatusView, t: Translate, locale: UiLocale, now: number): string {
  const waiting = s.waiting > 0 ? ` · ${t('team.state.waiting', { count: s.waiting })}` : '';
  switch (s.state) {
    case 'off':
      return t('team.state.off');
    case 'starting':
      return t('team.state.starting');
    case 'syncing': {
      if (!s.progress || !s.progress.total) return t('team.state.syncing') + waiting;
      const { done, total, startedAt } = s.progress;
      const rate = done / Math.max(1, now - startedAt);
      const leftS = rate > 0 ? Math.max(1, Math.round((total - done) / rate / 1000)) : undefined;
      const left = leftS === undefined ? '…' : leftS < 90 ? `${leftS} s` : `${Math.round(leftS / 60)} min`;
      return t('team.state.progress', { done: Math.min(done, total), total, left });
    }
    case 'synced':
      return t('team.state.synced', { time: s.at ? dateTime(s.at, locale) : '' }) + waiting;
    case 'offline':
      return t('team.state.offline', { time: s.at ? dateTime(s.at, locale) : '' }) + waiting;
    case 'signIn':
      return t('team.state.signIn') + waiting;
    case 'notMember':
      return t('team.state.notMember', { user: s.config?.user ?? '', db: s.config?.db ?? '' });
    case 'noDatabase':
      return t('team.state.noDatabase', { db: s.config?.db ?? '' });
  }
}
