import type { OrderPageFormat } from '../capture/capture';

// The admin prints dates with month words in the store's language, the total with the store
// currency's symbol: a bare "$" is the shop's currency when the shop sells in a dollar.
export const shopifyOrderFormat: OrderPageFormat = { dateOrder: 'mdy' };
