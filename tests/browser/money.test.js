// The economy page (issue #7): the förbundschef sees the approved budget with
// its unallocated part, the forecast warning, the chart with its table and the
// cost per participant; the ekonom's ledger import shows a bad row in the dry
// run and stores nothing; Västra's samordnare creates a requisition and marks
// it sent. axe-clean at 1280 px and 390 px, no participant data.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();
const PERSONAL_NUMBER = /\b(19|20)?\d{6}[-+]?\d{4}\b/;

test('economy: the förbundschef sees the 2024 budget, warnings, chart and cost per participant', async () => {
  const page = await stegvis.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, 'forbundschef');
  await Promise.all([page.waitForURL(/\/programmes\/\d+\/ekonomi$/), page.click('nav a:text("Ekonomi")')]);
  await Promise.all([page.waitForURL(/year=2024/), page.selectOption('#money-year', '2024').then(() => page.click('button:text("Visa")'))]);
  const budget = page.locator('#budget');
  assert.match(await text(budget), /Beslutad 2023-11-2\d av Förbundsstyrelsen/);
  assert.match(await text(budget.locator('.unallocated')), /^20 000 kr$/);
  assert.match(await text(page.locator('main')), /Prognosmetod: Prognos = bokfört utfall hittills/);
  const lines = page.locator('section:has(h2:text-is("Budget och utfall per budgetrad")) table');
  assert.equal(await text(lines.locator('tbody tr').first().locator('th')), 'Löner');
  assert.match(await text(lines.locator('tbody tr:has(th:text-is("Resor"))')), /Prognosen överstiger budgeten/);
  assert.match(await text(page.locator('.warning-card')), /Resor: prognos/);
  assert.equal(await page.locator('canvas[data-chart]').count(), 1);
  assert.equal(await page.locator('section:has(h2:text-is("Utfall per månad")) tbody tr').count(), 12);
  assert.ok(await page.locator('section:has(h2:text-is("Kostnad per deltagare")) tbody tr').count() >= 4);
  assert.equal(await page.locator('a:text("Bemanning och medfinansiering")').getAttribute('href'),
    page.url().replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '') + '/bemanning');
  assert.doesNotMatch(await text(page.locator('main')), PERSONAL_NUMBER);
  await assertAccessible(page, 'economy page 1280');
  await screenshot(page, 'economy-1280');
  await page.setViewportSize({ width: 390, height: 800 });
  await assertNoHorizontalScroll(page, 'economy page 390');
  await assertAccessible(page, 'economy page 390');
  await screenshot(page, 'economy-390');
});

test('economy: the ekonom dry-runs an import with one bad row, then nothing is stored', async () => {
  const page = await stegvis.newPage();
  await login(page, 'ekonom');
  await page.goto('/ekonomi');
  await page.waitForURL(/\/ekonomi$/);
  const csv = 'month;line;amount;unit;note\n2024-03-31;resor;1 234,50;Västra;Tåg\n2024-03;hyra;100;;\n';
  await page.fill('#i-text', csv);
  await Promise.all([page.waitForLoadState('load'), page.click('button:text("Provläs (inget sparas)")')]);
  const rows = page.locator('table.import-rows tbody tr');
  assert.equal(await rows.count(), 2);
  assert.match(await text(rows.nth(0)), /^1 Läses in/);
  assert.match(await text(rows.nth(1)), /^2 Fel Rad 2: okänd budgetrad "hyra"/);
  await assertAccessible(page, 'import dry run');
  await Promise.all([page.waitForLoadState('load'), page.click('button:text-is("Läs in")')]);
  assert.match(await text(page.locator('#kostnader p.error')), /1 rader med fel. Inget lästes in/);
  assert.doesNotMatch(await text(page.locator('#kostnader')), /Tåg/);
});

test('economy: Västra\'s samordnare creates a requisition and marks it sent', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  await page.goto('/ekonomi');
  await page.waitForURL(/\/ekonomi$/);
  assert.match(await text(page.locator('main h1')), /Ekonomi \d{4}/);
  assert.match(await text(page.locator('main .meta').first()), /Västra/);
  // The demo left the latest period as a draft; a new one for the year before is created here.
  await page.fill('#r-from', '2024-01-01');
  await page.fill('#r-to', '2024-02-29');
  await Promise.all([page.waitForURL(/saved=requisition/), page.click('button:text-is("Skapa rekvisition")')]);
  const row = page.locator('table.requisitions tbody tr:has(th:text-is("2024-01-01 – 2024-02-29"))');
  assert.match(await text(row), /2024-03-31/);
  assert.match(await text(row), /Utkast/);
  await Promise.all([page.waitForURL(/saved=requisition/), row.locator('button:text("Markera skickad")').click()]);
  assert.match(await text(page.locator('table.requisitions tbody tr:has(th:text-is("2024-01-01 – 2024-02-29"))')), /Skickad/);
  assert.equal(await page.locator('button:text("Markera betald")').count(), 0, 'only the ekonom or förbundschef marks paid');
  await assertAccessible(page, 'requisitions');
});
