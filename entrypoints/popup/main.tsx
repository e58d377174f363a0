import { render } from 'preact';

render(<main>Hashtag Radar</main>, document.getElementById('app')!);
