import { useT } from '../../i18n/use-t';
import { StepForm } from './StepForm';

/** How this station gets its network. Joining an existing network comes as a second choice later. */
export type NetworkSource = 'template';

interface Props {
  source: NetworkSource;
  onSourceChange: (source: NetworkSource) => void;
  onNext: () => void;
}

export function WelcomeStep({ source, onSourceChange, onNext }: Props) {
  const { t } = useT();
  return (
    <StepForm title={t('firstRun.welcome.title')} onNext={onNext}>
      <p>{t('firstRun.welcome.intro')}</p>
      <fieldset className="choice-list">
        <legend>{t('firstRun.welcome.how')}</legend>
        <label className="choice">
          <input type="radio" name="source" value="template" checked={source === 'template'} onChange={() => onSourceChange('template')} />
          <span>
            <strong>{t('firstRun.welcome.template')}</strong>
            <span className="choice-hint">{t('firstRun.welcome.templateHint')}</span>
          </span>
        </label>
      </fieldset>
    </StepForm>
  );
}
