// Tell the backend once the first frame with this page's content is painted.
requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('ui_ready'));
