import { defineMessages } from '../define';

export const common = defineMessages(
  {
    'app.name': 'Zonelink',
    'app.loading': 'Zonelink wordt geladen…',
    'language.label': 'Taal',
    'language.nl-BE': 'Nederlands',
    'language.en': 'English',
  },
  {
    'app.name': 'Zonelink',
    'app.loading': 'Zonelink is loading…',
    'language.label': 'Language',
    'language.nl-BE': 'Nederlands',
    'language.en': 'English',
  },
);
