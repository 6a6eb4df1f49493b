import { defineMessages } from '../define';

export const dashboard = defineMessages(
  {
    'dashboard.title': 'Overzicht',
    'dashboard.today': '{date} · week {week}',
    'dashboard.welcome': 'Welkom, {name}.',
    'dashboard.station': 'Deze post',
    'dashboard.zone': 'Zone',
    'dashboard.stationName': 'Post',
    'dashboard.municipalities': 'Gemeenten',
    'dashboard.network': 'Netwerk {network}',
    'dashboard.networkCounts': '{zones} actieve zones, {stations} actieve posten.',
    'dashboard.toNetwork': 'Zones en posten bekijken',
    'dashboard.account': 'Uw account',
    'dashboard.toSettings': 'Wachtwoord en instellingen',
  },
  {
    'dashboard.title': 'Overview',
    'dashboard.today': '{date} · week {week}',
    'dashboard.welcome': 'Welcome, {name}.',
    'dashboard.station': 'This station',
    'dashboard.zone': 'Zone',
    'dashboard.stationName': 'Station',
    'dashboard.municipalities': 'Municipalities',
    'dashboard.network': '{network} network',
    'dashboard.networkCounts': '{zones} active zones, {stations} active stations.',
    'dashboard.toNetwork': 'View zones and stations',
    'dashboard.account': 'Your account',
    'dashboard.toSettings': 'Password and settings',
  },
);
