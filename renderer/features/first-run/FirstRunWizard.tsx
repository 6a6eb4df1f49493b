import { useEffect, useRef, useState } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { StepIndicator } from '../../components/StepIndicator';
import type { Person } from '../../data/people';
import { stationsOfZone } from '../../domain/network';
import { networkFromTemplate } from '../../domain/wvl4-template';
import { useSession } from '../../hooks/use-session';
import { useT } from '../../i18n/use-t';
import { uuidv7 } from '../../sync/ids';
import { AccountStep } from './AccountStep';
import { DoneStep } from './DoneStep';
import { JoinBundleStep } from './JoinBundleStep';
import { JoinRequestStep } from './JoinRequestStep';
import { JoinRosterStep } from './JoinRosterStep';
import { NetworkStep } from './NetworkStep';
import { StationStep } from './StationStep';
import { WelcomeStep, type NetworkSource } from './WelcomeStep';

const STEPS = {
  template: ['welcome', 'network', 'station', 'account', 'done'],
  join: ['welcome', 'request', 'roster', 'bundle'],
} as const;
type Step = (typeof STEPS)[NetworkSource][number];

const STEP_LABELS = {
  welcome: 'firstRun.step.welcome',
  network: 'firstRun.step.network',
  station: 'firstRun.step.station',
  account: 'firstRun.step.account',
  done: 'firstRun.step.done',
  request: 'join.step.request',
  roster: 'join.step.roster',
  bundle: 'join.step.bundle',
} as const satisfies Record<Step, string>;

interface Props {
  /** Called just before the wizard writes: from then on the station exists but the wizard stays. */
  onCommit: () => void;
  onFinish: () => void;
}

/**
 * Sets up a new station. Everything stays in memory until the account step, which writes it all
 * in one go (completeFirstRun), so leaving halfway leaves no trace. A station that joins a
 * network (decision 0047) keeps only its keys until it adopts the roster.
 */
export function FirstRunWizard({ onCommit, onFinish }: Props) {
  const { t } = useT();
  const { begin } = useSession();
  const [step, setStep] = useState<Step>('welcome');
  const [source, setSource] = useState<NetworkSource>('template');
  const [network] = useState(() => networkFromTemplate(uuidv7));
  const [zoneId, setZoneId] = useState(() => network.zones[0]?.id ?? '');
  const [stationId, setStationId] = useState(() => stationsOfZone(network, zoneId)[0]?.id ?? '');
  const [person, setPerson] = useState<Person | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);

  // A new step announces itself: focus moves to its heading.
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    body.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [step]);

  const go = (next: Step) => setStep(next);
  const steps: readonly Step[] = STEPS[source];

  return (
    <main className="center-screen wizard">
      <div className="card card-wide">
        <div className="wizard-top">
          <h1>{t('firstRun.title')}</h1>
          {step === 'welcome' && <LanguageSwitch />}
        </div>
        <StepIndicator label={t('firstRun.steps')} steps={steps.map((s) => t(STEP_LABELS[s]))} current={steps.indexOf(step)} />
        <div ref={body} className="wizard-body">
          {step === 'welcome' && <WelcomeStep source={source} onSourceChange={setSource} onNext={() => go(source === 'join' ? 'request' : 'network')} />}
          {step === 'request' && <JoinRequestStep onBack={() => go('welcome')} onNext={() => go('roster')} />}
          {step === 'roster' && <JoinRosterStep onBack={() => go('request')} onCommit={onCommit} onJoined={() => go('bundle')} />}
          {step === 'bundle' && <JoinBundleStep onFinish={onFinish} />}
          {step === 'network' && <NetworkStep network={network} onBack={() => go('welcome')} onNext={() => go('station')} />}
          {step === 'station' && (
            <StationStep
              network={network}
              zoneId={zoneId}
              stationId={stationId}
              onChange={(z, s) => {
                setZoneId(z);
                setStationId(s);
              }}
              onBack={() => go('network')}
              onNext={() => go('account')}
            />
          )}
          {step === 'account' && (
            <AccountStep
              network={network}
              zoneId={zoneId}
              stationId={stationId}
              onBack={() => go('station')}
              onCommit={onCommit}
              onDone={(p) => {
                setPerson(p);
                begin(p);
                go('done');
              }}
            />
          )}
          {step === 'done' && person && <DoneStep network={network} zoneId={zoneId} stationId={stationId} person={person} onFinish={onFinish} />}
        </div>
      </div>
    </main>
  );
}
