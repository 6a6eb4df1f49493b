import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/use-t';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('shell.notFound.title')} />
      <EmptyState title={t('shell.notFound.text')}>
        <Link to="/">{t('shell.notFound.home')}</Link>
      </EmptyState>
    </>
  );
}
