import { render } from 'preact';
import { localizePage, t } from '../../lib/i18n';
import { App } from './App';
import { createRadar } from './radar';
import './style.css';

localizePage(t('extName'));

// Ask the background before the first render: the cached list is on its way while Preact starts.
const radar = createRadar();
const ready = radar.start();
render(<App radar={radar} ready={ready} />, document.getElementById('app')!);
