import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { matchesPattern } from './match-pattern';
import { buyerByRules, buyerFromText, selectorFor } from './rule-buyer';

function page(html: string): Document {
  const w = new Window();
  w.document.body.innerHTML = html;
  return w.document as unknown as Document;
}

describe('pointing at the buyer once', () => {
  it.each([
    ['Lily Chen (lily_chen)', { handle: 'lily_chen', name: 'Lily Chen' }],
    ['Lily Chen（lily_chen）', { handle: 'lily_chen', name: 'Lily Chen' }],
    ['Chat with @mei.lin88', { handle: 'mei.lin88', name: 'Chat with' }],
    ['  mei.lin88 ', { handle: 'mei.lin88' }],
  ])('the text %j gives the buyer %j', (text, want) => {
    expect(buyerFromText(text)).toEqual(want);
  });

  it.each([
    ['a stable data-testid', '<div data-testid="chat-title"><b>x</b><span data-testid="peer-name">Lily Chen</span></div>', 'span[data-testid="peer-name"]'],
    ['a readable class', '<div class="header"><span class="buyer-name">Lily Chen</span><span class="shop-name">Us</span></div>', 'span.buyer-name'],
    ['an id', '<h2 id="buyerTitle">Lily Chen</h2>', '#buyerTitle'],
  ])('a selector from %s is used', (_name, html, want) => {
    const d = page(html);
    const el = [...d.querySelectorAll('*')].filter((e) => e.textContent === 'Lily Chen').pop()!;
    expect(selectorFor(el, d)).toBe(want);
  });

  it('never builds the selector from the buyer’s own name or values', () => {
    const d = page('<section id="main"><h2>Conversation with</h2><p class="x1" data-name="Lily Chen" title="Lily Chen">Lily Chen (lily_chen)</p><p class="x1">Order history</p></section>');
    const el = d.querySelector('p')!;
    const selector = selectorFor(el, d);
    expect(selector).not.toMatch(/lily/i);
    expect(d.querySelector(selector)).toBe(el);
  });

  it('the saved rule finds the next buyer in the same spot', () => {
    const first = page('<main><div class="conv"><h2>Conversation with</h2><p class="x1">Lily Chen (lily_chen)</p></div></main>');
    const selector = selectorFor(first.querySelector('p')!, first);
    const next = page('<main><div class="conv"><h2>Conversation with</h2><p class="x1">Mei Lin (mei.lin88)</p></div></main>');
    expect(buyerByRules([{ selector }], next, new URL('https://x.example/inbox'))).toEqual({ handle: 'mei.lin88', name: 'Mei Lin' });
  });

  it('a rule that no longer parses is skipped, not thrown', () => {
    expect(buyerByRules([{ selector: 'p[[' }], page('<p>x</p>'), new URL('https://x.example/'))).toBeUndefined();
  });
});

describe('match patterns', () => {
  it.each([
    ['https://seller.shopee.sg/*', 'https://seller.shopee.sg/portal/sale/order/1', true],
    ['https://seller.shopee.sg/*', 'https://seller.shopee.com.my/', false],
    ['https://*.myshopify.com/admin/*', 'https://acme.myshopify.com/admin/orders/1', true],
    ['https://*.myshopify.com/admin/*', 'https://acme.myshopify.com/products', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:5273/plain', true],
    ['http://127.0.0.1/*', 'https://127.0.0.1/plain', false],
  ])('%s matches %s: %s', (pattern, url, want) => {
    expect(matchesPattern(pattern, new URL(url))).toBe(want);
  });
});
