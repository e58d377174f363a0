import { render } from 'preact';
import { localizePage, t } from '@/lib/i18n';
import { Options } from './Options';
import './style.css';

localizePage(t('optionsTitle'));
render(<Options />, document.getElementById('app')!);
