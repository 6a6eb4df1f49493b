import { useCallback, useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { ErrorBoundary } from './features/errors/ErrorBoundary';
import { RecoveryScreen } from './features/recovery/RecoveryScreen';
import { createAppRouter } from './features/router';
import { SessionProvider } from './features/session/SessionProvider';
import { LoadingScreen } from './features/shell/LoadingScreen';
import { useDatabase } from './hooks/use-database';
import { useSaveSetting, useStoredLocale } from './hooks/use-settings';
import type { Locale } from './i18n/define';
import { I18nProvider } from './i18n/I18nProvider';
import { mirrorLocale, readMirroredLocale } from './i18n/locale-mirror';
import { getPlatform } from './platform';

/**
 * Opens the database first. Until it is open (and when it cannot be) the language comes from the
 * localStorage mirror; from then on from the settings table, which the mirror follows.
 */
export function App() {
  const [mirrored, setMirrored] = useState<Locale>(readMirroredLocale);
  const database = useDatabase();
  const chooseMirrored = useCallback((locale: Locale) => setMirrored(locale), []);

  if (database?.ok) return <ReadyApp mirrored={mirrored} onMirroredChange={chooseMirrored} />;
  return (
    <LocaleEffects locale={mirrored}>
      <I18nProvider locale={mirrored} onLocaleChange={chooseMirrored}>
        <ErrorBoundary>
          {database ? <RecoveryScreen problem={database.problem} detail={database.detail} /> : <LoadingScreen />}
        </ErrorBoundary>
      </I18nProvider>
    </LocaleEffects>
  );
}

interface ReadyProps {
  mirrored: Locale;
  onMirroredChange: (locale: Locale) => void;
}

function ReadyApp({ mirrored, onMirroredChange }: ReadyProps) {
  const stored = useStoredLocale();
  const saveSetting = useSaveSetting();
  const router = useMemo(createAppRouter, []);
  const locale = stored ?? mirrored;
  // Before the first run is complete nothing is stored: the wizard's choice lives in the mirror
  // and is written with the rest at the end.
  const chooseLocale = useCallback(
    (next: Locale) => {
      onMirroredChange(next);
      if (stored) void saveSetting('locale', next);
    },
    [onMirroredChange, saveSetting, stored],
  );

  return (
    <LocaleEffects locale={locale}>
      <I18nProvider locale={locale} onLocaleChange={chooseLocale}>
        <ErrorBoundary>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </ErrorBoundary>
      </I18nProvider>
    </LocaleEffects>
  );
}

/** Keeps <html lang>, the localStorage mirror and the platform's menu in the UI language. */
function LocaleEffects({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  useEffect(() => {
    mirrorLocale(locale);
    void getPlatform().setLocale(locale);
  }, [locale]);
  return children;
}
