import { useT } from '../../i18n/use-t';

interface Props {
  title: string;
  counts: Readonly<Record<string, number>>;
  label: (key: string) => string;
}

/** "Account: 3" per key, largest first: the changes of a bundle per area or per origin station. */
export function CountList({ title, counts, label }: Props) {
  const { locale } = useT();
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <div className="count-list">
      <h3>{title}</h3>
      <ul className="plain-list">
        {entries.map(([key, n]) => (
          <li key={key}>
            {label(key)}: {n.toLocaleString(locale)}
          </li>
        ))}
      </ul>
    </div>
  );
}
