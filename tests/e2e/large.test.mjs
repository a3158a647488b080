// End-to-end: the sample assessment in a 1920×1080 window, then with the text at 200 % (the
// root font size doubled: every size in the app is in rem, so this is what a user's text zoom
// does). On every screen nothing scrolls sideways, the window itself never scrolls, every primary
// control is in view, and the sidebar's own text (the app name, the assessment card, the screen
// names) is not cut off.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, STARTUP_TIMEOUT_MS } from "./harness.mjs";
import { layoutProblems } from "./journey/layout.mjs";
import { PLAN, QUESTIONNAIRE } from "./journey/context.mjs";

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "artifacts");
const SIZE = { width: 1920, height: 1080 };

/** Each screen, how to tell it has loaded, and its primary controls. */
const SCREENS = [
  {
    id: "results",
    ready: "[data-testid=overall-score]",
    primary: ["[data-testid=take-snapshot]", "[data-testid=overall-score]"],
  },
  {
    id: "questionnaire",
    ready: "[data-testid=question]",
    primary: QUESTIONNAIRE,
  },
  { id: "plan", ready: "[data-testid=plan-action-row]", primary: PLAN },
  {
    id: "policies",
    ready: "[data-testid=policy-section]",
    primary: [
      "[data-testid=policy-item]",
      "[data-testid=export-pack-pdf]",
      "[data-testid=policy-approver]",
      "[data-testid=section-edit]",
    ],
  },
  {
    id: "reports",
    ready: "[data-testid=report-pages]",
    primary: [
      "[data-testid=export-report]",
      "[data-testid=export-summary]",
      "[data-testid=export-json]",
    ],
  },
  {
    id: "workspace",
    ready: "[data-testid=open-assessment]",
    primary: ["[data-testid=open-assessment]", "[data-testid=row-menu]"],
  },
];

// The sidebar's text elements that must show whole: a clipped label has more content than box.
const CLIPPED_SIDEBAR_TEXT = `
const out = [];
for (const el of document.querySelectorAll('[data-testid=sidebar] .name, [data-testid=sidebar] .brand > span:not(.mark), [data-testid=current-assessment] *')) {
  if (el.children.length > 0 || !el.textContent.trim()) continue;
  if (el.scrollWidth > el.clientWidth + 1) out.push(JSON.stringify(el.textContent.trim()) + ' is cut off (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
}
return out;
`;

describe("the sample at 1920x1080 and at 200 % text", () => {
  let app = null;
  let dataDir = null;
  let saveDir = null;

  before(
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      dataDir = mkdtempSync(join(tmpdir(), "trustgap-e2e-large-"));
      saveDir = mkdtempSync(join(tmpdir(), "trustgap-e2e-large-exports-"));
      app = await launch({
        dataDir,
        saveDir,
        log: join(ARTIFACTS, "tauri-driver-large.log"),
      });
      const s = app.session;
      await s.command(
        "POST",
        "/window/rect",
        { x: 0, y: 0, ...SIZE },
        "set the window size",
      );
      await s.waitFor(
        async (x) => {
          const [w, h] = await x.execute("return [innerWidth, innerHeight];");
          return w === SIZE.width && h === SIZE.height;
        },
        { message: "the page to be 1920x1080" },
      );
      await s.click("[data-testid=open-sample]");
      await s.find("[data-testid=overall-score]", { visible: true });
    },
    { timeout: STARTUP_TIMEOUT_MS * 2 },
  );

  after(
    async () => {
      try {
        await app?.stop();
      } finally {
        for (const dir of [dataDir, saveDir])
          if (dir) rmSync(dir, { recursive: true, force: true });
      }
    },
    { timeout: 30_000 },
  );

  for (const zoom of [1, 2]) {
    test(
      `every screen fits at ${zoom * 100} % text`,
      { timeout: 120_000 },
      async () => {
        const s = app.session;
        // The app's root size is set in its stylesheet; scale it as a text zoom would.
        await s.execute(
          `const root = document.documentElement;
         root.style.fontSize = '';
         const base = parseFloat(getComputedStyle(root).fontSize);
         root.style.fontSize = (base * arguments[0]) + 'px';`,
          [zoom],
        );
        for (const screen of SCREENS) {
          await s.click(`[data-testid=nav-${screen.id}]`);
          await s.find(screen.ready, { visible: true });
          const label = `${screen.id} at 1920x1080, ${zoom * 100} % text`;
          try {
            assert.deepEqual(
              await layoutProblems(s, screen.primary),
              [],
              label,
            );
            assert.deepEqual(
              await s.execute(CLIPPED_SIDEBAR_TEXT),
              [],
              `${label}: the sidebar`,
            );
          } catch (e) {
            await s
              .screenshot(
                join(ARTIFACTS, `large-${screen.id}-${zoom * 100}.png`),
              )
              .catch(() => {});
            throw e;
          }
        }
      },
    );
  }
});
