// Vitest setup: a fresh Tauri IPC mock per test, and what jsdom lacks that components use.
import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';

// bind:clientHeight observes sizes; jsdom does no layout, so there is nothing to report.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// jsdom does no layout, so there is nowhere to scroll to.
for (const name of ['scrollIntoView', 'scrollTo']) {
  if (!(name in Element.prototype)) Object.defineProperty(Element.prototype, name, { value: () => undefined });
}

afterEach(() => {
  clearMocks();
});
