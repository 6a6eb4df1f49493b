import type { ReasonCode } from '../../sync/bundle/reasons';
import { defineMessages } from '../define';

type ReasonMessages = Record<`sync.reason.${ReasonCode}`, string>;

// Why a bundle or a roster was refused (renderer/sync/bundle/reasons.ts), worded for a clerk at
// the desk, and the errors of writing bundles and signing the roster.
const nl = {
  'sync.reason.notBundle': 'Dit bestand is geen Zonelink-bundel. Controleer of u het juiste bestand hebt gekozen.',
  'sync.reason.truncated':
    'Het bestand is onvolledig: het werd wellicht niet helemaal gekopieerd, of de USB-stick werd te vroeg uitgetrokken. Er werd niets ingelezen. Vraag de verzendende post om de bundel opnieuw te maken.',
  'sync.reason.corrupted':
    'Het bestand is beschadigd of werd gewijzigd nadat het geschreven was. Er werd niets ingelezen. Vraag de verzendende post om een nieuwe bundel.',
  'sync.reason.notForThisStation': 'Deze bundel is niet voor deze post bestemd. Alleen de posten waarvoor hij gemaakt werd, kunnen hem openen.',
  'sync.reason.wrongPassphrase': 'De wachtzin klopt niet. Let op hoofdletters, spaties en leestekens en probeer opnieuw.',
  'sync.reason.unknownNetwork': 'Deze bundel komt uit een ander netwerk dan dat van deze post. Er werd niets ingelezen.',
  'sync.reason.unknownSigner':
    'Deze bundel komt van een post die niet (meer) in de netwerkdefinitie staat of die werd ingetrokken. Er werd niets ingelezen. Meld het aan een netwerkbeheerder.',
  'sync.reason.alteredByRelay':
    'Een post die deze bundel doorgaf, heeft wijzigingen van een andere post veranderd. Er werd niets ingelezen. Meld het aan een netwerkbeheerder.',
  'sync.reason.tooNew': 'Deze bundel werd gemaakt met een nieuwere versie van Zonelink. Werk Zonelink bij naar versie {appVersion} of later en probeer opnieuw.',
  'sync.reason.tooLarge': 'Deze bundel is groter dan Zonelink veilig kan inlezen. Er werd niets ingelezen. Vraag de verzendende post om kleinere bundels.',
  'sync.reason.rosterForged':
    'De meegeleverde netwerkdefinitie werd niet ondertekend door een netwerkbeheerder: ze is vervalst. Er werd niets ingelezen. Meld het aan een netwerkbeheerder.',
  'sync.reason.rosterBroken': 'De meegeleverde netwerkdefinitie is onvolledig of sluit niet aan op de vorige versie. Er werd niets ingelezen.',
  'error.adminKey.wrongPassphrase': 'De wachtzin van uw beheerderssleutel klopt niet.',
  'error.adminKey.damaged': 'Uw beheerderssleutel is beschadigd. Maak een nieuwe aan en laat een andere netwerkbeheerder die in de netwerkdefinitie opnemen.',
  'error.roster.notAdmin': 'Alleen een netwerkbeheerder uit de huidige netwerkdefinitie kan een nieuwe versie ondertekenen.',
  'error.roster.otherNetwork': 'Deze netwerkdefinitie hoort bij een ander netwerk.',
  'error.bundle.senderUnknown':
    'Deze post staat niet (meer) met haar sleutels in de netwerkdefinitie en kan geen bundels schrijven. Vraag een netwerkbeheerder om haar op te nemen.',
  'error.bundle.noRecipient': 'Kies minstens één post, of een wachtzin voor noodgevallen.',
  'error.bundle.recipientUnknown': 'Een gekozen post kan geen bundels ontvangen: ze heeft nog geen sleutels in de netwerkdefinitie, of ze werd ingetrokken.',
} satisfies ReasonMessages & Record<string, string>;

export const syncReasons = defineMessages(nl, {
  'sync.reason.notBundle': 'This file is not a Zonelink bundle. Check that you chose the right file.',
  'sync.reason.truncated':
    'The file is incomplete: it was probably not copied completely, or the USB stick was removed too early. Nothing was imported. Ask the sending station to make the bundle again.',
  'sync.reason.corrupted': 'The file is damaged or was changed after it was written. Nothing was imported. Ask the sending station for a new bundle.',
  'sync.reason.notForThisStation': 'This bundle is not meant for this station. Only the stations it was made for can open it.',
  'sync.reason.wrongPassphrase': 'The passphrase is not correct. Mind capitals, spaces and punctuation, and try again.',
  'sync.reason.unknownNetwork': "This bundle comes from a different network than this station's. Nothing was imported.",
  'sync.reason.unknownSigner':
    'This bundle comes from a station that is not (or no longer) in the network definition, or that was revoked. Nothing was imported. Tell a network administrator.',
  'sync.reason.alteredByRelay': "A station that passed this bundle on changed another station's changes. Nothing was imported. Tell a network administrator.",
  'sync.reason.tooNew': 'This bundle was made with a newer version of Zonelink. Update Zonelink to version {appVersion} or later and try again.',
  'sync.reason.tooLarge': 'This bundle is larger than Zonelink can safely read. Nothing was imported. Ask the sending station for smaller bundles.',
  'sync.reason.rosterForged':
    'The network definition that came with it was not signed by a network administrator: it is forged. Nothing was imported. Tell a network administrator.',
  'sync.reason.rosterBroken': 'The network definition that came with it is incomplete or does not follow on from the previous version. Nothing was imported.',
  'error.adminKey.wrongPassphrase': 'The passphrase of your administrator key is not correct.',
  'error.adminKey.damaged': 'Your administrator key is damaged. Make a new one and have another network administrator add it to the network definition.',
  'error.roster.notAdmin': 'Only a network administrator in the current network definition can sign a new version.',
  'error.roster.otherNetwork': 'This network definition belongs to another network.',
  'error.bundle.senderUnknown': 'This station is not (or no longer) in the network definition with its keys and cannot write bundles. Ask a network administrator to add it.',
  'error.bundle.noRecipient': 'Choose at least one station, or a passphrase for emergencies.',
  'error.bundle.recipientUnknown': 'A chosen station cannot receive bundles: it has no keys in the network definition yet, or it was revoked.',
});
