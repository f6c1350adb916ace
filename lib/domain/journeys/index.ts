// Journey rules: reminders along the buyer's journey, and the respect every one of them gets.
export * from './types';
export * from './window';
export * from './rules';
export * from './respect';
export * from './evaluate';
export * from './templates';
export { nextOccurrence } from './birthday';
export { FOLLOW_UP_BASES, followUpAnchor, followUpPending, type FollowUpAnchor, type FollowUpBasis } from './follow-up';
export { AUDIENCE, audienceMemberId, audienceOf, builtInHoliday, defaultHolidays, holidayDetail, holidayIdOf, holidaySchema, holidaysByNextDate, inAudience, nextHolidayDay, upcomingHolidays, type Holiday } from './holiday';
export * from './holiday-calendar';
export { lunarDay } from './lunar';
export * from './language';
