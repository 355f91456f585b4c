import { render } from 'preact';
import { I18nProvider } from '../../components/i18n';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/theme.css';
import '../../components/sidebar/sidebar.css';

// Inside a page's frame the overlay draws a close button over the top-right corner.
if (new URLSearchParams(location.search).has('embedded')) document.body.classList.add('embedded');

render(
  <I18nProvider>
    <SidebarApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
