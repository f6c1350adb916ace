// Strings of what goes wrong where the user can see it: a part of a page that failed to show
// (components/section-boundary.tsx), and a tag, note, merge or link that was not saved.

export const resilienceEn = {
  'section.failed': 'This part of Regulars could not be shown. The rest of the page works.',
  'section.retry': 'Show it again',
  'write.tagFailed': 'The tag “{tag}” was not saved ({message}). Try again.',
  'write.noteFailed': 'The note was not saved ({message}). Your text is still here: try again.',
  'write.mergeFailed': '{name} was not merged here ({message}). Both members are as they were.',
  'write.linkFailed': 'This buyer was not linked to {name} ({message}). Nothing changed: try again.',
  'write.separateFailed': '{handle} was not separated ({message}). The member is as it was: try again.',
  'write.reminderFailed': 'The follow-up was not set ({message}). Try again.',
  'options.saveFailed': 'Not saved, the setting is as it was: {message}',
  'options.saveFailed.close': 'Close',
} as const;

type Keys = keyof typeof resilienceEn;

export const resilienceZhCN: Record<Keys, string> = {
  'section.failed': '熟客的这一部分无法显示，页面的其他部分仍可使用。',
  'section.retry': '重新显示',
  'write.tagFailed': '标签“{tag}”没有保存（{message}）。请重试。',
  'write.noteFailed': '备注没有保存（{message}）。你输入的内容还在，请重试。',
  'write.mergeFailed': '{name}没有合并到这里（{message}）。两位会员都保持原样。',
  'write.linkFailed': '这位买家没有关联到{name}（{message}）。什么都没有改变，请重试。',
  'write.separateFailed': '{handle} 没有拆分出去（{message}）。会员保持原样，请重试。',
  'write.reminderFailed': '回访提醒没有设置（{message}）。请重试。',
  'options.saveFailed': '没有保存，设置保持原样：{message}',
  'options.saveFailed.close': '关闭',
};

export const resilienceZhTW: Record<Keys, string> = {
  'section.failed': '熟客的這一部分無法顯示，頁面的其他部分仍可使用。',
  'section.retry': '重新顯示',
  'write.tagFailed': '標籤「{tag}」沒有儲存（{message}）。請重試。',
  'write.noteFailed': '備註沒有儲存（{message}）。你輸入的內容還在，請重試。',
  'write.mergeFailed': '{name}沒有合併到這裡（{message}）。兩位會員都保持原樣。',
  'write.linkFailed': '這位買家沒有連結到{name}（{message}）。什麼都沒有改變，請重試。',
  'write.separateFailed': '{handle} 沒有拆分出去（{message}）。會員維持原樣，請重試。',
  'write.reminderFailed': '回訪提醒沒有設定（{message}）。請重試。',
  'options.saveFailed': '沒有儲存，設定維持原樣：{message}',
  'options.saveFailed.close': '關閉',
};
