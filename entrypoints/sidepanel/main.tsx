/**
 * The side panel (Chrome) and sidebar (Firefox): the popup's app in a tall, narrow layout, with
 * "On this page" beside it (Panel.tsx). Only the layout and that view are the panel's own.
 */
import { render } from 'preact';
import { localizePage, t } from '../../lib/i18n';
import { createMarks } from '../popup/marks';
import { createRadar } from '../popup/radar';
import { Panel } from './Panel';
import '../popup/style.css';
import './style.css';

localizePage(t('extName'));

// As in the popup: ask the background before the first render.
const radar = createRadar();
const ready = radar.start();
const marks = createMarks();
void marks.start();
render(<Panel radar={radar} ready={ready} marks={marks} />, document.getElementById('app')!);
