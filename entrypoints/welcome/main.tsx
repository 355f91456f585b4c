import { render } from 'preact';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';
import { I18nProvider } from '../../components/i18n';
import '../../components/theme.css';
import '../../components/welcome/welcome.css';

render(
  <I18nProvider>
    <WelcomeApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
