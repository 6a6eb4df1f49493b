import { defineMessages } from '../define';

// Messages of the replicated record layer (renderer/data/replicated) not in errors.ts.
export const recordLayer = defineMessages(
  {
    'error.sync.clockBehind':
      'Dit veld werd gewijzigd op een station waarvan de klok voorliep (tot {until}). Een beheerder heeft die wijziging aanvaard; u kunt het veld pas daarna opnieuw wijzigen.',
  },
  {
    'error.sync.clockBehind':
      'This field was changed at a station whose clock was ahead (until {until}). An administrator accepted that change; you can change the field again only after that time.',
  },
);
