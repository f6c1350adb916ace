import type { OrderPageFormat } from '../capture/capture';

// "2:02am, Fri, Nov 20, 2026" (month words); the shop's own currency, which the page marks with a
// symbol only (a bare "$" is the shop's when the shop sells in a dollar).
export const etsyOrderFormat: OrderPageFormat = { dateOrder: 'mdy' };
