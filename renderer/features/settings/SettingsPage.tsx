import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { AUTO_LOCK_CHOICES } from '../../data/settings';
import { useNetwork } from '../../hooks/use-network';
import { usePeopleActions } from '../../hooks/use-people';
import { useSession } from '../../hooks/use-session';
import { useSaveSetting, useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/use-t';
import { PasswordForm } from '../people/PasswordForm';
import { StationLabel } from '../shell/StationLabel';
import { StaleDaysSection } from './StaleDaysSection';
import { StorageSection } from './StorageSection';

export function SettingsPage() {
  const { t, errorText } = useT();
  const settings = useSettings();
  const network = useNetwork();
  const { person } = useSession();
  const people = usePeopleActions();
  const saveSetting = useSaveSetting();
  const [lockResult, setLockResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (!settings || !network || !person || !settings.station) return null;

  const saveAutoLock = (value: string) => {
    setLockResult(null);
    saveSetting('autoLockMinutes', Number(value)).then(
      () => setLockResult({ ok: true, text: t('settings.saved') }),
      (e: unknown) => setLockResult({ ok: false, text: errorText(e) }),
    );
  };

  return (
    <>
      <PageHeader title={t('settings.title')} intro={t('settings.intro')} />
      <div className="card-stack card-stack-narrow">
        <section className="card" aria-labelledby="settings-language">
          <h2 id="settings-language">{t('settings.language')}</h2>
          <p className="muted">{t('settings.languageHint')}</p>
          <LanguageSwitch />
        </section>
        <section className="card" aria-labelledby="settings-lock">
          <h2 id="settings-lock">{t('settings.autoLock')}</h2>
          <SelectField
            label={t('settings.autoLockLabel')}
            hint={t('settings.autoLockHint')}
            value={String(settings.autoLockMinutes)}
            options={AUTO_LOCK_CHOICES.map((m) => ({
              value: String(m),
              label: m === 0 ? t('settings.autoLockOff') : t('settings.autoLockMinutes', { minutes: m }),
            }))}
            onChange={saveAutoLock}
          />
          {lockResult && <Alert kind={lockResult.ok ? 'success' : 'error'}>{lockResult.text}</Alert>}
        </section>
        <StaleDaysSection current={settings.staleAfterDays} />
        <section className="card" aria-labelledby="settings-password">
          <h2 id="settings-password">{t('settings.password')}</h2>
          <PasswordForm
            personnelNumber={person.personnelNumber}
            submitLabel={t('settings.passwordSubmit')}
            onSubmit={(password) => people.setPassword(person.id, password)}
          />
        </section>
        <StorageSection />
        <section className="card" aria-labelledby="settings-station">
          <h2 id="settings-station">{t('settings.station')}</h2>
          <StationLabel network={network} station={settings.station} />
          <p className="muted">{t('settings.stationHint', { network: network.name })}</p>
        </section>
      </div>
    </>
  );
}
