// Strings of the store's health (options page: what it holds, backup reminder) and of the date
// field (components/date-field.tsx).
export const shipEn = {
  'options.store.holds': 'This browser holds {members, plural, one {# member} other {# members}} and {orders, plural, one {# order} other {# orders}}.',
  'options.store.disk': 'They take {size} on disk.',
  'options.backup.remindEvery': 'Remind me to back up',
  'options.backup.remind.7': 'Every week',
  'options.backup.remind.30': 'Every month',
  'options.backup.remind.0': 'Never',
  'date.placeholder': 'mm/dd/yyyy',
  'date.unreadable': 'Write the date as {example}',
  'date.pick': 'Open the calendar',
  'date.prevMonth': 'Previous month',
  'date.nextMonth': 'Next month',
  'date.time': 'Time',
  'time.unreadable': 'Write the time as {example}',
  'time.start': '{what} start',
  'time.end': '{what} end',
};
type Keys = keyof typeof shipEn;

export const shipZhCN: Record<Keys, string> = {
  'options.store.holds': '这个浏览器保存着 {members} 位会员和 {orders} 笔订单。',
  'options.store.disk': '占用磁盘 {size}。',
  'options.backup.remindEvery': '提醒我备份',
  'options.backup.remind.7': '每周',
  'options.backup.remind.30': '每月',
  'options.backup.remind.0': '从不',
  'date.placeholder': '年/月/日',
  'date.unreadable': '请按 {example} 的格式填写日期',
  'date.pick': '打开日历',
  'date.prevMonth': '上个月',
  'date.nextMonth': '下个月',
  'date.time': '时间',
  'time.unreadable': '请按 {example} 的格式填写时间',
  'time.start': '{what}开始时间',
  'time.end': '{what}结束时间',
};

export const shipZhTW: Record<Keys, string> = {
  'options.store.holds': '這個瀏覽器保存著 {members} 位會員和 {orders} 筆訂單。',
  'options.store.disk': '佔用磁碟 {size}。',
  'options.backup.remindEvery': '提醒我備份',
  'options.backup.remind.7': '每週',
  'options.backup.remind.30': '每月',
  'options.backup.remind.0': '從不',
  'date.placeholder': '年/月/日',
  'date.unreadable': '請按 {example} 的格式填寫日期',
  'date.pick': '開啟日曆',
  'date.prevMonth': '上個月',
  'date.nextMonth': '下個月',
  'date.time': '時間',
  'time.unreadable': '請按 {example} 的格式填寫時間',
  'time.start': '{what}開始時間',
  'time.end': '{what}結束時間',
};
