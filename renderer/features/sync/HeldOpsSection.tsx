import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LiveResult } from '../../components/LiveResult';
import type { NetworkDefinition } from '../../domain/network';
import { useReleaseHeld, useHeldOps } from '../../hooks/use-sync-held';
import { formatDateTime } from '../../i18n/dates';
import { useT } from '../../i18n/use-t';
import { fieldLabel } from '../conflicts/field-label';
import { formatSpan } from './relative-time';

interface Props {
  network: NetworkDefinition;
  /** Network administrators may release held ops. */
  mayRelease: boolean;
}

/** Ops held back because their station's clock is too far ahead; administrators release them after a confirmation. */
export function HeldOpsSection({ network, mayRelease }: Props) {
  const { t, locale, errorText } = useT();
  const held = useHeldOps();
  const release = useReleaseHeld();
  const [asked, setAsked] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (!held) return null;

  const stationName = (id: string) => network.stations.find((s) => s.id === id)?.name ?? t('conflicts.unknownStation');
  const askedOps = held.filter((h) => asked?.includes(h.key));
  const maxAhead = Math.max(0, ...askedOps.map((h) => h.aheadMs));
  const ask = (keys: string[]) => {
    setResult(null);
    setConfirmError(null);
    setAsked(keys);
  };
  const confirm = () => {
    setBusy(true);
    release(askedOps.map((h) => h.key))
      .then(
        () => {
          setAsked(null);
          setResult({ ok: true, text: t('sync.held.released', { count: askedOps.length }) });
        },
        (e: unknown) => setConfirmError(errorText(e)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="sync-held">
      <div className="card-header">
        <div>
          <h2 id="sync-held">{t('sync.held')}</h2>
          <p className="muted">{t('sync.held.intro')}</p>
        </div>
        {mayRelease && held.length > 1 && (
          <button type="button" className="button-secondary" onClick={() => ask(held.map((h) => h.key))}>
            {t('sync.held.releaseAll')}
          </button>
        )}
      </div>
      <LiveResult result={result} />
      {held.length === 0 ? (
        <p>{t('sync.held.none')}</p>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">{t('sync.held.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sync.held.col.station')}</th>
                <th scope="col">{t('sync.held.col.what')}</th>
                <th scope="col">{t('sync.held.col.ahead')}</th>
                <th scope="col">{t('sync.held.col.since')}</th>
                {mayRelease && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {held.map((h) => {
                const station = stationName(h.op.origin);
                const what = fieldLabel(t, h.op.table, h.op.field);
                return (
                  <tr key={h.key}>
                    <td>{station}</td>
                    <td className="wrap">{what}</td>
                    <td>{formatSpan(h.aheadMs, locale)}</td>
                    <td>
                      <time dateTime={h.heldAt}>{formatDateTime(h.heldAt, locale)}</time>
                    </td>
                    {mayRelease && (
                      <td>
                        <button type="button" className="button-link" onClick={() => ask([h.key])} aria-label={t('sync.held.releaseNamed', { station, what })}>
                          {t('sync.held.release')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!mayRelease && <p className="muted">{t('sync.held.adminOnly')}</p>}
        </>
      )}
      <ConfirmDialog
        open={asked !== null}
        title={t('sync.held.confirmTitle')}
        message={t('sync.held.confirmText', { count: askedOps.length, ahead: formatSpan(maxAhead, locale) })}
        confirmLabel={t('sync.held.release')}
        busy={busy}
        error={confirmError}
        onCancel={() => setAsked(null)}
        onConfirm={confirm}
      />
    </section>
  );
}
