// The page's entry, kept small: it asks for the workspace first, then fetches the UI, so the
// backend reads it while the larger UI script is still being fetched and compiled (see
// BENCHMARKS.md, start-up). vite.config.ts preloads that script and its styles from index.html.
import './app.css';
import { api } from './lib/api';

// Which UI font stack app.css uses (see --font-ui there).
const agent = navigator.userAgent;
document.documentElement.dataset.platform = /Windows/.test(agent)
  ? 'windows'
  : /Mac OS X|Macintosh/.test(agent)
    ? 'mac'
    : 'linux';

const target = document.getElementById('app');
if (!target) throw new Error('the #app element is missing from index.html');

const reads = api.startupReads();
// app.start handles a failed read; until it is attached, this keeps it from being reported as
// unhandled.
reads.catch(() => undefined);

import('./start')
  .then(({ start }) => start(reads, target))
  .catch((e: unknown) => {
    // A broken build, or the page failing to build: say so rather than leave an empty window.
    target.textContent = `Trustgap could not start its window: ${String(e)}`;
  });
