import { useEffect, type ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useSession } from '../../hooks/use-session';
import { useT } from '../../i18n/use-t';
import { mayOpen, type AppRoute } from '../route-table';

/** Titles the window after the page and keeps people out of areas their roles do not open. */
export function RoutePage({ route, children }: { route: AppRoute; children: ReactNode }) {
  const { t } = useT();
  const { person } = useSession();
  const title = t(route.titleKey);
  useEffect(() => {
    document.title = t('app.windowTitle', { page: title });
  }, [t, title]);
  if (!person || !mayOpen(route, person.roles)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title" tabIndex={-1}>
          {title}
        </h1>
        <EmptyState title={t('shell.forbidden')} />
      </section>
    );
  }
  return children;
}
