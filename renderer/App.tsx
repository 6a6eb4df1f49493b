import { translate } from './i18n/messages';
import { DEFAULT_LOCALE } from './i18n/define';

export function App() {
  return <main>{translate(DEFAULT_LOCALE, 'app.loading')}</main>;
}
