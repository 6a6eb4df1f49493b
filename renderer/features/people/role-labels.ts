import type { Role } from '../../domain/network';

export const ROLE_LABELS = {
  station_staff: 'role.station_staff',
  zone_admin: 'role.zone_admin',
  network_admin: 'role.network_admin',
  dpo: 'role.dpo',
} as const satisfies Record<Role, string>;
