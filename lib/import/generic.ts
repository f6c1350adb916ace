// Any other order file, read through the user's own column mapping: which column is the order
// number, the buyer, the amount, the date… Saved per header set, so the same file next month maps itself.
import type { Platform } from '../domain/rows';
import { hash53 } from '../hash';
import type { OrderStatus } from '../domain/types';
import type { DateOrder } from './dates';
import { amountOf, cellAt, column, missingBuyer, OrderBook, parseAnyDate, refusal, usableEmail, usablePhone } from './presets/common';
import { statusFromWord } from './status-words';

export { statusFromWord };
import { MAPPED_FIELDS, type ImportPreset, type MappedField } from './presets/types';
import { headerKey } from './table';
import { said } from './problem';

export interface GenericMapping {
  orderNo: string;
  buyer?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  amount: string;
  date: string;
  status?: string | undefined;
  currency?: string | undefined;
  /** How slash dates are written: 03/04/2026 is 4 March in 'mdy', 3 April in 'dmy'. Default 'ymd' then 'mdy'. */
  dateOrder?: DateOrder | undefined;
  platform: Platform;
  /**
   * 'order' (default): the amount is the order's total, repeated (or blank) on its further rows and
   * counted once. 'line': each row holds its own line amount, and an order's rows are added up.
   */
  amountPer?: 'order' | 'line' | undefined;
  /** What each value of the status column means, as the user said ("Entregue" → delivered); others are guessed from common words. */
  statusValues?: Record<string, OrderStatus> | undefined;
}

/** The status a mapping gives a cell: the user's word for it, else a common word's meaning. */
export function mappedStatus(mapping: Pick<GenericMapping, 'statusValues'>, word: string): OrderStatus | undefined {
  return mapping.statusValues?.[word.trim()] ?? statusFromWord(word);
}

export function genericPreset(mapping: GenericMapping): ImportPreset {
  const mapped = MAPPED_FIELDS.filter((f) => mapping[f]);
  return {
    id: 'generic',
    platform: mapping.platform,
    label: 'your column mapping',
    columns: Object.fromEntries(mapped.map((f) => [f, [mapping[f]!]])),
    signature: mapped,
    fields: Object.fromEntries(mapped.map((f) => [f, f])),
    read(table, ctx) {
      const h = table.headers;
      const col = {
        orderNo: column(h, mapping.orderNo),
        amount: column(h, mapping.amount),
        date: column(h, mapping.date),
        buyer: mapping.buyer ? column(h, mapping.buyer) : undefined,
        phone: mapping.phone ? column(h, mapping.phone) : undefined,
        email: mapping.email ? column(h, mapping.email) : undefined,
        status: mapping.status ? column(h, mapping.status) : undefined,
        currency: mapping.currency ? column(h, mapping.currency) : undefined,
      };
      const absent = [col.orderNo, col.amount, col.date].find((c) => c.index < 0);
      if (absent) return refusal({ line: 0, column: absent.name, ...said('noMappedColumn', { column: absent.name }) });
      const missing = missingBuyer(table, { handle: col.buyer ? [col.buyer] : [], phone: col.phone ? [col.phone] : [], email: col.email ? [col.email] : [] });
      if (missing) return refusal(missing.column ? missing : { ...missing, ...said('noBuyerInMapping') });

      const book = new OrderBook();
      const firstAmount = new Map<string, string>();
      const get = (cells: string[], c: { index: number } | undefined) => (c ? cellAt(cells, c.index) : '');
      const date = (raw: string) => (mapping.dateOrder ? parseAnyDate(raw, ctx.timeZone, mapping.dateOrder) : parseAnyDate(raw, ctx.timeZone, 'mdy'));

      for (const { line, cells } of table.rows) {
        const orderNo = get(cells, col.orderNo);
        if (!orderNo) {
          book.problem(line, { column: col.orderNo.name, ...said('emptyOrderNo') });
          continue;
        }
        if (book.isRejected(orderNo)) continue;
        const rawAmount = get(cells, col.amount);
        const open = book.get(orderNo);
        if (open) {
          if (rawAmount === '') continue;
          if (mapping.amountPer === 'line') {
            const more = amountOf(rawAmount, open.currency);
            if (more === undefined) book.reject(orderNo, line, { column: col.amount.name, ...said('notAmount', { value: rawAmount, example: '12.90' }) });
            else open.amountMinor += more;
          } else if (rawAmount !== firstAmount.get(orderNo)) {
            book.reject(orderNo, line, {
              column: col.amount.name,
              ...said('amountDiffers', { value: rawAmount, first: firstAmount.get(orderNo) ?? '' }),
            });
          }
          continue;
        }
        const currency = (get(cells, col.currency) || ctx.currency).toUpperCase();
        if (!/^[A-Z]{3}$/.test(currency)) {
          book.reject(orderNo, line, { column: col.currency?.name, ...said('notCurrency', { value: currency }) });
          continue;
        }
        const amountMinor = amountOf(rawAmount, currency);
        if (amountMinor === undefined) {
          book.reject(orderNo, line, { column: col.amount.name, ...said('notAmount', { value: rawAmount, example: '12.90' }) });
          continue;
        }
        const placedAt = date(get(cells, col.date));
        if (placedAt === undefined) {
          book.reject(orderNo, line, { column: col.date.name, ...said('notDate', { value: get(cells, col.date), example: '2026-03-04 13:05' }) });
          continue;
        }
        let status: OrderStatus = 'paid';
        if (col.status) {
          const word = get(cells, col.status);
          const known = mappedStatus(mapping, word);
          if (!known) {
            book.reject(orderNo, line, { column: col.status.name, ...(word ? said('unmappedStatus', { value: word }) : said('emptyStatusMapped')) });
            continue;
          }
          status = known;
        }
        const handle = get(cells, col.buyer);
        const phone = usablePhone(get(cells, col.phone));
        const email = usableEmail(get(cells, col.email));
        if (!handle && !phone && !email) {
          book.reject(orderNo, line, { column: (col.buyer ?? col.phone ?? col.email)?.name, ...said('noBuyer') });
          continue;
        }
        firstAmount.set(orderNo, rawAmount);
        book.open(
          orderNo,
          { platform: ctx.platform, orderNo, buyer: { handle: handle || undefined, phone, email }, amountMinor, currency, status, placedAt, items: [] },
        );
      }
      return book.result();
    },
  };
}

/**
 * The same set of headers always gives the same key, whatever their order, case or padding, so a
 * mapping saved for one month's file is found again for the next.
 */
export function mappingKey(headers: readonly string[]): string {
  const keys = [...new Set(headers.map(headerKey).filter(Boolean))].sort();
  return `h${keys.length}-${hash53(keys.join('\n')).toString(36)}`;
}

/** Common names for each field, most specific first (English, simplified and traditional Chinese). */
const GUESSES: Record<MappedField, string[]> = {
  orderNo: ['order id', 'order number', 'order no', 'order #', 'order', 'order name', 'receipt id', 'invoice number', '订单编号', '订单号', '訂單編號', '訂單號碼', '訂單號', '单号'],
  email: ['email', 'e-mail', 'buyer email', 'customer email', 'email address', 'billing email', '邮箱', '电子邮箱', '電子郵件', '電子信箱', 'email (billing)'],
  phone: ['phone', 'phone number', 'mobile', 'buyer phone', 'customer phone', 'billing phone', 'telephone', 'tel', 'contact number', '手机', '手机号', '手机号码', '联系手机', '联系电话', '電話', '手機', '收件者電話', '收货人手机', 'phone (billing)'],
  buyer: ['buyer username', 'buyer', 'username', 'buyer id', 'buyer user id', 'customer', 'customer id', 'member', '买家会员名', '买家', '买家昵称', '买家账号', '會員帳號', '買家帳號', '買家', '会员名'],
  date: ['order date', 'date', 'order creation date', 'date created', 'purchase date', 'paid date', 'created at', 'created', 'created time', 'purchase date', 'order time', 'sale date', '订单创建时间', '下单时间', '创建时间', '日期', '訂單日期', '訂單成立日期', '下單時間', '成立時間'],
  amount: ['order total', 'total', 'grand total', 'total amount', 'order amount', 'amount', 'paid amount', 'total price', '买家实际支付金额', '实付金额', '订单金额', '总金额', '金额', '合计', '總金額', '訂單金額', '買家總支付金額', '金額'],
  status: ['order status', 'status', 'financial status', '订单状态', '状态', '訂單狀態', '狀態'],
  currency: ['currency', 'currency code', 'order currency', '币种', '货币', '幣別', '幣種'],
};

// Names too short to look for inside longer headers ("order" is in "Order Status", "total" in "Subtotal").
const TOO_WIDE = new Set(['order', 'total', 'tel', 'date', 'customer', 'member']);

const squash = (s: string) => headerKey(s).replace(/[\s_\-()（）:：#.]+/g, '');

/**
 * A first suggestion for the mapping from the file's headers: exact names first, then a header
 * that contains a known name. Each header is suggested for one field only; the user confirms.
 */
export function guessMapping(headers: readonly string[]): Partial<Pick<GenericMapping, MappedField>> {
  const taken = new Set<number>();
  const squashed = headers.map(squash);
  const out: Partial<Pick<GenericMapping, MappedField>> = {};
  const fields: MappedField[] = ['orderNo', 'email', 'phone', 'buyer', 'date', 'amount', 'status', 'currency'];
  for (const field of fields) {
    const names = GUESSES[field].map(squash);
    let found = -1;
    for (const name of names) {
      found = squashed.findIndex((h, i) => !taken.has(i) && h === name);
      if (found >= 0) break;
    }
    if (found < 0) {
      for (const name of names.filter((n) => (n.length >= 3 || /[^\p{ASCII}]/u.test(n)) && !TOO_WIDE.has(n))) {
        found = squashed.findIndex((h, i) => !taken.has(i) && h.includes(name));
        if (found >= 0) break;
      }
    }
    if (found >= 0) {
      taken.add(found);
      out[field] = headers[found]!.trim();
    }
  }
  return out;
}
