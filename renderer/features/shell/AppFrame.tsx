import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { Person } from '../../data/people';
import type { StationIdentity } from '../../data/settings';
import type { NetworkDefinition } from '../../domain/network';
import { useSession } from '../../hooks/use-session';
import { useT } from '../../i18n/use-t';
import { mayOpen, ROUTES } from '../route-table';
import { StationLabel } from './StationLabel';

interface Props {
  network: NetworkDefinition;
  station: StationIdentity;
  person: Person;
  children: ReactNode;
}

/** The signed-in frame: which station this is, who is at the desk, the areas, and the page. */
export function AppFrame({ network, station, person, children }: Props) {
  const { t } = useT();
  const { lock } = useSession();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  // After moving to another page, put focus on its heading so screen readers announce it. A page
  // whose data is still loading renders its heading a moment later: wait for it.
  useEffect(() => {
    const area = main.current;
    if (shownPath.current === pathname || !area) return;
    shownPath.current = pathname;
    const focusHeading = () => {
      const heading = area.querySelector<HTMLElement>('h1');
      heading?.focus();
      return heading !== null;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(area, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname]);

  return (
    <div className="frame">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          event.preventDefault();
          (main.current?.querySelector<HTMLElement>('h1') ?? main.current)?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header className="frame-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-network">{network.name}</span>
        </div>
        <StationLabel network={network} station={station} />
        <div className="frame-user">
          <span className="frame-person">{t('shell.signedInAs', { name: person.name })}</span>
          <button type="button" className="button-header" onClick={lock}>
            {t('shell.lock')}
          </button>
        </div>
      </header>
      <div className="frame-body">
        <nav className="frame-nav" aria-label={t('shell.navigation')}>
          <ul>
            {ROUTES.filter((r) => mayOpen(r, person.roles)).map((r) => (
              <li key={r.id}>
                <NavLink to={r.path} end={r.path === '/'}>
                  {t(r.titleKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main-content" className="frame-main" ref={main} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
