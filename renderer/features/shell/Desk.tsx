import { useCallback, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { useNetwork } from '../../hooks/use-network';
import { useSession } from '../../hooks/use-session';
import { useSettings } from '../../hooks/use-settings';
import { FirstRunWizard } from '../first-run/FirstRunWizard';
import { SignInScreen } from '../session/SignInScreen';
import { AppFrame } from './AppFrame';
import { LoadingScreen } from './LoadingScreen';

/**
 * The root of every route: first run until this station is set up, the sign-in screen while
 * nobody is signed in (or the desk is locked), else the frame with the page of the address.
 */
export function Desk() {
  const settings = useSettings();
  const network = useNetwork();
  const session = useSession();
  const navigate = useNavigate();
  // Once the wizard writes, the station exists, but the wizard still shows its last step.
  const [wizardOpen, setWizardOpen] = useState(false);
  const holdWizard = useCallback(() => setWizardOpen(true), []);
  const finishWizard = useCallback(() => {
    setWizardOpen(false);
    void navigate('/');
  }, [navigate]);

  if (settings === undefined || network === undefined) return <LoadingScreen />;
  if (settings.station === null || network === null || wizardOpen) {
    return <FirstRunWizard onCommit={holdWizard} onFinish={finishWizard} />;
  }
  if (!session.person) return <SignInScreen network={network} station={settings.station} locked={session.locked} />;
  return (
    <AppFrame network={network} station={settings.station} person={session.person}>
      <Outlet />
    </AppFrame>
  );
}
