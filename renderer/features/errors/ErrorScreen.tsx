import { classifyOpenError, isDatabaseError } from '../../data/recovery';
import { useT } from '../../i18n/use-t';
import { RecoveryScreen } from '../recovery/RecoveryScreen';

/** A database failure leads to the recovery screen; anything else to a plain explanation. */
export function ErrorScreen({ error }: { error: unknown }) {
  const { t, errorText } = useT();
  if (isDatabaseError(error)) return <RecoveryScreen problem={classifyOpenError(error)} detail={String(error)} />;
  return (
    <main className="center-screen">
      <div className="card card-narrow" role="alert">
        <h1>{t('crash.title')}</h1>
        <p>{errorText(error)}</p>
        <p>{t('crash.advice')}</p>
        <div className="actions">
          <button type="button" className="button-primary" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </button>
        </div>
      </div>
    </main>
  );
}
