import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { parseStaleAfterDays } from '../../domain/sync-status';
import { useSaveSetting } from '../../hooks/use-settings';
import { useT } from '../../i18n/use-t';

/** After how many days without news a station stands out on the sync screen. */
export function StaleDaysSection({ current }: { current: number }) {
  const { t, errorText } = useT();
  const save = useSaveSetting();
  const [text, setText] = useState(String(current));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    let days: number;
    try {
      days = parseStaleAfterDays(text);
    } catch (e) {
      setError(errorText(e));
      return;
    }
    setError(null);
    save('staleAfterDays', days).then(
      () => {
        setText(String(days));
        setSaved(true);
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <section className="card" aria-labelledby="settings-sync">
      <h2 id="settings-sync">{t('sync.settings.title')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('sync.settings.staleLabel')}
          hint={t('sync.settings.staleHint')}
          error={error}
          value={text}
          onChange={(value) => {
            setSaved(false);
            setText(value);
          }}
          type="text"
          inputMode="numeric"
          className="input-short"
        />
        <div className="actions actions-start">
          <button type="submit" className="button-secondary">
            {t('common.save')}
          </button>
        </div>
      </form>
      {saved && <Alert kind="success">{t('settings.saved')}</Alert>}
    </section>
  );
}
