import { paramOf } from '../read';
import type { PageKind } from '../types';

// Taobao/Tmall seller pages. The Qianniu web workbench answers on two hosts (qn.taobao.com,
// myseller.taobao.com); old trade-detail links on trade.taobao.com / trade.tmall.com still open.
// Sources: Jiujiuou/lining extensions/extension-shop-record/manifest.json (qn, trade),
// ShenHaiSu/Script-Collection src/Tmall-OrderEnhance/meta.ts (myseller …/trade-platform/tp/sold),
// beak2825/greasyfork_archives js_greasyfork/467154.js (@match qn …/trade-platform/tp/detail*). H.
// The chat-history micro-app is an iframe on market.m.taobao.com (Xpectuer/LibianCrawlers
// steps/qianniu-message-export.json clicks inside it with only_main_frame:false): its pattern is
// narrowed to /app/qn/* and the content script must run in all frames there. M.
export const TAOBAO_HOST_PATTERNS = [
  'https://qn.taobao.com/*',
  'https://myseller.taobao.com/*',
  'https://trade.taobao.com/*',
  'https://trade.tmall.com/*',
  'https://market.m.taobao.com/app/qn/*',
] as const;

const WORKBENCH = new Set(['qn.taobao.com', 'myseller.taobao.com']);

export function isTaobaoUrl(url: URL): boolean {
  return url.protocol === 'https:' && taobaoPageKind(url) !== undefined;
}

export function taobaoPageKind(url: URL): PageKind | undefined {
  const { hostname: host, pathname: path } = url;
  if (WORKBENCH.has(host)) {
    // Customer service pages of the workbench; only the history page (…/toolpage/Message) is
    // documented — live reception is done in the desktop Qianniu client. L for anything else.
    if (path.startsWith('/home.htm/app-customer-service/')) return 'chat';
    // Order detail: /home.htm/trade-platform/tp/detail?bizOrderId=N (several 2026 tools; old
    // trade_item_detail links 302 here, per a Tmall order-note tool dated 2026-09-27, unattr.). H.
    if (/^\/home\.htm\/trade-platform\/tp\/detail\/?$/.test(path) && taobaoOrderIdOf(url)) return 'order';
    return undefined;
  }
  if (host === 'market.m.taobao.com') return path.startsWith('/app/qn/im-history-search') ? 'chat' : undefined;
  // Legacy detail links (many public tools, unattr.): trade_order_detail.htm?biz_order_id=N and
  // trade_item_detail.htm?bizOrderId=N on Taobao, orderDetail.htm?bizOrderId=N on Tmall. H for the
  // shapes. The buyer's own view lives on buyertrade.taobao.com, which is not claimed.
  if (host === 'trade.taobao.com' && /^\/trade\/detail\/trade_(order|item)_detail\.htm$/.test(path) && taobaoOrderIdOf(url)) return 'order';
  if (host === 'trade.tmall.com' && path === '/detail/orderDetail.htm' && taobaoOrderIdOf(url)) return 'order';
  return undefined;
}

export function taobaoOrderIdOf(url: URL): string | undefined {
  const id = paramOf(url, ['bizOrderId', 'biz_order_id']);
  return id && /^\d+$/.test(id) ? id : undefined;
}
