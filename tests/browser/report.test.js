// The period report page and the steering group's dashboard: choosing a period
// and a grouping, the tables and charts, targets met or not met in words, a
// target configured on the programme page, axe, and no personal data for the
// styrgrupp account.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();

// A personal number (YYYYMMDD-NNNN or YYMMDD-NNNN) anywhere in the text.
const PERSONAL_NUMBER = /\b(19|20)?\d{6}[-+]?\d{4}\b/;

async function openProgramme(page) {
  await page.goto('/');
  await Promise.all([page.waitForURL(/\/programmes\/\d+$/), page.click('article.card h3 a')]);
}

test('report: insatsansvarig chooses Q4 2025 by gender and sees tables, charts and targets', async () => {
  const page = await stegvis.newPage();
  await login(page, 'insatsansvarig');
  await openProgramme(page);
  await Promise.all([page.waitForURL(/\/rapport$/), page.click('main a:text("Periodrapport")')]);
  // The default is the last full quarter.
  assert.match(await page.$eval('#r-preset', (s) => s.selectedOptions[0].textContent), /^Kvartal \d 20\d\d/);
  await page.selectOption('#r-preset', { label: 'Kvartal 4 2025 (2025-10-01 – 2025-12-31)' });
  await page.selectOption('#r-group', 'gender');
  await Promise.all([page.waitForURL(/preset=2025-10-01_2025-12-31/), page.click('button:text("Visa rapport")')]);
  assert.match(await text(page.locator('main h1')), /Periodrapport – Sikta mot arbetslivet/);
  assert.match(await text(page.locator('main .meta').first()), /Period 2025-10-01 – 2025-12-31, grupperad efter Kön/);
  const volumes = page.locator('section:has(h2:text-is("Volymer")) table');
  assert.deepEqual(await volumes.locator('thead th').allInnerTexts(),
    ['Kön', 'Aktiva vid periodens start', 'Påbörjade', 'Avslutade', 'Aktiva vid periodens slut']);
  assert.equal(await text(volumes.locator('tbody tr').last().locator('th')), 'Totalt');
  // Targets: each in words, with its colour class.
  const targets = page.locator('ul.targets li');
  assert.equal(await targets.count(), 4);
  const states = await page.locator('ul.targets .target-state').allInnerTexts();
  for (const s of states) assert.ok(['Uppfyllt', 'Ej uppfyllt', 'Underlag saknas', 'Dolt (små tal skyddas)'].includes(s), s);
  assert.ok(states.some((s) => s === 'Uppfyllt' || s === 'Ej uppfyllt'), states.join(', '));
  assert.equal(await page.locator('ul.targets li.target-met, ul.targets li.target-not_met').count() > 0, true);
  // Charts drawn by Chart.js beside the tables; downloads offered.
  await page.locator('canvas[data-chart][data-drawn="1"]').first().waitFor();
  assert.equal(await page.locator('canvas[data-chart]').count(), 2);
  const xlsx = await page.locator('a:text("Excel (.xlsx)")').getAttribute('href');
  assert.match(xlsx, /\/reports\/period\.xlsx\?from=2025-10-01&to=2025-12-31&group_by=gender/);
  await assertAccessible(page, 'period report');
  await screenshot(page, 'report-q4-2025');
  await page.setViewportSize({ width: 390, height: 800 });
  await assertNoHorizontalScroll(page, 'period report at 390 px');
});

test('report: a reversed custom period is explained', async () => {
  const page = await stegvis.newPage();
  await login(page, 'insatsansvarig');
  await page.goto('/rapport');
  await page.selectOption('#r-preset', 'custom');
  await page.fill('#r-from', '2024-09-30');
  await page.fill('#r-to', '2024-07-01');
  await page.click('button:text("Visa rapport")');
  await page.locator('p.error[role=alert]').waitFor();
  assert.match(await text(page.locator('p.error')), /sista dag kan inte ligga före den första/);
});

test('targets: insatsansvarig adds a target and sees it met or not in the report', async () => {
  const page = await stegvis.newPage();
  await login(page, 'insatsansvarig');
  await openProgramme(page);
  await page.fill('#tg-name-new', 'Högst ett år i insatsen');
  await page.selectOption('#tg-pop-new', 'exits');
  await page.selectOption('#tg-cond-new', 'time_in_programme_max_months');
  await page.fill('#tg-pct-new', '50');
  await page.fill('#tg-months-new', '12');
  await Promise.all([page.waitForURL(/target_saved=1/), page.click('form.target-form:has(#tg-name-new) button[type=submit]')]);
  assert.equal(await page.locator('#mal table td:text("Högst ett år i insatsen")').count(), 1);
  await assertAccessible(page, 'programme page with targets');
  await page.goto('/rapport?preset=2024-01-01_2024-12-31&group_by=unit');
  const item = page.locator('ul.targets li', { hasText: 'Högst ett år i insatsen' });
  assert.match(await text(item.locator('.target-state')), /^(Uppfyllt|Ej uppfyllt)$/);
  assert.match(await text(item), /Avslutade i perioden: tid i insatsen högst 12 månader ≥ 50 %/);
});

test('dashboard: styrgrupp sees aggregates only, no names or personal numbers', async () => {
  const page = await stegvis.newPage();
  await login(page, 'styrgrupp');
  await Promise.all([page.waitForURL(/\/styrning$/), page.click('nav a:text("Styrning")')]);
  assert.match(await text(page.locator('main h1')), /Styrgruppsöversikt – Sikta mot arbetslivet/);
  assert.equal(await page.locator('section:has(h2:text-is("Inflöde och utflöde per månad")) tbody tr').count(), 12);
  assert.ok(await page.locator('section:has(h2:text-is("Beläggning per länsdel")) tbody tr').count() >= 3);
  await page.locator('canvas[data-chart][data-drawn="1"]').first().waitFor();
  const body = await text(page.locator('main'));
  assert.doesNotMatch(body, PERSONAL_NUMBER);
  await assertAccessible(page, 'dashboard');
  await screenshot(page, 'dashboard');
  await page.goto('/rapport?preset=2025-10-01_2025-12-31&group_by=municipality');
  assert.doesNotMatch(await text(page.locator('main')), PERSONAL_NUMBER);
  assert.match(await text(page.locator('main')), /Små celler är skyddade/);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/styrning');
  await assertNoHorizontalScroll(page, 'dashboard at 390 px');
});

test('dashboard: a coach is refused', async () => {
  const page = await stegvis.newPage();
  await login(page, 'coach.katrineholm');
  const res = await page.goto('/styrning');
  assert.equal(res.status(), 404);
  assert.equal(await page.locator('nav a:text("Styrning")').count(), 0);
});
