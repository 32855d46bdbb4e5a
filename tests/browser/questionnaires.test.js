// Questionnaires (issue #9): the samordnare opens a round of the staff
// questionnaire for Västra and gets the links with a QR code each; a
// respondent answers one on a 390 px phone without logging in (a missing
// required item is named, the answers are kept), cannot answer twice; the
// results page shows the chart with its table and the comparison. Axe-clean.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();
const STAFF = 'Samverkan i insatsen – insatspersonal';

async function openStaffQuestionnaire(page) {
  await page.getByRole('link', { name: 'Enkäter', exact: true }).click();
  await page.waitForURL(/\/enkater$/);
  await page.getByRole('link', { name: STAFF }).click();
  await page.waitForURL(/\/enkater\/\d+$/);
}

test('a round gives links with QR codes, and a respondent answers once on a phone', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  await openStaffQuestionnaire(page);
  await assertAccessible(page, 'questionnaire page');
  await page.fill('#r-n', '3');
  await page.getByRole('button', { name: 'Skapa omgång och länkar' }).click();
  await page.waitForURL(/\/omgangar$/);
  const links = await page.locator('.quest-link code').allInnerTexts();
  assert.equal(links.length, 3);
  assert.equal(await page.locator('.quest-link img[src^="data:image/svg+xml;base64,"]').count(), 3);
  await assertAccessible(page, 'links page');

  const phone = await stegvis.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(links[0]);
  assert.equal(await text(phone.locator('main h1')), STAFF);
  assert.equal(await phone.locator('nav').count(), 0, 'no menu for the public');
  await assertAccessible(phone, 'answer page');
  await assertNoHorizontalScroll(phone, 'answer page at 390 px');
  await screenshot(phone, 'questionnaire-answer-390');
  // The browser itself stops an empty required group; answer all but one to see the server's message.
  const groups = phone.locator('fieldset.answer-item');
  const n = await groups.count();
  for (let i = 0; i < n; ++i) await groups.nth(i).locator('input[type=radio]').last().check();
  await phone.evaluate(() => document.querySelectorAll('input[required]').forEach((e) => e.removeAttribute('required')));
  await phone.evaluate(() => { document.querySelectorAll('fieldset.answer-item')[1].querySelectorAll('input').forEach((i) => { i.checked = false; }); });
  await phone.fill('textarea', 'Tätare möten med Arbetsförmedlingen');
  await phone.getByRole('button', { name: 'Skicka svaren' }).click();
  assert.match(await text(phone.locator('p.error')), /fråga 2/);
  assert.equal(await phone.inputValue('textarea'), 'Tätare möten med Arbetsförmedlingen');
  await assertAccessible(phone, 'answer page with an error');
  await phone.locator('fieldset.answer-item').nth(1).locator('input[type=radio]').first().check();
  await phone.getByRole('button', { name: 'Skicka svaren' }).click();
  assert.match(await text(phone.locator('main h1')), /Tack för dina svar/);
  const again = await phone.goto(links[0]);
  assert.equal(again.status(), 410);
  assert.match(await text(phone.locator('p.error')), /redan använts/);
});

test('the results page shows the chart, the table and the comparison with the previous round', async () => {
  const page = await stegvis.newPage();
  await login(page, 'styrgrupp');
  await openStaffQuestionnaire(page);
  await page.locator('tr').filter({ hasText: 'Stängd' }).filter({ hasText: 'Västra' }).last().getByRole('link', { name: /Visa resultat/ }).click();
  await page.waitForURL(/\/resultat\?round=\d+$/);
  assert.equal(await page.locator('canvas[data-chart]').count(), 1);
  assert.match(await text(page.locator('table.report').first()), /Förra omgången/);
  assert.match(await text(page.locator('main')), /Jämförelse mellan länsdelar/);
  await page.waitForFunction(() => document.querySelector('canvas[data-chart]').dataset.drawn === '1');
  await assertAccessible(page, 'results page');
  await screenshot(page, 'questionnaire-results');
  await page.setViewportSize({ width: 390, height: 844 });
  await assertNoHorizontalScroll(page, 'results page at 390 px');
});
