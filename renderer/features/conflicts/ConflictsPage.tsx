import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { LiveResult } from '../../components/LiveResult';
import { PageHeader } from '../../components/PageHeader';
import { useConflicts, type ConflictChoice, type FieldOpenConflict } from '../../hooks/use-conflicts';
import { useNetwork } from '../../hooks/use-network';
import type { ActionResult } from '../../hooks/use-page-actions';
import { useT } from '../../i18n/use-t';
import { ConflictCard } from './ConflictCard';
import { DuplicateNumberCard } from './DuplicateNumberCard';

/**
 * Open conflicts of every source: the record layer's field conflicts, each settled by choosing a
 * value (no confirmation: another choice undoes it), and the domain modules' derived ones, each
 * settled where its data is changed (accounts sharing a personnel number: on the people page).
 */
export function ConflictsPage() {
  const { t, errorText } = useT();
  const conflicts = useConflicts();
  const network = useNetwork();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  if (!conflicts || network === undefined) return null;

  const choose = (conflict: FieldOpenConflict, choice: ConflictChoice, what: string, value: string) => {
    setBusy(true);
    setResult(null);
    conflict
      .resolve(choice)
      .then(
        () => setResult({ ok: true, text: t('conflicts.resolved', { what, value }) }),
        (e: unknown) => setResult({ ok: false, text: errorText(e) }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <>
      <PageHeader title={t('conflicts.title')} intro={t('conflicts.intro')} />
      <LiveResult result={result} />
      {conflicts.length === 0 ? (
        <EmptyState title={t('conflicts.none')}>
          <p className="muted">{t('conflicts.noneHint')}</p>
        </EmptyState>
      ) : (
        <div className="card-stack">
          {conflicts.map((c) =>
            c.kind === 'field' ? (
              <ConflictCard key={c.key} conflict={c} network={network} busy={busy} onChoose={(choice, what, value) => choose(c, choice, what, value)} />
            ) : (
              <DuplicateNumberCard key={c.key} conflict={c} network={network} />
            ),
          )}
        </div>
      )}
    </>
  );
}
