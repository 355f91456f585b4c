import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { I18nProvider } from '../../components/i18n';
import '../../components/theme.css';
import '../../components/popup/popup.css';

render(
  <I18nProvider>
    <PopupApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
