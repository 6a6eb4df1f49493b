import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { LiveResult } from '../../components/LiveResult';
import { SelectField } from '../../components/SelectField';
import type { JoinTarget, ReadJoinRequest } from '../../data/sync/join-request';
import { useJoinRequest } from '../../hooks/use-join-request';
import { useT } from '../../i18n/use-t';
import { getPlatform } from '../../platform';
import { fromUtf8, utf8 } from '../../sync/crypto/bytes';
import { Fingerprint } from './Fingerprint';
import { isPassphraseProblem, PassphraseField } from './PassphraseField';
import { useSignedSubmit } from './use-signed-submit';

const JSON_FILTER = { name: 'Zonelink', extensions: ['json'] };

interface Opened extends ReadJoinRequest {
  file: string;
}

/** The choice of the station select that makes a new station (station ids are uuids). */
const AS_NEW = 'new';

/**
 * An administrator reads a join request (decision 0047): refused with its reason, or shown with
 * its fingerprint to compare; approving publishes the keys for a station of the zone that has
 * none, or adds the station the request names in the same signed version (decision 0053), then
 * the roster file and the network's fingerprint go back to the new station.
 */
export function JoinRequestsPanel() {
  const { t, errorText } = useT();
  const joining = useJoinRequest();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const read = async () => {
    setResult(null);
    const file = await getPlatform().openFile({ filter: JSON_FILTER });
    if (!file) return;
    const text = fromUtf8(file.bytes);
    setOpened({ ...(await joining.read(text)), file: text });
  };

  return (
    <section className="card" aria-labelledby="join-requests">
      <h2 id="join-requests">{t('join.requests.title')}</h2>
      <p className="muted">{t('join.requests.intro')}</p>
      <div className="actions actions-start">
        <button type="button" className="button-primary" onClick={() => void read().catch((e: unknown) => setResult({ ok: false, text: errorText(e) }))}>
          {t('join.requests.read')}
        </button>
      </div>
      <LiveResult result={result} />
      {opened && <ApproveDialog opened={opened} onClose={() => setOpened(null)} />}
    </section>
  );
}

function ApproveDialog({ opened, onClose }: { opened: Opened; onClose: () => void }) {
  const { t, errorText } = useT();
  const joining = useJoinRequest();
  const checkId = useId();
  const { request, zone, stations, newStation } = opened;
  const [choice, setChoice] = useState(newStation.ok ? AS_NEW : (stations[0]?.id ?? ''));
  const [matches, setMatches] = useState(false);
  const [unchecked, setUnchecked] = useState(false);
  const [approved, setApproved] = useState<{ station: string; networkFingerprint: string } | null>(null);
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const signed = useSignedSubmit(async (passphrase) => {
    const target: JoinTarget = choice === AS_NEW ? { kind: 'new' } : { kind: 'existing', stationId: choice };
    const station = await joining.approve(opened.file, target, passphrase);
    setApproved({ station: station.name, networkFingerprint: await joining.networkFingerprint() });
  });
  /** Why no new station can be made from the request, when it cannot. */
  const refusal = newStation.ok ? null : errorText(newStation.error);
  const options = [
    ...(newStation.ok ? [{ value: AS_NEW, label: t('join.requests.asNew', { station: newStation.name, zone: zone.name }) }] : []),
    ...stations.map((s) => ({ value: s.id, label: t('join.requests.asExisting', { station: s.name }) })),
  ];

  const submit = (event: FormEvent) => {
    setUnchecked(!matches);
    if (!matches) {
      event.preventDefault();
      document.getElementById(checkId)?.focus();
      return;
    }
    void signed.submit(event);
  };
  const saveRoster = async () => {
    const file = await getPlatform().saveFile({ suggestedName: 'zonelink-roster.json', bytes: utf8(await joining.rosterFile()), filter: JSON_FILTER });
    if (file) setSaved({ ok: true, text: t('join.requests.rosterSaved', { file: file.name }) });
  };

  return (
    <Dialog open title={t('join.requests.dialog', { station: request.stationName })} onClose={onClose}>
      {approved ? (
        <div>
          <div role="status" className="alert alert-success">
            {t('join.requests.approved', { station: approved.station })}
          </div>
          <p>{t('join.requests.next', { station: approved.station })}</p>
          <Fingerprint label={t('join.requests.networkFingerprint')} value={approved.networkFingerprint} />
          <LiveResult result={saved} />
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => void saveRoster().catch((e: unknown) => setSaved({ ok: false, text: errorText(e) }))}>
              {t('join.requests.saveRoster')}
            </button>
          </div>
        </div>
      ) : options.length === 0 ? (
        <div>
          <p>{t('join.requests.asked', { station: request.stationName, zone: request.zone })}</p>
          <Alert kind="error">{t('join.requests.noStation', { zone: zone.name, reason: refusal ?? '' })}</Alert>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('join.requests.asked', { station: request.stationName, zone: request.zone })}</p>
          <Fingerprint label={t('join.requests.fingerprint')} value={request.fingerprint} />
          <div className="field">
            <label className="checkbox">
              <input
                id={checkId}
                type="checkbox"
                checked={matches}
                onChange={(e) => setMatches(e.target.checked)}
                aria-invalid={unchecked && !matches}
                aria-describedby={unchecked && !matches ? `${checkId}-error` : undefined}
              />
              {t('join.requests.matches')}
            </label>
            {unchecked && !matches && (
              <p id={`${checkId}-error`} className="field-error">
                {t('join.requests.mustMatch')}
              </p>
            )}
          </div>
          <SelectField
            label={t('join.requests.station')}
            value={choice}
            options={options}
            onChange={setChoice}
            hint={refusal ?? t('join.requests.stationHint', { zone: zone.name })}
          />
          <PassphraseField value={signed.passphrase} onChange={signed.setPassphrase} error={signed.error} />
          {signed.error !== null && !isPassphraseProblem(signed.error) && <Alert kind="error">{errorText(signed.error)}</Alert>}
          <FormActions submitLabel={t('join.requests.approve')} busy={signed.busy} secondary={{ label: t('common.cancel'), onClick: onClose }} />
        </form>
      )}
    </Dialog>
  );
}
