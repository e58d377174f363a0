#!/usr/bin/env node
// `npm run dev`: WXT's dev server with hot reload. With a desktop, WXT opens Chromium/Chrome with the
// extension loaded; on a machine without a display it only builds and watches, and says how to load it.
import { spawn } from 'node:child_process';

const headless =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const env = { ...process.env };
if (headless || process.env.HASHTAG_RADAR_NO_BROWSER === '1') {
  env.HASHTAG_RADAR_NO_BROWSER = '1';
  console.log(
    [
      'No display found: building and watching without opening a browser.',
      'Load the extension by hand: chrome://extensions → Developer mode → "Load unpacked" →',
      `  ${process.cwd()}/.output/chrome-mv3-dev`,
      'or run `npm run build` and load .output/chrome-mv3. Without a key, the popup offers sample data.',
      '',
    ].join('\n'),
  );
}
const child = spawn('npx', ['wxt', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
