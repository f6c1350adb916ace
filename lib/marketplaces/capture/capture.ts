// What an order page shows, turned into the order Regulars stores: each adapter declares how its
// pages write dates and amounts (its format.ts), this reads them. Pure: runs in the panel frame, so
// the content script only carries the raw texts.
import type { Platform } from '../../domain/rows';
import type { DateOrder } from '../../import/dates';
import type { ImportedOrder } from '../../domain/imported-order';
import { shipmentOf } from '../../import/presets/common';
import type { CapturedOrder } from '../types';
import { amountOnPage, currencyOfAmount } from './page-money';
import { readPageDate } from './page-date';

/** How one site prints an order's date and amount. */
export interface PageFormat {
  /** How an all-number date is ordered ("20/11/2026" is dmy). */
  dateOrder: DateOrder;
  /** The zone the site's times are in when they name none; the shop's zone when absent. */
  timeZone?: string | undefined;
  /** Zone abbreviations this site uses with its own meaning (minutes east of UTC), e.g. CST on a Chinese site. */
  zones?: Readonly<Record<string, number>> | undefined;
  /** The decimal mark of its amounts; absent: read from the amount itself. */
  decimal?: '.' | ',' | undefined;
  /** The currency the site sells in (Taobao CNY, Shopee Singapore SGD); absent: the page's mark, else the shop's. */
  currency?: string | undefined;
}

/** An adapter's declaration: what holds on all its sites, and what differs per host (country sites). */
export interface OrderPageFormat extends PageFormat {
  sites?: Readonly<Record<string, Partial<PageFormat>>> | undefined;
}

/** The format of one host: the adapter's, with that host's differences. */
export function pageFormatFor(format: OrderPageFormat, host: string): PageFormat {
  const { sites, ...base } = format;
  return { ...base, ...sites?.[host.toLowerCase()] };
}

/** A field the panel must ask the agent for, because the page doesn't show it readably. */
export type MissingField = 'amount' | 'currency' | 'date' | 'buyer';

/** The shop's answers from the first run; currency undefined until the owner has said it. */
export interface ShopFacts {
  currency: string | undefined;
  timeZone: string;
}

export interface CaptureDraft {
  platform: Platform;
  orderNo: string;
  buyer: ImportedOrder['buyer'] | undefined;
  status: ImportedOrder['status'];
  currency: string | undefined;
  amountMinor: number | undefined;
  placedAt: number | undefined;
  /** What the page printed, shown beside the field the agent fills in. */
  amountText: string | undefined;
  placedAtText: string | undefined;
  /** The zone the agent's typed date is read in. */
  timeZone: string;
  /** The carrier and tracking number the page shows, if any. */
  shipment?: { carrier?: string; trackingNo?: string } | undefined;
}

export type CaptureResult = { kind: 'ready'; order: ImportedOrder } | { kind: 'incomplete'; missing: MissingField[]; draft: CaptureDraft };

/**
 * The order an order page shows, ready to store, or what could not be read from it. An order with no
 * status on the page is taken as paid: a detail page exists for placed orders, and the status is
 * shown beside the Record button.
 */
export function captureOrder(page: CapturedOrder, platform: Platform, host: string, format: OrderPageFormat, shop: ShopFacts): CaptureResult {
  const site = pageFormatFor(format, host);
  const amountText = page.amountText?.trim() || undefined;
  const placedAtText = page.placedAtText?.trim() || undefined;
  const currency = (page.currency?.toUpperCase() || undefined)
    ?? (amountText ? currencyOfAmount(amountText, site.currency, shop.currency) : (site.currency ?? shop.currency));
  const amountMinor = amountText && currency ? amountOnPage(amountText, currency, site.decimal) : undefined;
  const timeZone = site.timeZone ?? shop.timeZone;
  const placedAt = placedAtText ? readPageDate(placedAtText, { order: site.dateOrder, timeZone, zones: site.zones }, shop.timeZone) : undefined;
  const buyer = page.buyer ? { handle: page.buyer.handle, ...(page.buyer.name ? { name: page.buyer.name } : {}) } : undefined;
  const draft: CaptureDraft = { platform, orderNo: page.orderNo, buyer, status: page.status ?? 'paid', currency, amountMinor, placedAt, amountText, placedAtText, timeZone, shipment: shipmentOf(page.carrier ?? '', page.trackingNo ?? '') };
  const order = completeOrder(draft);
  return order ? { kind: 'ready', order } : { kind: 'incomplete', missing: missingFields(draft), draft };
}

export function missingFields(draft: CaptureDraft): MissingField[] {
  const missing: MissingField[] = [];
  if (!draft.currency) missing.push('currency');
  if (draft.amountMinor === undefined) missing.push('amount');
  if (draft.placedAt === undefined) missing.push('date');
  if (!draft.buyer) missing.push('buyer');
  return missing;
}

/** The order once every field is known; undefined while one is missing. */
export function completeOrder(draft: CaptureDraft): ImportedOrder | undefined {
  const { platform, orderNo, buyer, status, currency, amountMinor, placedAt, shipment } = draft;
  if (!buyer || !currency || amountMinor === undefined || placedAt === undefined) return undefined;
  return { platform, orderNo, buyer, amountMinor, currency, status, placedAt, ...shipment, items: [] };
}

/** What the agent typed for the fields the page didn't show: an amount ("1.249,00"), a currency code, a date-time field's value. */
export interface AgentFill {
  amount?: string | undefined;
  currency?: string | undefined;
  /** As an <input type="datetime-local"> gives it: "2026-11-21T09:14". */
  placedAt?: string | undefined;
}

/** The draft with the agent's answers read in; a typed value that can't be read leaves its field missing. */
export function fillDraft(draft: CaptureDraft, fill: AgentFill): CaptureDraft {
  const currency = fill.currency && /^[A-Za-z]{3}$/.test(fill.currency.trim()) ? fill.currency.trim().toUpperCase() : draft.currency;
  let amountMinor = draft.amountMinor;
  if (fill.amount?.trim() && currency) amountMinor = amountOnPage(fill.amount, currency, undefined);
  else if (amountMinor === undefined && draft.amountText && currency) amountMinor = amountOnPage(draft.amountText, currency, undefined);
  let placedAt = draft.placedAt;
  if (fill.placedAt?.trim()) placedAt = readPageDate(fill.placedAt.replace('T', ' '), { order: 'ymd', timeZone: draft.timeZone }, draft.timeZone);
  return { ...draft, currency, amountMinor, placedAt };
}

/** The shop's facts for capture: its currency only once the owner has said it on the first run. */
export function shopFactsOf(settings: { shopCurrency: string; timeZone: string; setupAt: number | null }): ShopFacts {
  return { currency: settings.setupAt === null ? undefined : settings.shopCurrency, timeZone: settings.timeZone };
}
