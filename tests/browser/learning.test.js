// Learning from the work (issue #9): the catalogue searched with a word and
// with nothing but syntax characters, a programme's card with the live
// figures; the ANDTS strategy's status changed by the insatsansvarig; a
// lasting-effect check recorded from "Att göra". Axe-clean at 1280 and 390 px.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();

test('anyone logged in searches the catalogue and opens a card with live figures', async () => {
  const page = await stegvis.newPage();
  await login(page, 'coach.katrineholm');
  await page.getByRole('link', { name: 'Programkatalog' }).click();
  await page.fill('#cat-q', 'unga');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.waitForURL(/q=unga/);
  assert.match(await text(page.locator('.cat-count')), /Träffar: [3-9]/);
  await assertAccessible(page, 'catalogue 1280');
  await screenshot(page, 'catalogue-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await assertNoHorizontalScroll(page, 'catalogue 390');
  await assertAccessible(page, 'catalogue 390');
  await page.setViewportSize({ width: 1280, height: 900 });
  // Only syntax characters: a message beside the box, nothing breaks.
  await page.fill('#cat-q', '"*\' ( -');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  assert.match(await text(page.locator('#cat-error')), /inga ord att söka på/);
  assert.equal(await page.getAttribute('#cat-q', 'aria-invalid'), 'true');
  // Active today, this county: the installation's own programme, with its figures.
  await page.fill('#cat-q', '');
  await page.selectOption('#cat-county', 'Södermanlands län');
  await page.check('#cat-active');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('link', { name: 'Sikta mot arbetslivet' }).click();
  await page.waitForURL(/\/katalog\/\d+$/);
  assert.match(await text(page.locator('main')), /Aktiv i dag/);
  assert.match(await text(page.locator('main')), /Pågående deltagare i dag/);
  await assertAccessible(page, 'card 1280');
  await screenshot(page, 'catalogue-card-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await assertNoHorizontalScroll(page, 'card 390');
});

test('the insatsansvarig sets an ANDTS item to done and the goal progress follows', async () => {
  const page = await stegvis.newPage();
  await login(page, 'insatsansvarig');
  await page.getByRole('link', { name: 'Handlingsprogram' }).click();
  await page.waitForURL(/\/strategier\/\d+$/);
  const goal4 = page.locator('#mal-4');
  const before = await text(goal4.locator('p.meta'));
  const item = goal4.locator('li.strat-item').nth(3);
  await item.locator('select').selectOption('done');
  await item.locator('input[name=responsible]').fill('Region Sörmland');
  await item.locator('input[name=note]').fill('Genomfört under våren');
  await item.getByRole('button', { name: /Spara/ }).click();
  await page.waitForURL(/saved=1/);
  assert.notEqual(await text(goal4.locator('p.meta')), before);
  const changed = goal4.locator('li.strat-item').nth(3);
  assert.match(await text(changed), /Klar · Ansvarig: Region Sörmland/);
  assert.match(await changed.locator('details').textContent(), /Genomfört under våren/);
  await assertAccessible(page, 'strategy 1280');
  await screenshot(page, 'strategy-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await assertNoHorizontalScroll(page, 'strategy 390');
  await assertAccessible(page, 'strategy 390');
});

test('the samordnare records a lasting-effect check from Att göra', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  const rows = page.locator('#tasks tr', { hasText: 'Varaktig effekt' });
  const count = await rows.count();
  assert.ok(count >= 3, `lasting-effect items due in the demo (${count})`);
  await rows.first().getByRole('link').click();
  await page.waitForURL(/\/enrolments\/\d+\?months=\d+#varaktig-effekt$/);
  await page.selectOption('#lasting-status', 'arbete_med_stod');
  await page.getByRole('button', { name: 'Registrera läget' }).click();
  await page.waitForURL(/saved=lasting/);
  assert.match(await text(page.locator('#varaktig-effekt')), /Arbete med stöd/);
  await assertAccessible(page, 'participant lasting effect');
  await page.goto('/');
  assert.equal(await page.locator('#tasks tr', { hasText: 'Varaktig effekt' }).count(), count - 1);
});
