import type { FormEvent, ReactNode } from 'react';
import { FormActions } from '../../components/FormActions';
import { useT } from '../../i18n/use-t';

interface Props {
  title: string;
  onBack?: () => void;
  onNext: () => void;
  children: ReactNode;
}

/** One step of the wizard: its heading (focused when the step opens), its content, back and next. */
export function StepForm({ title, onBack, onNext, children }: Props) {
  const { t } = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
  };
  return (
    <form onSubmit={submit}>
      <h2 tabIndex={-1}>{title}</h2>
      {children}
      <FormActions submitLabel={t('common.next')} secondary={onBack && { label: t('common.back'), onClick: onBack }} />
    </form>
  );
}
