import { Busy } from '../../components/Busy';
import { useT } from '../../i18n/use-t';

export function LoadingScreen() {
  const { t } = useT();
  return (
    <main className="center-screen">
      <Busy label={t('app.loading')} />
    </main>
  );
}
