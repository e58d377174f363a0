// The options page links here: PRIVACY.md itself, bundled at build time, shown as text.
import policy from '../../PRIVACY.md?raw';

document.querySelector('main')!.textContent = policy;
