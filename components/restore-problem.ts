// One row a restore refuses, as the options page lists it: the table by its name in the user's
// language, the file's line, the row's key in that language's brackets, and what is wrong with it.
import { BACKUP_TABLES, type BackupProblem } from '@/lib/domain/backup';
import type { MessageKey, Translate } from '@/lib/i18n';
import { fieldLabel, reasonText } from './error-text';

export const backupTableName = (t: Translate, table: string) => ((BACKUP_TABLES as readonly string[]).includes(table) ? t(`backup.table.${table}` as MessageKey) : table);

export function restoreProblemText(t: Translate, p: BackupProblem): string {
  return t('options.restore.problem', {
    table: backupTableName(t, p.table),
    line: p.line,
    key: p.key ? t('options.restore.problemKey', { key: p.key }) : '',
    problem: reasonText(t, p.reason) ?? t('reason.field.invalid', { field: fieldLabel(t, p.field) }),
  });
}
