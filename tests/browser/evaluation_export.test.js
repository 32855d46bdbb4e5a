// The evaluator's download page: the utvärderare finds it from the programme
// page, reads what the file holds and never holds, picks a period and
// downloads the CSV and the workbook; a reversed period is explained beside
// the field; a coach has no link and gets 403. Keyboard and axe, 1280/390 px.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();

async function openExportPage(page) {
  await page.getByRole('link', { name: 'Sikta mot arbetslivet', exact: true }).first().click();
  await page.waitForURL(/\/programmes\/\d+$/);
  await page.getByRole('link', { name: 'Utvärderingsexport (pseudonymiserad)' }).click();
  await page.waitForURL(/\/programmes\/\d+\/evaluation$/);
}

test('the utvärderare downloads the pseudonymised CSV and xlsx for a period', async () => {
  const page = await stegvis.newPage({ acceptDownloads: true });
  await login(page, 'utvarderare');
  await openExportPage(page);
  assert.equal(await text(page.locator('main h1')), 'Utvärderingsexport');
  assert.match(await text(page.locator('main')), /Filen innehåller aldrig namn, personnummer, kontaktuppgifter/);
  const columns = await page.locator('main dl dt').allInnerTexts();
  assert.equal(columns[0], 'pseudonym');
  assert.ok(columns.includes('ors_first') && columns.includes('goal_exit_maende'), columns.join(' '));
  await assertAccessible(page, 'evaluation export');
  await screenshot(page, 'evaluation-export');

  // A whole year of the demo data, chosen with the keyboard-usable date fields.
  const year = new Date().getFullYear();
  await page.fill('#evx-from', `${year - 1}-01-01`);
  await page.fill('#evx-to', `${year - 1}-12-31`);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner CSV' }).click()]);
  assert.match(csv.suggestedFilename(), new RegExp(`^utvardering-insats-\\d+-${year - 1}-01-01-${year - 1}-12-31\\.csv$`));
  const body = fs.readFileSync(await csv.path());
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM for Excel');
  const lines = body.toString('utf8').slice(1).split('\r\n').filter((l) => l !== '');
  assert.ok(lines[0].startsWith('pseudonym;unit;municipality;track;gender;age_at_start;age_band;start_date;'), lines[0]);
  assert.ok(lines.length > 50, `the demo year has many enrolments: ${lines.length - 1} rows`);
  const fields = lines[0].split(';').length;
  for (const line of lines.slice(1, 20)) {
    assert.match(line, /^[0-9a-f]{16};/, 'each row starts with a pseudonym');
    assert.doesNotMatch(line, /\b(19|20)\d{6}-?\d{4}\b/, 'no personal number');
    assert.ok(line.split(';').length >= fields - 1);
  }

  const [xlsx] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner Excel (xlsx)' }).click()]);
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  assert.equal(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString(), 'PK', 'a zip (xlsx) file');
});

test('a reversed period is explained beside the field; the page works on a phone', async () => {
  const page = await stegvis.newPage({ viewport: { width: 390, height: 844 } });
  await login(page, 'utvarderare');
  await openExportPage(page);
  await assertNoHorizontalScroll(page, 'evaluation export at 390 px');
  await page.fill('#evx-from', '2025-07-01');
  await page.fill('#evx-to', '2025-06-30');
  await page.locator('#evx-to').press('Enter');
  await page.waitForURL(/\/evaluation\/download\?/);
  assert.equal(await text(page.locator('p.error[role=alert]')), 'Periodens sista dag kan inte ligga före den första.');
  assert.equal(await page.getAttribute('#evx-to', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#evx-from'), '2025-07-01', 'the period entered is kept');
  await assertAccessible(page, 'evaluation export with error');
  await screenshot(page, 'evaluation-export-error-phone');
});

test('a coach has no link to the export and is refused at the address', async () => {
  const page = await stegvis.newPage();
  await login(page, 'coach.katrineholm');
  await page.getByRole('link', { name: 'Sikta mot arbetslivet', exact: true }).first().click();
  await page.waitForURL(/\/programmes\/\d+$/);
  assert.equal(await page.getByRole('link', { name: /Utvärderingsexport/ }).count(), 0);
  const res = await page.goto(`${page.url()}/evaluation`);
  assert.equal(res.status(), 403);
});
