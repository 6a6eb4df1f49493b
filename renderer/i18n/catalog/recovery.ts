import { defineMessages } from '../define';

export const recovery = defineMessages(
  {
    'recovery.title': 'Zonelink kan de gegevens niet openen',
    'recovery.blocked':
      'Zonelink is nog open in een ander venster met een oudere versie. Die houdt de gegevens vast, zodat deze versie ze niet kan bijwerken. Sluit de andere vensters van Zonelink.',
    'recovery.version':
      'De gegevens op deze computer zijn gemaakt met een nieuwere versie van Zonelink dan deze. Deze oudere versie kan ze niet lezen. Er is niets gewist.',
    'recovery.quota': 'De schijf van deze computer is vol, zodat Zonelink zijn gegevens niet kan openen. Maak ruimte vrij.',
    'recovery.corrupt':
      'Een deel van de gegevens op deze computer is beschadigd of onvolledig. Zonelink start niet met beschadigde gegevens, zodat er niets verkeerd wordt doorgegeven.',
    'recovery.unavailable': 'De gegevensopslag van deze computer geeft geen toegang. Dat kan tijdelijk zijn.',
    'recovery.whatNow': 'Wat kunt u doen?',
    'recovery.step.retry': 'Probeer het opnieuw, eventueel na het sluiten van andere vensters van Zonelink.',
    'recovery.step.export': 'Bewaar wat nog leesbaar is in een bestand, zodat niets verloren gaat. Wachtwoorden worden niet mee bewaard.',
    'recovery.step.call': 'Bezorg dat bestand aan de informaticadienst van uw zone en meld het probleem.',
    'recovery.retry': 'Opnieuw proberen',
    'recovery.export': 'Leesbare gegevens bewaren',
    'recovery.exporting': 'Gegevens worden gelezen…',
    'recovery.saved': 'Bewaard als {name}: {tables} tabellen, {rows} records.',
    'recovery.cancelled': 'Er is niets bewaard.',
    'recovery.fileName': 'zonelink-herstel-{stamp}.json',
    'recovery.fileType': 'Zonelink-herstelbestand',
    'recovery.technical': 'Technische details',
  },
  {
    'recovery.title': 'Zonelink cannot open its data',
    'recovery.blocked':
      'Zonelink is still open in another window with an older version. It holds the data, so this version cannot update it. Close the other Zonelink windows.',
    'recovery.version':
      'The data on this computer was made by a newer version of Zonelink than this one. This older version cannot read it. Nothing has been erased.',
    'recovery.quota': 'The disk of this computer is full, so Zonelink cannot open its data. Free up some space.',
    'recovery.corrupt':
      'Part of the data on this computer is damaged or incomplete. Zonelink does not start with damaged data, so that nothing wrong is passed on.',
    'recovery.unavailable': 'The data storage of this computer gives no access. This may be temporary.',
    'recovery.whatNow': 'What can you do?',
    'recovery.step.retry': 'Try again, if need be after closing other Zonelink windows.',
    'recovery.step.export': 'Save what can still be read to a file, so nothing is lost. Passwords are not included.',
    'recovery.step.call': 'Give that file to the IT service of your zone and report the problem.',
    'recovery.retry': 'Try again',
    'recovery.export': 'Save readable data',
    'recovery.exporting': 'Reading the data…',
    'recovery.saved': 'Saved as {name}: {tables} tables, {rows} records.',
    'recovery.cancelled': 'Nothing was saved.',
    'recovery.fileName': 'zonelink-recovery-{stamp}.json',
    'recovery.fileType': 'Zonelink recovery file',
    'recovery.technical': 'Technical details',
  },
);
