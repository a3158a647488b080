import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { api } from './lib/api';
import { app } from './lib/app.svelte';

// Which UI font stack app.css uses (see --font-ui there).
const agent = navigator.userAgent;
document.documentElement.dataset.platform = /Windows/.test(agent)
  ? 'windows'
  : /Mac OS X|Macintosh/.test(agent)
    ? 'mac'
    : 'linux';

const target = document.getElementById('app');
if (!target) throw new Error('the #app element is missing from index.html');

// Ask for the workspace before building the page: the first frame then shows the workspace
// itself rather than a loading line. Start-up is measured to that frame (see BENCHMARKS.md).
void app.start().then(() => {
  mount(App, { target });
  requestAnimationFrame(() => void api.uiReady());
});
