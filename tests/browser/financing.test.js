// Staffing and co-financing with the allocation key: the förbundschef sees
// each municipality's financed FTE against the staff registered (Nyköping's
// disagreement between the documents marked and explained), tries other
// weights, saves a scenario and changes next year's agreement (a bad share is
// explained); a samordnare sees their own municipalities only and no key; a
// coach is refused. Keyboard and axe, 1280 and 390 px.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();
const PAGE = '/programmes/1/ekonomi/bemanning';

test('the förbundschef compares financing with staffing and saves an allocation scenario', async () => {
  const page = await stegvis.newPage();
  await login(page, 'forbundschef');
  await page.goto(`${PAGE}?year=2024`);
  assert.match(await text(page.locator('main h1')), /^Bemanning och medfinansiering – Sikta mot arbetslivet/);
  const nykoping = page.locator('tr.fin-row', { hasText: 'Nyköping' }).filter({ hasText: 'Coach' });
  assert.match(await text(nykoping), /150 .*100 .*-50 Avviker/);
  assert.match(await text(page.locator('main')), /Programplanen v1.1 anger förbundsfinansiering 150 %/);
  assert.match(await text(page.locator('tr.fin-row', { hasText: 'Region Sörmland' })), /Samordnare.*300/);
  assert.match(await text(page.locator('#fordelning')), /71 % befolkning och 29 % socioekonomi/);
  await assertAccessible(page, 'financing page');
  await screenshot(page, 'financing');

  // Only population: Eskilstuna's proposal is its population share of the 1 575 %.
  await page.fill('#key-pop', '100');
  await page.fill('#key-soc', '0');
  await page.getByRole('button', { name: 'Räkna om' }).click();
  await page.waitForURL(/population_weight=100/);
  const eskilstuna = page.locator('#fordelning tbody tr', { hasText: 'Eskilstuna' });
  assert.match(await text(eskilstuna), /554,1/);
  await page.fill('#scen-name', 'Bara befolkning');
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.waitForURL(/scenario_saved=1/);
  assert.equal(await text(page.locator('p.ok[role=status]')), 'Scenariot är sparat.');
  await page.locator('summary', { hasText: 'Bara befolkning' }).click();
  assert.match(await text(page.locator('details.scenario', { hasText: 'Bara befolkning' })), /Eskilstuna 554,1 450 \+104,1/);

  // Weights that do not add up are explained, and the best fit is still shown.
  await page.goto(`${PAGE}?population_weight=60&socioeconomic_weight=30`);
  assert.match(await text(page.locator('#key-error')), /ska tillsammans bli 100/);
  assert.ok(await page.locator('#fordelning').isVisible());

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${PAGE}?year=2024`);
  await assertNoHorizontalScroll(page, 'financing at 390 px');
  await assertAccessible(page, 'financing at 390 px');
  await screenshot(page, 'financing-phone');
  assert.deepEqual(page.pageErrors, []);
});

test('the förbundschef changes next year\'s agreement; a bad share is explained and nothing is stored', async () => {
  const page = await stegvis.newPage();
  await login(page, 'forbundschef');
  await page.goto(`${PAGE}?year=2026`);
  await page.locator('summary', { hasText: 'Ändra överenskommelsen' }).click();
  await page.fill('#fin-edit-year', '2026');
  const nykopingCoach = page.getByLabel('Nyköping – Coach: Förbundets andel %');
  await nykopingCoach.fill('abc');
  await page.getByRole('button', { name: 'Spara överenskommelsen' }).click();
  assert.match(await text(page.locator('p.error[role=alert]')), /ska vara tal i procent/);
  await page.goto(`${PAGE}?year=2026`);
  assert.match(await text(page.locator('main')), /Överenskommelsen som gäller är från 2024/);

  await page.locator('summary', { hasText: 'Ändra överenskommelsen' }).click();
  await page.fill('#fin-edit-year', '2026');
  await page.getByLabel('Nyköping – Coach: Förbundets andel %').fill('100');
  await page.getByLabel('Nyköping – Coach: Anteckning').fill('');
  await page.getByRole('button', { name: 'Spara överenskommelsen' }).click();
  await page.waitForURL(/year=2026&saved=1/);
  assert.match(await text(page.locator('main')), /Överenskommelsen som gäller är från 2026/);
  const row = page.locator('tr.fin-row', { hasText: 'Nyköping' }).filter({ hasText: 'Coach' });
  assert.doesNotMatch(await text(row), /Avviker/);
  // 2024 is kept as it was.
  await page.goto(`${PAGE}?year=2025`);
  assert.match(await text(page.locator('tr.fin-row', { hasText: 'Nyköping' }).filter({ hasText: 'Coach' })), /Avviker/);
  assert.deepEqual(page.pageErrors, []);
});

test('a samordnare sees only their municipalities and no allocation key; a coach is refused', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  await page.goto(`${PAGE}?year=2024`);
  const main = await text(page.locator('main'));
  assert.match(main, /Katrineholm/);
  assert.doesNotMatch(main, /Eskilstuna|Nyköping|Region Sörmland/);
  assert.equal(await page.locator('#fordelning').count(), 0);
  assert.equal(await page.locator('summary', { hasText: 'Ändra överenskommelsen' }).count(), 0);
  await assertAccessible(page, 'financing for a samordnare');

  const coach = await stegvis.newPage();
  await login(coach, 'coach.katrineholm');
  const res = await coach.goto(PAGE);
  assert.equal(res.status(), 403);
});
