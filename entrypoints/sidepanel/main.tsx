import { render } from 'preact';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/theme.css';
import '../../components/sidebar/sidebar.css';

render(<SidebarApp />, document.getElementById('app')!);
