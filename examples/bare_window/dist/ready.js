// Tell the backend once the first frame with this page's content has been painted: the frame
// after the one in which it is painted (an animation frame callback runs before its frame's
// layout and paint).
requestAnimationFrame(() =>
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('ui_ready')),
);
