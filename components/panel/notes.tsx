import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MemberCard } from '@/lib/messaging/card';
import type { Translate, UiLocale } from '@/lib/i18n';
import { dateTime } from '../format';
import type { PanelApi } from './api';
import { errorText } from '../error-text';

export function Notes({ card, t, locale, timeZone, api, author }: {
  card: MemberCard;
  t: Translate;
  locale: UiLocale;
  timeZone?: string | undefined;
  api: PanelApi;
  author: string;
}) {
  const memberId = card.member.id;
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  const [editing, setEditing] = useState<{ id: string; text: string }>();
  const loaded = useRef<string | undefined>(undefined);
  // What the agent typed before the kept draft arrived: it wins over the kept one, never wiped by it.
  const typedEarly = useRef<string | undefined>(undefined);

  // Drafts survive a page navigation mid-typing: kept per member outside the page.
  useEffect(() => {
    loaded.current = undefined;
    typedEarly.current = undefined;
    let live = true;
    void api.readDraft(memberId).then((text) => {
      if (!live) return;
      loaded.current = memberId;
      if (typedEarly.current === undefined) setDraft(text);
      else api.saveDraft(memberId, typedEarly.current);
    });
    return () => {
      live = false;
    };
  }, [memberId, api]);
  const change = (text: string) => {
    setDraft(text);
    if (loaded.current === memberId) api.saveDraft(memberId, text);
    else typedEarly.current = text;
  };

  const save = async () => {
    const text = draft.trim();
    if (!text || busy) return;
    setBusy(true);
    setFailed(undefined);
    try {
      await api.addNote(text);
      setDraft('');
      api.saveDraft(memberId, '');
    } catch (e) {
      // The draft stays in the box (and in the kept draft): nothing typed is lost.
      setFailed(t('write.noteFailed', { message: errorText(t, e) }));
    } finally {
      setBusy(false);
    }
  };
  const saveEdit = async (noteId: string, text: string) => {
    setFailed(undefined);
    try {
      await api.editNote(noteId, text);
      setEditing(undefined);
    } catch (e) {
      setFailed(t('write.noteFailed', { message: errorText(t, e) }));
    }
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save();
  };
  const mine = (noteAuthor: string) => author.trim() !== '' && noteAuthor.trim().toLowerCase() === author.trim().toLowerCase();

  return (
    <section className="block">
      <h3>{t('notes.title')}</h3>
      <form
        className="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <textarea aria-label={t('notes.title')} placeholder={t('notes.placeholder')} value={draft} rows={2} maxLength={5000} onChange={(e) => change(e.target.value)} onKeyDown={onKey} />
        <div className="note-actions">
          {draft.trim() && <span className="muted small">{t('notes.draft')}</span>}
          <button type="submit" disabled={busy || !draft.trim()}>
            {t('notes.add')}
          </button>
        </div>
      </form>
      {failed && (
        <p className="error-text small" role="alert">
          {failed}
        </p>
      )}
      {card.notes.length === 0 ? (
        <p className="muted small">{t('notes.none')}</p>
      ) : (
        <ul className="notes" data-testid="notes">
          {card.notes.map((n) => (
            <li key={n.id}>
              {editing?.id === n.id ? (
                <form
                  className="note-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void saveEdit(n.id, editing.text);
                  }}
                >
                  <textarea aria-label={t('notes.edit')} value={editing.text} rows={3} onChange={(e) => setEditing({ id: n.id, text: e.target.value })} />
                  <div className="note-actions">
                    <button type="button" onClick={() => setEditing(undefined)}>
                      {t('notes.cancel')}
                    </button>
                    <button type="submit" disabled={!editing.text.trim()}>
                      {t('notes.save')}
                    </button>
                  </div>
                </form>
              ) : (
                <>
                  <p>{n.text}</p>
                  <p className="muted small note-meta">
                    <span>
                      {t('notes.by', { author: n.author || t('notes.anonymous'), time: dateTime(n.createdAt, locale, timeZone) })}
                      {n.updatedAt > n.createdAt && ` · ${t('notes.edited')}`}
                    </span>
                    {mine(n.author) && (
                      <button type="button" className="link" onClick={() => setEditing({ id: n.id, text: n.text })}>
                        {t('notes.edit')}
                      </button>
                    )}
                  </p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {card.noteTotal > card.notes.length && <p className="muted small">{t('notes.more', { count: card.noteTotal })}</p>}
    </section>
  );
}
