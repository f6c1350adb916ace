// The built-in holidays' keys, apart from the rules that compute their days (holiday-calendar.ts):
// a reminder's label names a holiday by its key, and the popup's first script draws labels.
export const HOLIDAY_KEYS = [
  'newYear',
  'lunarNewYear',
  'lantern',
  'valentine',
  'mothersDay',
  'shopping618',
  'dragonBoat',
  'qixi',
  'midAutumn',
  'doubleNinth',
  'nationalDay',
  'singlesDay',
  'blackFriday',
  'doubleTwelve',
  'christmas',
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];
