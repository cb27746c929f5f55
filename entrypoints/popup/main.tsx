import { render } from 'preact';
import '@/components/ui.css';
import { Popup } from '@/components/popup/Popup';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<Popup />, document.getElementById('app')!);
