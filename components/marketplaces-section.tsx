import { Fragment, useEffect, useId, useState, type FormEvent } from 'react';
import type { Platform } from '@/lib/domain/rows';
import type { MarketplaceAccess } from '@/lib/hosts/access';
import { wooShopAddress } from '@/lib/hosts/woo';
import type { Translate } from '@/lib/i18n';
import { errorText } from './error-text';

export interface SwitchableMarketplace {
  id: Platform;
  hostPatterns: readonly string[];
}

export interface MarketplacesSectionProps<M extends SwitchableMarketplace> {
  t: Translate;
  marketplaces: readonly M[];
  readAccess(): Promise<MarketplaceAccess>;
  /** Calls back when access may have changed; returns the unsubscribe. */
  watchAccess(changed: () => void): () => void;
  /**
   * `enable` and `addShop` ask Chrome for permission, which it allows only during the click: they
   * are called synchronously from the click handler and must reach permissions.request before any await.
   */
  enable(marketplace: M): Promise<boolean>;
  disable(marketplace: M): Promise<unknown>;
  addShop(address: string): Promise<boolean>;
  removeShop(address: string): Promise<void>;
}

type Note = { kind: 'status' | 'alert'; text: string } | undefined;

/** "https://*.myshopify.com/admin/*" → "*.myshopify.com/admin": what a person recognises. */
function hostLabel(pattern: string): string {
  return pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, '').replace(/\/$/, '');
}

export function MarketplacesSection<M extends SwitchableMarketplace>({
  t,
  marketplaces,
  readAccess,
  watchAccess,
  enable,
  disable,
  addShop,
  removeShop,
}: MarketplacesSectionProps<M>) {
  const [access, setAccess] = useState<MarketplaceAccess>();
  const [busy, setBusy] = useState<string>();
  const [note, setNote] = useState<Note>();
  const [shopText, setShopText] = useState('');
  const ids = useId();

  useEffect(() => {
    let live = true;
    const refresh = () => void readAccess().then((a) => live && setAccess(a), () => undefined);
    refresh();
    const unwatch = watchAccess(refresh);
    return () => {
      live = false;
      unwatch();
    };
  }, [readAccess, watchAccess]);

  const refresh = () => readAccess().then(setAccess, () => undefined);
  const failed = (name: string) => (e: unknown) => setNote({ kind: 'alert', text: t('options.marketplaces.failed', { name, message: errorText(t, e) }) });

  // No await before enable()/addShop(): the click's user gesture must reach Chrome's prompt.
  const toggle = (m: M, name: string, on: boolean) => {
    setNote(undefined);
    setBusy(m.id);
    const pending = on ? disable(m).then(() => true) : enable(m);
    pending
      .then((ok) => {
        if (on) setNote({ kind: 'status', text: t('options.marketplaces.disabled', { name }) });
        else setNote({ kind: 'status', text: t(ok ? 'options.marketplaces.enabled' : 'options.marketplaces.declined', { name }) });
      }, failed(name))
      .finally(() => (setBusy(undefined), void refresh()));
  };

  const submitShop = (e: FormEvent) => {
    e.preventDefault();
    const address = wooShopAddress(shopText);
    if (!address) return setNote({ kind: 'alert', text: t(/^\s*http:/i.test(shopText) ? 'options.woo.https' : 'options.woo.invalid') });
    allowShop(address, true);
  };

  const allowShop = (address: string, fromForm: boolean) => {
    setNote(undefined);
    setBusy(address);
    addShop(address)
      .then((ok) => {
        if (ok && fromForm) setShopText('');
        setNote({ kind: 'status', text: t(ok ? 'options.woo.added' : 'options.woo.declined', { shop: address }) });
      }, failed(address))
      .finally(() => (setBusy(undefined), void refresh()));
  };

  const dropShop = (address: string) => {
    setNote(undefined);
    setBusy(address);
    removeShop(address)
      .then(() => setNote({ kind: 'status', text: t('options.woo.removed', { shop: address }) }), failed(address))
      .finally(() => (setBusy(undefined), void refresh()));
  };

  const wooName = t('platform.woocommerce');
  return (
    <section className="section" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('options.marketplaces')}</h2>
      <p className="lead">{t('options.marketplaces.lead')}</p>
      <ul className="sites">
        {marketplaces.map((m) => {
          const name = t(`platform.${m.id}`);
          const on = access?.enabled[m.id] ?? false;
          const hosts = [...new Set(m.hostPatterns.map(hostLabel))];
          return (
            <li className="site" key={m.id} data-testid="marketplace" data-marketplace={m.id}>
              <div className="site-text">
                <span className="site-name" id={`${ids}-${m.id}`}>
                  {name}
                </span>
                <span className="site-hosts">
                  {/* Lines break between hosts, never inside one, and never just before a dot. */}
                  {hosts.map((host, i) => (
                    <Fragment key={host}>
                      {i > 0 && '\u00a0· '}
                      <span className="host">{host}</span>
                    </Fragment>
                  ))}
                </span>
              </div>
              <span className="switch-state" aria-hidden="true">
                {t(on ? 'options.marketplaces.on' : 'options.marketplaces.off')}
              </span>
              <button
                type="button"
                role="switch"
                className="switch"
                aria-checked={on}
                aria-labelledby={`${ids}-${m.id}`}
                disabled={!access || busy !== undefined}
                onClick={() => toggle(m, name, on)}
              />
            </li>
          );
        })}
        <li className="site site-woo" data-testid="marketplace" data-marketplace="woocommerce">
          <div className="site-text">
            <span className="site-name">{wooName}</span>
            <span className="site-hosts">{t('options.woo.lead')}</span>
          </div>
          {access && access.shops.length > 0 && (
            <ul className="shops" aria-label={t('options.woo.shops')}>
              {access.shops.map((s) => (
                <li key={s.address} data-testid="woo-shop">
                  <span className="shop-address">{s.address}</span>
                  <span className="switch-state">{t(s.enabled ? 'options.marketplaces.on' : 'options.marketplaces.off')}</span>
                  {!s.enabled && (
                    <button type="button" disabled={busy !== undefined} onClick={() => allowShop(s.address, false)}>
                      {t('options.woo.allow')}
                    </button>
                  )}
                  <button type="button" disabled={busy !== undefined} aria-label={t('options.woo.remove', { shop: s.address })} onClick={() => dropShop(s.address)}>
                    {t('options.woo.removeShort')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form className="row" onSubmit={submitShop}>
            <label className="field shop-field" htmlFor={`${ids}-shop`}>
              <span>{t('options.woo.address')}</span>
              <input
                id={`${ids}-shop`}
                type="text"
                inputMode="url"
                autoComplete="url"
                spellCheck={false}
                placeholder="https://shop.example"
                value={shopText}
                onChange={(e) => setShopText(e.target.value)}
              />
            </label>
            <button type="submit" disabled={!access || busy !== undefined}>
              {t('options.woo.add')}
            </button>
          </form>
        </li>
      </ul>
      {note && (
        <p className={note.kind} role={note.kind}>
          {note.text}
        </p>
      )}
    </section>
  );
}
