import type { OrderPageFormat } from '../capture/capture';

// The order date field is Y-m-d in the WordPress site's time (the shop's zone); totals print the
// store currency's symbol ("1.249,00 €", "₴1,280.00") in the store's number format.
export const woocommerceOrderFormat: OrderPageFormat = { dateOrder: 'ymd' };
