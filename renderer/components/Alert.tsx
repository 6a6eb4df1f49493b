import type { ReactNode } from 'react';

interface Props {
  kind: 'error' | 'success' | 'info';
  id?: string;
  children: ReactNode;
}

/** An async result: errors interrupt (role=alert), the others are announced politely. */
export function Alert({ kind, id, children }: Props) {
  return (
    <p id={id} className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
