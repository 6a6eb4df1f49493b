import type { Role } from '../domain/network';
import type { MessageKey } from '../i18n/messages';

/**
 * Every area of the app, in menu order: the router, the navigation and the browser tests all
 * derive from this one table. An area that is not built yet is not listed.
 */
export interface AppRoute {
  id: string;
  path: `/${string}`;
  titleKey: MessageKey;
  /** Who may open it; an empty list means every signed-in person. */
  roles: readonly Role[];
}

export const ROUTES = [
  { id: 'dashboard', path: '/', titleKey: 'nav.dashboard', roles: [] },
  { id: 'network', path: '/network', titleKey: 'nav.network', roles: [] },
  { id: 'people', path: '/people', titleKey: 'nav.people', roles: ['zone_admin', 'network_admin'] },
  { id: 'sync', path: '/sync', titleKey: 'nav.sync', roles: [] },
  { id: 'conflicts', path: '/conflicts', titleKey: 'nav.conflicts', roles: [] },
  { id: 'settings', path: '/settings', titleKey: 'nav.settings', roles: [] },
] as const satisfies readonly AppRoute[];

export type RouteId = (typeof ROUTES)[number]['id'];

export function mayOpen(route: AppRoute, roles: readonly Role[]): boolean {
  return route.roles.length === 0 || route.roles.some((r) => roles.includes(r));
}
