import type { ComponentType } from 'react';
import { createHashRouter } from 'react-router';
import { ConflictsPage } from './conflicts/ConflictsPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { RouteError } from './errors/RouteError';
import { NetworkPage } from './network/NetworkPage';
import { PeoplePage } from './people/PeoplePage';
import { ROUTES, type RouteId } from './route-table';
import { SettingsPage } from './settings/SettingsPage';
import { SyncPage } from './sync/SyncPage';
import { Desk } from './shell/Desk';
import { NotFoundPage } from './shell/NotFoundPage';
import { RoutePage } from './shell/RoutePage';

const PAGES = {
  dashboard: DashboardPage,
  network: NetworkPage,
  people: PeoplePage,
  sync: SyncPage,
  conflicts: ConflictsPage,
  settings: SettingsPage,
} satisfies Record<RouteId, ComponentType>;

/**
 * A hash router (the app is served from app:// and from a static server: no rewrites). The desk
 * at the root decides between first run, sign-in and the signed-in frame, so locking keeps the
 * address and unlocking returns to it.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <Desk />,
      errorElement: <RouteError />,
      children: [
        ...ROUTES.map((route) => {
          const Page = PAGES[route.id];
          const element = (
            <RoutePage route={route}>
              <Page />
            </RoutePage>
          );
          return route.path === '/' ? { index: true, element } : { path: route.path.slice(1), element };
        }),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
