import { render } from 'preact';
import { chartColors } from '../../components/charts';
import { localizePage, t } from '../../lib/i18n';
import { App } from './App';
import { createMarks } from './marks';
import { createRadar } from './radar';
import './style.css';

localizePage(t('extName'));

// The storage read it paints from was started while the page was parsed (public/popup-early.js).
const radar = createRadar();
const ready = radar.start();
const marks = createMarks();
void marks.start();
// The sparklines' colours are read now, from a document still empty: read among the rows, they
// would restyle the whole list once more.
chartColors();
render(<App radar={radar} ready={ready} marks={marks} />, document.getElementById('app')!);
