import { useT } from '../i18n/use-t';

/** Active or deactivated, in words (not colour alone). */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useT();
  return <span className={`badge ${active ? 'badge-active' : 'badge-inactive'}`}>{active ? t('common.active') : t('common.inactive')}</span>;
}
