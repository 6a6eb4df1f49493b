import { useT } from '../../i18n/use-t';
import { StepForm } from './StepForm';

/** How this station gets its network: a new one from the template, or joining one that exists. */
export type NetworkSource = 'template' | 'join';

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
        <label className="choice">
          <input type="radio" name="source" value="join" checked={source === 'join'} onChange={() => onSourceChange('join')} />
          <span>
            <strong>{t('join.welcome.join')}</strong>
            <span className="choice-hint">{t('join.welcome.joinHint')}</span>
          </span>
        </label>
      </fieldset>
    </StepForm>
  );
}
