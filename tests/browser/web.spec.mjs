// Browser tests of the corroborate web app, with playwright-core and the system Chromium.
//
//   BASE_URL=http://127.0.0.1:8765 node web.spec.mjs
//
// Expects a server over a store built by `corroborate add` of the seed corpus
// (us-mexico-migration-talks) and of hostile.jsonl. Never downloads a browser: CHROMIUM
// (default /usr/bin/chromium) is launched headless. Screenshots go to ./screenshots/.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const BASE = process.env.BASE_URL || "http://127.0.0.1:8000";
const SHOTS = join(here, "screenshots");
mkdirSync(SHOTS, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "corroborate-chromium-"));

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`FAIL - ${name}: ${err && err.message ? err.message : err}`);
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}
const norm = (s) => (s || "").replace(/\s+/g, " ").trim();

// A fresh profile folder (playwright passes it to Chromium as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1200, height: 900 },
});
const page = context.pages()[0] || (await context.newPage());
const dialogs = [];
const pageErrors = [];
page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
page.on("pageerror", (e) => pageErrors.push(String(e)));
page.setDefaultTimeout(15000);

let storyUrl = null;

try {
  await check("story list shows the seed story", async () => {
    await page.goto(BASE + "/");
    await page.screenshot({ path: join(SHOTS, "01-stories.png"), fullPage: true });
    const links = page.locator("#story-rows a", { hasText: /Mexic|Migration/i });
    expect((await links.count()) > 0, "no seed story in the list");
    storyUrl = new URL(await links.first().getAttribute("href"), BASE).href;
  });

  await check("search finds the seed story as you type", async () => {
    await page.fill("form.search input[type=search]", "Sherwood");
    await page.waitForFunction(() => location.search.includes("Sherwood"));
    const rows = page.locator("#story-rows tbody tr");
    expect((await rows.count()) >= 1, "search found nothing");
    await page.screenshot({ path: join(SHOTS, "02-search.png") });
  });

  await check("story page has every section of the brief", async () => {
    expect(storyUrl, "no story url");
    await page.goto(storyUrl);
    await page.screenshot({ path: join(SHOTS, "03-story.png"), fullPage: true });
    for (const id of ["summary", "facts", "coverage", "people", "quotes", "conflicts", "numbers", "timeline", "next", "sources"]) {
      expect(await page.locator(`section#${id}`).isVisible(), `section #${id} missing`);
    }
    expect((await page.locator("ol.summary li").count()) >= 3, "summary too short");
    expect((await page.locator("#numbers .verdict").count()) >= 1, "no number verdicts");
    expect((await page.locator("#quotes .version").count()) >= 2, "no quote versions");
  });

  await check("conflicts are visible (Sherwood-Randall's title)", async () => {
    const box = page.locator("#conflicts .conflict-box", { hasText: "Sherwood-Randall" });
    expect((await box.count()) >= 1, "no Sherwood-Randall conflict");
    expect(await box.first().isVisible(), "conflict not visible");
    const flag = page.locator("#people .conflict-flag");
    expect((await flag.count()) >= 1, "no conflict flag in the people table");
    await page.locator("#conflicts").screenshot({ path: join(SHOTS, "04-conflicts.png") });
  });

  await check("a summary citation opens the article at the cited sentence", async () => {
    const item = page.locator("ol.summary li").first();
    const sentence = norm(await item.evaluate((li) =>
      Array.from(li.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("")));
    const cite = item.locator("a.cite").first();
    await Promise.all([page.waitForURL(/\/articles\/.+#hl$/), cite.click()]);
    const cited = norm(await page.locator("article.article-text .cited").allTextContents().then((t) => t.join("")));
    expect(cited === sentence, `cited text differs:\n  page: ${cited}\n  summary: ${sentence}`);
    const inView = await page.locator("article.article-text .cited").first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView, "the cited sentence is not scrolled into view");
    await page.screenshot({ path: join(SHOTS, "05-cited-article.png") });
  });

  await check("a second-source citation lands on that source's own sentence", async () => {
    await page.goto(storyUrl);
    const multi = page.locator("#facts ul.facts li").filter({ has: page.locator("a.cite:nth-of-type(2)") }).first();
    const links = multi.locator("a.cite");
    expect((await links.count()) >= 2, "no fact with two sources");
    const href = await links.nth(1).getAttribute("href");
    await page.goto(new URL(href, BASE).href);
    const cited = norm((await page.locator("article.article-text .cited").allTextContents()).join(""));
    expect(cited.length > 20, "nothing marked as cited");
  });

  await check("hostile article renders inert", async () => {
    await page.goto(BASE + "/articles/hostile");
    await page.screenshot({ path: join(SHOTS, "06-hostile.png"), fullPage: true });
    const text = await page.locator("article.article-text").innerText();
    expect(text.includes("<script>"), "the script tag is not shown as text");
    expect(text.includes("onerror"), "the img tag is not shown as text");
    const pwned = await page.evaluate(() => window.__pwned);
    expect(pwned === undefined, `hostile script ran (__pwned=${pwned})`);
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => e.getAttribute("src")));
    expect(scripts.every((s) => s === "/static/app.js"), `unexpected scripts: ${scripts}`);
    expect((await page.locator("img").count()) === 0, "an <img> from the article was rendered");
    expect((await page.locator("svg").count()) === 0, "an <svg> from the article was rendered");
    const jsLinks = await page.locator("a").evaluateAll((els) =>
      els.map((a) => a.getAttribute("href") || "").filter((h) => !/^(https?:|\/|#|\?)/.test(h)));
    expect(jsLinks.length === 0, `non-http links: ${jsLinks}`);
    expect(await page.title().then((t) => t.includes("<script>")), "title not escaped as text");
  });

  await check("hostile story page renders inert too", async () => {
    await page.goto(BASE + "/?q=hostile");
    await page.goto(BASE + "/");
    const links = await page.locator("#story-rows a").evaluateAll((els) => els.map((a) => a.href));
    for (const href of links) {
      await page.goto(href);
    }
    const pwned = await page.evaluate(() => window.__pwned);
    expect(pwned === undefined, "hostile script ran on a story page");
  });

  await check("upload page works without JavaScript errors", async () => {
    await page.goto(BASE + "/upload");
    expect(await page.locator("form.upload input[type=file]").isVisible(), "no file input");
    await page.screenshot({ path: join(SHOTS, "07-upload.png") });
  });

  await check("no dialog fired and no page errors", async () => {
    expect(dialogs.length === 0, `dialogs fired: ${dialogs}`);
    expect(pageErrors.length === 0, `page errors: ${pageErrors}`);
  });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
