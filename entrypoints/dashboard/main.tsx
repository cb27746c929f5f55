import { render } from 'preact';
import '@/components/ui.css';
import { Dashboard } from '@/components/dashboard/Dashboard';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<Dashboard />, document.getElementById('app')!);
