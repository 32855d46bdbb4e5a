// Meetings (issue #8): the Västra samordnare opens the collaboration team's
// next meeting from the programme page, sees the standing items filled in,
// writes the minutes with a decision and an action, is told what is missing
// when an action lacks its due date, approves and downloads the PDF; the page
// is axe-clean and usable at 1280 and 390 px.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();

async function openNextTeamMeeting(page) {
  await page.getByRole('link', { name: 'Sikta mot arbetslivet', exact: true }).first().click();
  await page.waitForURL(/\/programmes\/\d+$/);
  await page.getByRole('link', { name: 'Möten och protokoll' }).click();
  await page.waitForURL(/\/programmes\/\d+\/meetings$/);
  const team = page.locator('section.card', { has: page.getByRole('heading', { name: 'Samverkansteam Västra' }) });
  await team.locator('li', { hasText: 'kommande' }).first().getByRole('link').click();
  await page.waitForURL(/\/meetings\/\d+$/);
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('the samordnare plans a team meeting today, writes its minutes, approves them and downloads the PDF', async () => {
  const page = await stegvis.newPage({ acceptDownloads: true });
  await login(page, 'samordnare.vastra');
  await page.getByRole('link', { name: 'Sikta mot arbetslivet', exact: true }).first().click();
  await page.getByRole('link', { name: 'Möten och protokoll' }).click();
  await page.waitForURL(/\/meetings$/);
  // A meeting in the past is refused beside the field.
  await page.selectOption('#gov-body', { label: 'Samverkansteam Västra' });
  await page.fill('#gov-date', '2020-01-07');
  await page.getByRole('button', { name: 'Planera mötet' }).click();
  assert.match(await text(page.locator('#gov-new-error')), /före dagens datum/);
  assert.equal(await page.getAttribute('#gov-date', 'aria-invalid'), 'true');
  await page.fill('#gov-date', today());
  await page.fill('#gov-agenda-in', 'Information från Arbetsförmedlingen');
  await page.getByRole('button', { name: 'Planera mötet' }).click();
  await page.waitForURL(/\/meetings\/\d+\?saved=created$/);
  assert.equal(await text(page.locator('main h1')), `Samverkansteam Västra ${today()}`);
  const agenda = await page.locator('ol.gov-agenda > li > strong').allInnerTexts();
  assert.deepEqual(agenda, ['Nya deltagare sedan förra mötet', 'Inflöde och utflöde',
    'Öppna åtgärder från tidigare möten', 'Processfrågor', 'Information från Arbetsförmedlingen']);
  assert.match(await text(page.locator('ol.gov-agenda')), /Inflöde: \d+ · Utflöde: \d+/);
  // The last meeting's open action is on the agenda; its owner ticks it off here.
  const open = page.locator('ol.gov-agenda li li', { has: page.getByRole('button', { name: /Markera som klar/ }) });
  assert.ok(await open.count() >= 1, 'an open action from the last meeting');
  await open.first().getByRole('button', { name: /Markera som klar/ }).click();
  await page.waitForURL(/saved=action_done/);
  assert.match(await text(page.locator('p.ok')), /Åtgärden är markerad som klar/);
  await assertAccessible(page, 'meeting page');
  await screenshot(page, 'meeting-1280');

  // An action without a due date: the message names it and nothing is saved.
  await page.fill('#gov-text', 'Teamet gick igenom inflödet.');
  await page.fill('#gov-decisions', 'Teamet bjuder in Arbetsförmedlingen till nästa möte.');
  await page.fill('#gov-action-1', 'Boka samtal med Försäkringskassan');
  await page.fill('#gov-owner-1', 'samordnare.vastra');
  await page.getByRole('button', { name: 'Spara protokollet' }).click();
  assert.match(await text(page.locator('#gov-error')), /datum när den ska vara klar/);
  assert.equal(await page.inputValue('#gov-action-1'), 'Boka samtal med Försäkringskassan', 'what was entered stays');

  const due = new Date(Date.now() + 21 * 86400000).toISOString().slice(0, 10);
  await page.fill('#gov-due-1', due);
  await page.getByRole('button', { name: 'Spara protokollet' }).click();
  await page.waitForURL(/saved=minutes/);
  assert.match(await text(page.locator('p.ok')), /Protokollet är sparat/);
  assert.equal(await page.inputValue('#gov-owner-1'), 'Karin Samordnare', 'the username became the person');

  await page.getByRole('button', { name: 'Justera och lås protokollet' }).click();
  await page.waitForURL(/saved=approved/);
  assert.match(await text(page.locator('#protokoll')), /Justerat \d{4}-\d{2}-\d{2} av Karin Samordnare/);
  assert.equal(await page.locator('#gov-text').count(), 0, 'approved minutes are not editable');
  assert.match(await text(page.locator('#protokoll table')), /Boka samtal med Försäkringskassan Karin Samordnare/);
  await assertAccessible(page, 'approved minutes');

  const [pdf] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('link', { name: 'Dagordning och protokoll som PDF' }).click()]);
  assert.match(pdf.suggestedFilename(), /^protokoll-\d+\.pdf$/);
  assert.equal(fs.readFileSync(await pdf.path()).subarray(0, 4).toString(), '%PDF');

  // The start page's to-do list carries the action, linking back to the meeting.
  await page.goto('/');
  assert.match(await text(page.locator('main')), /Åtgärd från möte/);
});

test('the meeting page works on a phone', async () => {
  const page = await stegvis.newPage({ viewport: { width: 390, height: 844 } });
  await login(page, 'samordnare.vastra');
  await openNextTeamMeeting(page);
  await assertNoHorizontalScroll(page, 'meeting page at 390 px');
  await assertAccessible(page, 'meeting page at 390 px');
  await screenshot(page, 'meeting-390');
});

test('the programme plan shows version 1.1 and a side-by-side diff against 1.0; the activity plan flags overdue items', async () => {
  const page = await stegvis.newPage();
  await login(page, 'forbundschef');
  await page.getByRole('link', { name: 'Sikta mot arbetslivet', exact: true }).first().click();
  await page.waitForURL(/\/programmes\/\d+$/);
  await page.getByRole('link', { name: 'Insatsplan och versioner' }).click();
  await page.waitForURL(/\/plan$/);
  assert.match(await text(page.locator('#plan-current-h')), /Gällande version 1\.1/);
  assert.match(await text(page.locator('section', { has: page.locator('#plan-history-h') })), /1\.0 Godkänd Styrgruppen 2024-01-26/);
  const diff = page.locator('#jamfor');
  assert.match(await text(diff.locator('thead').first()), /Version 1\.0 Version 1\.1/);
  const changed = diff.locator('tr.diff-changed');
  assert.ok(await changed.count() >= 1, 'changed lines are paired side by side');
  assert.match(await text(diff), /Kvantitativt mål: 100 %/);
  assert.match(await text(diff), /Syfte – oförändrat/);
  await assertAccessible(page, 'plan diff');
  await screenshot(page, 'plan-diff-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await assertNoHorizontalScroll(page, 'plan diff at 390 px');
  await screenshot(page, 'plan-diff-390');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(page.url().replace(/\/plan$/, '/activity-plan'));
  const rows = page.locator('main table tbody tr');
  assert.ok(await rows.count() >= 32, 'every item of the CSV');
  const overdue = rows.filter({ has: page.locator('.badge', { hasText: 'försenad' }) });
  assert.ok(await overdue.count() >= 1, 'an item of a past semester not done is flagged');
  const row = overdue.first();
  const select = row.locator('select');
  await select.selectOption('done');
  await row.getByRole('button', { name: /Spara/ }).click();
  await page.waitForURL(/saved=1/);
  assert.match(await text(page.locator('p.ok')), /sparade/);
  await assertAccessible(page, 'activity plan');
});

test('a diary entry with a personal number is refused with a message beside the field', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  await page.goto('/');
  await page.getByRole('link', { name: 'Sikta mot arbetslivet', exact: true }).first().click();
  await page.waitForURL(/\/programmes\/\d+$/);
  await page.getByRole('link', { name: 'Västra' }).first().click();
  await page.getByRole('link', { name: 'Veckodagbok' }).click();
  await page.waitForURL(/\/diary$/);
  await page.fill('#diary-text', 'Deltagaren 19850312-1234 började praktik.');
  await page.getByLabel('Framgång').check();
  await page.getByRole('button', { name: 'Spara anteckningen' }).click();
  assert.match(await text(page.locator('#diary-error')), /personnummer/);
  assert.equal(await page.getAttribute('#diary-text', 'aria-invalid'), 'true');
  await assertAccessible(page, 'diary with an error');
  await page.fill('#diary-text', 'En deltagare började praktik i handeln.');
  await page.getByRole('button', { name: 'Spara anteckningen' }).click();
  await page.waitForURL(/saved=1/);
  assert.match(await text(page.locator('main')), /En deltagare började praktik i handeln\./);
});

test('the insatsansvarig opens the annual report, writes its summary and finds the diaries marked for it', async () => {
  const page = await stegvis.newPage();
  await login(page, 'insatsansvarig');
  await page.getByRole('link', { name: 'Sikta mot arbetslivet', exact: true }).first().click();
  await page.getByRole('link', { name: 'Helårsrapport' }).click();
  await page.waitForURL(/\/annual$/);
  assert.match(await text(page.locator('main h1')), /^Helårsrapport \d{4}$/);
  assert.match(await text(page.locator('main')), /Framgång: \d+/);
  // The year's economy beside the volumes: budget, actual and forecast per line, with a total.
  const economy = page.locator('section', { has: page.locator('#annual-economy-h') });
  assert.match(await text(economy), /Totalt/);
  await page.fill('#annual-sammanfattning', 'Insatsen har nått fler unga än planerat.');
  await page.getByRole('button', { name: 'Spara texterna (ny version)' }).click();
  await page.waitForURL(/saved=1/);
  assert.equal(await page.inputValue('#annual-sammanfattning'), 'Insatsen har nått fler unga än planerat.');
  assert.match(await text(page.locator('#annual-texts-h')), /version 1/);
  await assertAccessible(page, 'annual report');
  await screenshot(page, 'annual-report-1280');
});

test('the samordnare adds a member of the collaboration team for a party and ends the membership', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  await openNextTeamMeeting(page);
  await page.getByRole('link', { name: 'Ledamöter' }).click();
  await page.waitForURL(/\/bodies\/\d+\/members$/);
  assert.match(await text(page.locator('main h1')), /Samverkansteam Västra/);
  // Neither a name nor a username: the message says what is missing.
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  assert.match(await text(page.locator('#gov-member-error')), /namn/);
  await page.fill('#gov-m-name', 'Eva Kassa');
  await page.selectOption('#gov-m-party', { label: 'Försäkringskassan' });
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await page.waitForURL(/saved=added/);
  const row = page.getByRole('row', { name: /Eva Kassa/ });
  assert.match(await text(row), /Försäkringskassan/);
  await assertAccessible(page, 'members page');
  await screenshot(page, 'members-1280');
  await row.getByRole('button', { name: 'Avsluta Eva Kassa' }).click();
  await page.waitForURL(/saved=ended/);
  // Ended today: still a member through the day, with the end date and no second end.
  const ended = page.getByRole('row', { name: /Eva Kassa/ });
  assert.match(await text(ended), /Avslutat/);
  assert.equal(await ended.getByRole('button').count(), 0);
});

test('pages link only to what the reader may open: no annual report for a coach, no diary outside the unit, no national report for a samordnare', async () => {
  const lead = await stegvis.newPage();
  await login(lead, 'insatsansvarig');
  await lead.getByRole('link', { name: 'Sikta mot arbetslivet', exact: true }).first().click();
  await lead.waitForURL(/\/programmes\/\d+$/);
  const programme = new URL(lead.url()).pathname;
  assert.equal(await lead.getByRole('link', { name: 'Helårsrapport' }).count(), 1);
  await lead.getByRole('link', { name: 'Västra' }).first().click();
  await lead.waitForURL(/\/units\/\d+$/);
  assert.equal(await lead.getByRole('link', { name: 'Veckodagbok' }).count(), 0);
  assert.equal(await lead.getByRole('link', { name: 'Möten och protokoll' }).count(), 1);

  const coach = await stegvis.newPage();
  await login(coach, 'coach.katrineholm');
  await coach.goto(programme);
  assert.match(await text(coach.locator('main h1')), /Sikta mot arbetslivet/);
  assert.equal(await coach.getByRole('link', { name: 'Helårsrapport' }).count(), 0);
  assert.equal((await coach.goto(programme + '/annual')).status(), 403);

  const samordnare = await stegvis.newPage();
  await login(samordnare, 'samordnare.vastra');
  await samordnare.goto('/ekonomi');
  assert.equal(await samordnare.getByRole('link', { name: 'Uppföljning Finsam' }).count(), 0);
  assert.equal((await samordnare.goto('/nationell-uppfoljning')).status(), 403);
});
