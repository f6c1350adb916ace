import type { OrderPageFormat } from '../capture/capture';

// The demo marketplace (demo/server.ts) prints day-first dates; its regional pages show the currency
// beside the amount (data-currency on the default page, a symbol on the others).
export const demoOrderFormat: OrderPageFormat = { dateOrder: 'dmy' };
