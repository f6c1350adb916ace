import { useState } from 'react';
import type { MemberCard } from '@/lib/messaging/card';
import type { Translate, UiLocale } from '@/lib/i18n';
import type { PanelApi } from './panel/api';
import type { AgentFill } from '@/lib/marketplaces/capture/capture';
import { Capture, type CaptureState } from './panel/capture';
import { ManualEntry } from './panel/manual';
import { MergeWith } from './panel/merge';
import { Notes } from './panel/notes';
import { SectionBoundary } from './section-boundary';
import { Orders } from './panel/orders';
import { Points } from './panel/points';
import { ProfileEditor } from './panel/profile';
import { DueReminders, QuickReminder } from './panel/reminder';
import { Summary } from './panel/summary';
import { Tags } from './panel/tags';
import { UnknownBuyer } from './panel/unknown';
import { errorText } from './error-text';

export type PanelView =
  | { kind: 'waiting' }
  | { kind: 'loading'; handle?: string }
  | { kind: 'error'; error: unknown }
  | { kind: 'unknown'; handle: string; platform: string }
  | { kind: 'card'; card: MemberCard; handle?: string };

export interface BuyerPanelProps {
  view: PanelView;
  t: Translate;
  locale: UiLocale;
  now: number;
  timeZone?: string | undefined;
  author: string;
  vocabulary: readonly string[];
  capture?: CaptureState | undefined;
  pointing: boolean;
  savedHost?: string | undefined;
  api: PanelApi;
  onRecordOrder(fill?: AgentFill): void;
}

export function BuyerPanel(props: BuyerPanelProps) {
  const { view, t, api } = props;
  const [manual, setManual] = useState(false);
  const showManual = view.kind === 'waiting' || view.kind === 'error' || manual || props.pointing;
  return (
    <aside className="panel" aria-label={t('app.name')} aria-busy={view.kind === 'loading'}>
      <header className="brand">
        <span className="logo" aria-hidden="true">
          R
        </span>
        <span className="brand-name">{t('app.name')}</span>
        {(view.kind === 'card' || view.kind === 'unknown') && (
          <button type="button" className="link small" aria-expanded={manual} onClick={() => setManual(!manual)}>
            {t('panel.menu.notThisBuyer')}
          </button>
        )}
        <button type="button" className="icon" aria-label={t('panel.collapse')} title={t('panel.collapse')} onClick={() => api.collapse()}>
          ⟩
        </button>
      </header>
      {view.kind === 'waiting' && <p className="empty">{t('panel.waiting')}</p>}
      {view.kind === 'loading' && <Skeleton label={t('panel.loading')} />}
      {view.kind === 'error' && (
        <div className="error" role="alert">
          <p>{t('panel.error')}</p>
          <p className="small">{errorText(t, view.error)}</p>
          <button type="button" onClick={() => api.retry()}>
            {t('panel.retry')}
          </button>
        </div>
      )}
      {showManual && <ManualEntry t={t} api={api} pointing={props.pointing} savedHost={props.savedHost} />}
      {!showManual && props.savedHost && (
        <p className="ok small" role="status">
          {t('panel.manual.saved', { host: props.savedHost })}
        </p>
      )}
      {view.kind === 'unknown' && (
        <SectionBoundary name="unknown" t={t}>
          <UnknownBuyer handle={view.handle} t={t} locale={props.locale} api={api} />
        </SectionBoundary>
      )}
      {view.kind === 'card' && <Card key={view.card.member.id} {...props} card={view.card} />}
      {props.capture && (
        <SectionBoundary name="capture" t={t}>
          <Capture state={props.capture} t={t} locale={props.locale} onRecord={props.onRecordOrder} />
        </SectionBoundary>
      )}
    </aside>
  );
}

function Skeleton({ label }: { label: string }) {
  return (
    <div className="skeleton" role="status">
      <span className="sr-only">{label}</span>
      <div className="bar w60" />
      <div className="grid">
        <div className="bar" />
        <div className="bar" />
        <div className="bar" />
        <div className="bar" />
      </div>
      <div className="bar w80" />
    </div>
  );
}

function Card(props: BuyerPanelProps & { card: MemberCard }) {
  const { card, t, locale, now, timeZone, api } = props;
  const handles = card.identities.filter((i) => i.kind === 'handle');
  return (
    <div className="card" data-testid="member-card" data-member-id={card.member.id}>
      <SectionBoundary name="reminders" t={t}>
        <DueReminders card={card} t={t} locale={locale} now={now} timeZone={timeZone} />
      </SectionBoundary>
      <SectionBoundary name="summary" t={t}>
        <Summary card={card} t={t} locale={locale} now={now} timeZone={timeZone} />
      </SectionBoundary>
      {handles.length > 1 && (
        <SectionBoundary name="identities" t={t}>
          <Identities handles={handles} t={t} api={api} />
        </SectionBoundary>
      )}
      <SectionBoundary name="tags" t={t}>
        <Tags card={card} t={t} api={api} vocabulary={props.vocabulary} />
      </SectionBoundary>
      <SectionBoundary name="points" t={t}>
        <Points card={card} t={t} locale={locale} timeZone={timeZone} api={api} />
      </SectionBoundary>
      <SectionBoundary name="quick-reminder" t={t}>
        <QuickReminder t={t} locale={locale} now={now} api={api} />
      </SectionBoundary>
      <SectionBoundary name="orders" t={t}>
        <Orders card={card} t={t} locale={locale} timeZone={timeZone} api={api} />
      </SectionBoundary>
      <SectionBoundary name="notes" t={t}>
        <Notes card={card} t={t} locale={locale} timeZone={timeZone} api={api} author={props.author} />
      </SectionBoundary>
      <SectionBoundary name="profile" t={t}>
        <ProfileEditor key={card.member.id} card={card} t={t} api={api} locale={locale} />
      </SectionBoundary>
      <SectionBoundary name="merge" t={t}>
        <MergeWith card={card} t={t} locale={locale} api={api} />
      </SectionBoundary>
    </div>
  );
}

function Identities({ handles, t, api }: { handles: MemberCard['identities']; t: Translate; api: PanelApi }) {
  // A separation the background did not make: said here, with the handle, and the member as it was.
  const [failed, setFailed] = useState<string>();
  const separate = async (identity: MemberCard['identities'][number]) => {
    setFailed(undefined);
    try {
      await api.unmerge(identity.id);
    } catch (e) {
      setFailed(t('write.separateFailed', { handle: `@${identity.display || identity.value}`, message: errorText(t, e) }));
    }
  };
  return (
    <section className="block">
      <h3>{t('identities.title')}</h3>
      {failed && (
        <p className="error-text small" role="alert">
          {failed}
        </p>
      )}
      <ul className="identities" data-testid="identities">
        {handles.map((i) => (
          <li key={`${i.platform}:${i.value}`}>
            <span className="platform">{t(`platform.${i.platform}` as Parameters<Translate>[0])}</span> @{i.display || i.value}
            {(i.linkedBy === 'phone' || i.linkedBy === 'email') && <span className="muted small"> · {t(`identities.mergedBy.${i.linkedBy}`)}</span>}
            {i.linkedBy !== 'created' && (
              <button type="button" className="link small" aria-label={t('identities.unmergeLabel', { handle: i.display || i.value })} onClick={() => void separate(i)}>
                {t('identities.unmerge')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
