// Journey rules: reminders along the buyer's journey, and the respect every one of them gets.
export * from './types';
export * from './window';
export * from './rules';
export * from './respect';
export * from './evaluate';
export * from './templates';
export { nextOccurrence } from './birthday';
export { defaultHolidays, holidaySchema, upcomingHolidays, type Holiday } from './holiday';
