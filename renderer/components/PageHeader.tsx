import type { ReactNode } from 'react';

interface Props {
  title: string;
  intro?: string;
  children?: ReactNode;
}

/** A page's h1 (focused after navigation, hence tabIndex -1), its intro and its main actions. */
export function PageHeader({ title, intro, children }: Props) {
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1}>{title}</h1>
        {intro && <p className="page-intro">{intro}</p>}
      </div>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}
