// ORS/SRS on the participant page: a coach enters an ORS rating with htmx, sees
// it as the newest row of the table beside the chart (drawn from the canvas's
// data-chart), the flags in words, a refused value next to its field; and the
// page stays accessible (axe) and fits a phone.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function openOwnParticipant(page) {
  await page.goto('/enrolments');
  const link = page.locator('#enrolments tbody tr a[href^="/enrolments/"]').first();
  const href = await link.getAttribute('href');
  await page.goto(href);
  return href;
}

test('a coach enters an ORS rating and sees the row, the chart and the flags', async () => {
  const page = await stegvis.newPage();
  await login(page, 'coach.katrineholm');
  await openOwnParticipant(page);
  const section = page.locator('#sec-ratings');
  assert.equal(await text(section.locator('h2')), 'Skattningar: ORS och SRS');
  const before = await section.locator('#ratings tbody tr').count();

  // A second decimal is refused next to its field, and nothing is stored.
  const form = section.locator('form', { has: page.locator('input[name=scale][value=ORS]') });
  await form.getByLabel('Individuellt').fill('3.3');
  await form.getByLabel('Relationer').fill('4.45');
  await form.getByLabel('Socialt').fill('2.2');
  await form.getByLabel('Övergripande').fill('1.1');
  await form.getByRole('button', { name: 'Spara ORS' }).click();
  const err = page.locator('#ors-item2-error');
  await err.waitFor();
  assert.match(await text(err), /högst en decimal/);
  assert.equal(await page.locator('#ors-item2').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#ors-item2').inputValue(), '4.45', 'what was typed is kept');
  assert.equal(await page.locator('#sec-ratings #ratings tbody tr').count(), before);
  await assertAccessible(page, 'participant page with a refused rating');

  // Corrected: saved with htmx (no navigation), newest first in the table.
  const url = page.url();
  await page.locator('#ors-item2').fill('4.4');
  await page.locator('#sec-ratings form', { has: page.locator('input[name=scale][value=ORS]') })
    .getByRole('button', { name: 'Spara ORS' }).click();
  await page.locator('#sec-ratings p.ok').waitFor();
  assert.equal(page.url(), url, 'swapped in place');
  assert.equal(await text(page.locator('#sec-ratings p.ok')), 'Skattningen är sparad.');
  const rows = page.locator('#sec-ratings #ratings tbody tr');
  assert.equal(await rows.count(), before + 1);
  const first = rows.first();
  assert.match(await text(first), new RegExp(`^${today()} ORS 3,3 4,4 2,2 1,1 11,0 `));
  assert.match(await text(first), /Under klinisk gräns/);
  assert.match(await text(page.locator('#sec-ratings .rating-flags')), /Under klinisk gräns/);

  // The chart: a canvas with the totals and the cut-off line, drawn by charts.js.
  const canvas = page.locator('#sec-ratings canvas[data-chart]');
  assert.equal(await canvas.count(), 1);
  const spec = JSON.parse(await canvas.getAttribute('data-chart'));
  assert.equal(spec.kind, 'line');
  assert.equal(spec.y_max, 40);
  assert.equal(spec.reference.value, 25);
  assert.deepEqual(spec.series.map((s) => s.name), ['ORS', 'SRS']);
  assert.equal(spec.labels[spec.labels.length - 1], today());
  assert.equal(spec.series[0].values[spec.labels.length - 1], 11);
  await page.waitForFunction(() => document.querySelector('#sec-ratings canvas[data-chart]').dataset.drawn === '1');

  await assertAccessible(page, 'participant page with ratings');
  await screenshot(page, 'ratings-participant-page');
  assert.deepEqual(page.pageErrors, []);
});

test('an SRS with an item below 9 flags the alliance, and the page fits a phone', async () => {
  const page = await stegvis.newPage({ viewport: { width: 390, height: 844 } });
  await login(page, 'coach.katrineholm');
  await openOwnParticipant(page);
  const form = page.locator('#sec-ratings form', { has: page.locator('input[name=scale][value=SRS]') });
  for (const [label, value] of [['Relation', '8,9'], ['Mål och ämnen', '10'], ['Tillvägagångssätt', '10'], ['Övergripande', '10']])
    await form.getByLabel(label).fill(value.replace(',', '.'));
  await form.getByRole('button', { name: 'Spara SRS' }).click();
  await page.locator('#sec-ratings p.ok').waitFor();
  const first = page.locator('#sec-ratings #ratings tbody tr').first();
  assert.match(await text(first), new RegExp(`^${today()} SRS 8,9 10,0 10,0 10,0 38,9 .*Alliansen behöver diskuteras`));
  assert.match(await text(page.locator('#sec-ratings .rating-flags')), /Alliansen behöver diskuteras/);
  await assertNoHorizontalScroll(page, 'participant page with ratings at 390 px');
  await assertAccessible(page, 'participant page with ratings at 390 px');
  await screenshot(page, 'ratings-participant-page-phone');
});
