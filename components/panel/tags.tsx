import { useId, useState, type FormEvent } from 'react';
import { isPresetTag, PRESET_TAGS } from '@/lib/domain/preset-tags';
import type { MemberCard } from '@/lib/messaging/card';
import type { MessageKey, Translate } from '@/lib/i18n';
import { tierName } from '../format';
import type { PanelApi } from './api';
import { errorText } from '../error-text';

export function tagLabel(tag: string, t: Translate): string {
  return isPresetTag(tag) ? t(`tag.${tag}` as MessageKey) : tag;
}

export function Tags({ card, t, api, vocabulary }: { card: MemberCard; t: Translate; api: PanelApi; vocabulary: readonly string[] }) {
  const tags = card.member.tags;
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  const listId = useId();
  const authors = new Map(Object.entries(card.team?.tagAuthors ?? {}).map(([tag, s]) => [tag.toLowerCase(), s.by]));
  const addedBy = (tag: string) => {
    const by = authors.get(tag.toLowerCase());
    return by ? t('panel.addedBy', { name: by }) : undefined;
  };
  const has = (tag: string) => tags.some((x) => x.toLowerCase() === tag.toLowerCase());
  // A write that fails says so beside the tags; the typed tag stays in the box to try again.
  const write = async (tag: string, change: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setFailed(undefined);
    try {
      await change();
      return true;
    } catch (e) {
      setFailed(t('write.tagFailed', { tag: tagLabel(tag, t), message: errorText(t, e) }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const toggle = async (tag: string) => {
    if (busy) return;
    await write(tag, () => (has(tag) ? api.removeTag(tag) : api.addTag(tag)));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const tag = draft.trim();
    if (!tag || busy) return;
    if (await write(tag, () => api.addTag(tag))) setDraft('');
  };
  return (
    <section className="block" aria-labelledby={`${listId}-h`}>
      <h3 id={`${listId}-h`}>{t('tags.title')}</h3>
      <ul className="tags" aria-label={t('tags.title')}>
        <li className="tag system" title={t('tags.system')}>
          {tierName(card.tier, t)}
        </li>
        {card.rfm && (
          <li className="tag system" title={t('tags.system')}>
            {t(`segment.${card.rfm.segment}`)}
          </li>
        )}
        {tags.map((tag) => (
          <li key={tag} className="tag" data-tag={tag} title={addedBy(tag)}>
            {tagLabel(tag, t)}
            <button type="button" className="x" aria-label={t('tags.remove', { tag: tagLabel(tag, t) })} onClick={() => void toggle(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="presets" role="group" aria-label={t('tags.presets')}>
        {PRESET_TAGS.map((p, i) => (
          <button
            key={p.id}
            type="button"
            className={`preset ${p.group}`}
            aria-pressed={has(p.id)}
            aria-keyshortcuts={`Alt+${i + 1}`}
            title={`${t(`tags.group.${p.group}`)} · ${t('tags.shortcut', { n: i + 1 })}`}
            onClick={() => void toggle(p.id)}
          >
            <kbd>{i + 1}</kbd>
            {t(`tag.${p.id}` as MessageKey)}
          </button>
        ))}
      </div>
      <form className="inline" onSubmit={submit}>
        <input aria-label={t('tags.add')} placeholder={t('tags.placeholder')} value={draft} maxLength={60} list={listId} onChange={(e) => setDraft(e.target.value)} />
        <datalist id={listId}>
          {vocabulary.filter((v) => !has(v) && !isPresetTag(v)).map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <button type="submit" disabled={busy || !draft.trim()}>
          {t('tags.add')}
        </button>
      </form>
      {failed && (
        <p className="error-text small" role="alert">
          {failed}
        </p>
      )}
    </section>
  );
}
