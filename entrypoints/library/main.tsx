import { render } from 'preact';
import { LibraryApp } from '../../components/library/LibraryApp';
import { I18nProvider } from '../../components/i18n';
import '../../components/theme.css';
import '../../components/library/library.css';

render(
  <I18nProvider>
    <LibraryApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
