import { render } from 'preact';
import { DatasetApp } from '../../components/dataset/DatasetApp';
import { I18nProvider } from '../../components/i18n';
import '../../components/theme.css';
import '../../components/dataset/dataset.css';

render(
  <I18nProvider>
    <DatasetApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
