// The participant's whole path in the browser (domain.md §3): the samordnare
// enters a referral, accepts it, records consent and allocates the participant
// to a coach at the allocation conference; the coach plans, logs a contact,
// follows up, exits, downloads the final document and marks it sent. Coaches
// of another municipality or unit get a 403 page for the same participant.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, logout, text, screenshot } = require('./support');
const { personalNumber, isoDate, uniqueTag, createReferral, acceptReferral } = require('./participant_helpers');

const stegvis = useStegvis();
const tag = uniqueTag();
const person = {
  referrer: `Remittent ${tag}`, personalNumber: personalNumber(1991), firstName: `Tea${tag}`, lastName: 'Testsson',
};
const fullName = `${person.firstName} ${person.lastName}`;
let enrolmentId = 0;

test('path: samordnare enters, accepts, records consent and allocates to Anna Lindqvist', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  const referralId = await createReferral(page, person);
  assert.match(await text(page.locator('main h1')), new RegExp(`Aktualisering ${referralId} Ny`));
  assert.match(await text(page.locator('dl.facts')), /Katrineholm/);
  assert.match(await text(page.locator('dl.facts')), new RegExp(`Arbetsförmedlingen \\(${person.referrer}\\)`));

  // The list finds it by what was typed; the status filter counts it.
  await Promise.all([page.waitForURL(/\/units\/\d+\/referrals$/), page.locator('.crumbs a').nth(1).click()]);
  await Promise.all([page.waitForURL(/status=received$/), page.locator('.filters a', { hasText: /^Ny/ }).click()]);
  const row = page.locator('#referrals tbody tr', { hasText: person.referrer });
  assert.equal(await row.count(), 1);
  assert.match(await text(page.locator('.filters a.current')), /^Ny \(\d+\)$/);
  await Promise.all([page.waitForURL(`**/referrals/${referralId}`), row.getByRole('link', { name: `Nr ${referralId}` }).click()]);

  enrolmentId = await acceptReferral(page);
  assert.match(await text(page.locator('#feedback')), /Återkoppling till remittenten/);
  await Promise.all([page.waitForURL(`**/referrals/${referralId}/letter`), page.getByRole('link', { name: /Brev till remittenten/ }).click()]);
  const letter = await text(page.locator('article.letter'));
  assert.match(letter, /Återkoppling på aktualisering/);
  assert.match(letter, new RegExp(`Personen har antagits till insatsen från ${isoDate(0)}`));
  assert.match(letter, new RegExp(person.referrer));
  assert.match(letter, /Personuppgiftsansvarig: Katrineholms kommun/);

  // Consent on the participant page.
  await page.goto(`/enrolments/${enrolmentId}`);
  assert.equal(await text(page.locator('main h1')), `${fullName} nr ${enrolmentId}`);
  assert.match(await text(page.locator('.enr-head')), /Ej tilldelad/);
  const consent = page.locator('#sec-consent');
  for (const party of ['Arbetsförmedlingen', 'Försäkringskassan', 'Katrineholms kommun'])
    await consent.locator('label.check', { hasText: party }).locator('input').check();
  await Promise.all([page.waitForURL(/saved=consent/), consent.getByRole('button', { name: 'Registrera samtycke' }).click()]);
  assert.equal(await page.locator('#sec-consent tbody tr').count(), 3);
  assert.match(await text(page.locator('#sec-consent tbody')), /Försäkringskassan Samtycke lämnat/);

  // The allocation conference, reached from the main menu.
  await Promise.all([page.waitForURL(/\/allocation$/), page.locator('header nav a', { hasText: 'Fördelning' }).click()]);
  const item = page.locator(`#alloc-${enrolmentId}`);
  assert.match(await text(item.locator('h2')), new RegExp(fullName));
  const anna = item.locator('tbody tr', { hasText: 'Anna Lindqvist' });
  assert.match(await text(anna), /Anna Lindqvist Ja \d+ \/ 20/);
  await screenshot(page, 'participant-allocation');
  await anna.getByRole('button', { name: /Tilldela/ }).click();
  // htmx swaps the item: a confirmation, or (Anna at capacity) the message with a reason field.
  const done = page.locator(`#alloc-${enrolmentId}.alloc-done`);
  const reason = page.locator(`#alloc-${enrolmentId} input[name=override_reason]`);
  await Promise.race([done.waitFor(), reason.waitFor()]);
  if (await reason.count()) {
    assert.match(await text(page.locator(`#alloc-${enrolmentId} p.error[role=alert]`)), /Anna Lindqvist har redan \d+ deltagare av 20 möjliga/);
    await reason.fill('Bor nära Anna, kort insats.');
    await page.locator(`#alloc-${enrolmentId}`).getByRole('button', { name: /Tilldela ändå/ }).click();
    await done.waitFor();
  }
  assert.equal(await text(done.locator('p.ok')), 'Tilldelad till Anna Lindqvist.');
  assert.deepEqual(page.pageErrors, []);
});

test('path: coach.katrineholm plans, logs, follows up, exits and sends the final document', async () => {
  assert.ok(enrolmentId, 'the first test created the enrolment');
  const page = await stegvis.newPage();
  await login(page, 'coach.katrineholm');
  await Promise.all([page.waitForURL(/\/enrolments$/), page.locator('.quick-links a', { hasText: 'Mina deltagare' }).click()]);
  assert.equal(await text(page.locator('main h1')), 'Mina deltagare');
  const row = page.locator('#enrolments tbody tr', { hasText: fullName });
  assert.equal(await row.count(), 1);
  assert.match(await text(row), new RegExp(`${isoDate(0)} Arbetsmarknad Katrineholm Anna Lindqvist`));
  await Promise.all([page.waitForURL(`**/enrolments/${enrolmentId}`), row.getByRole('link', { name: fullName }).click()]);

  const head = await text(page.locator('.enr-head'));
  assert.match(head, new RegExp(`${person.personalNumber.replace('-', '-')}`));
  assert.match(head, /Personuppgiftsansvarig Katrineholms kommun/);
  assert.match(head, /Ansvarig Anna Lindqvist/);
  assert.match(await text(page.locator('.due-box')), /Plan senast: \d{4}-\d\d-\d\d/);

  // Plan, first version.
  const plan = page.locator('#sec-plan');
  // Long Swedish text: far more than the 8 KiB that url-encoded forms may carry (the forms are multipart).
  const problem = `Vill tillbaka till arbete inom handel. ${'Behöver stöd på vägen, även med sömn och mående. '.repeat(60)}`.trim();
  await plan.locator('#problem').fill(problem);
  await plan.locator('#goal-tilltro').fill('Känna sig trygg på en arbetsplats.');
  await plan.locator('#act-kind-1').selectOption('praktik');
  await plan.locator('#act-text-1').fill('Praktik i butik två dagar i veckan');
  await plan.locator('#act-start-1').fill(isoDate(0));
  await plan.locator('#act-place-1').fill('ICA Katrineholm');
  await plan.locator('#plan-next').fill(isoDate(30));
  await Promise.all([page.waitForURL(/saved=plan/), plan.getByRole('button', { name: 'Spara planen' }).click()]);
  assert.match(await text(page.locator('#sec-plan')), /Planen är sparad som en ny version\. Version 1/);
  assert.match(await text(page.locator('#sec-plan')), /Praktik Praktik i butik två dagar i veckan/);
  assert.equal(await page.locator('#sec-plan p.pre').first().innerText(), problem);

  // A second tab still holds version 1 when the first saves version 2: a 409 with the message.
  const stale = await page.context().newPage();
  await stale.goto(`/enrolments/${enrolmentId}`);
  await page.locator('#sec-plan summary').click();
  await page.locator('#problem').fill('Vill tillbaka till arbete inom handel eller lager.');
  await Promise.all([page.waitForURL(/saved=plan/), page.getByRole('button', { name: 'Spara planen' }).click()]);
  await stale.locator('#sec-plan summary').click();
  await stale.locator('#goal-maende').fill('Sova bättre.');
  const [res] = await Promise.all([
    stale.waitForResponse((r) => r.url().endsWith('/plan') && r.request().method() === 'POST'),
    stale.getByRole('button', { name: 'Spara planen' }).click(),
  ]);
  assert.equal(res.status(), 409);
  assert.match(await text(stale.locator('#plan-error')), /Planen har sparats av någon annan sedan du öppnade den \(version 2\)/);
  assert.equal(await stale.inputValue('#goal-maende'), 'Sova bättre.', 'what was typed is kept');
  await stale.close();

  // Contact.
  const contacts = page.locator('#sec-contacts');
  await contacts.locator('#contact-kind').selectOption('phone');
  await contacts.locator('#contact-minutes').fill('30');
  await contacts.locator('#contact-note').fill('Bokade första praktikdagen.');
  await Promise.all([page.waitForURL(/saved=contact/), contacts.getByRole('button', { name: 'Registrera kontakt' }).click()]);
  assert.match(await text(page.locator('#contacts tbody')), new RegExp(`${isoDate(0)} Telefon 30 Bokade första praktikdagen\\.`));

  // Follow-up with the referrer.
  const fu = page.locator('#sec-follow-ups');
  await fu.locator('#fu-next').fill(isoDate(60));
  await fu.locator('#fu-note').fill('Praktiken går bra.');
  await Promise.all([page.waitForURL(/saved=follow_up/), fu.getByRole('button', { name: 'Registrera uppföljning' }).click()]);
  assert.match(await text(page.locator('#follow-ups tbody')), /Ja Fortsatt deltagande Praktiken går bra\./);
  await screenshot(page, 'participant-page');

  // Exit with an outcome and goal ratings.
  const exit = page.locator('#sec-exit');
  await exit.locator('#exit-outcome').selectOption('studier');
  await exit.locator('#exit-occupation').selectOption('studerande');
  await exit.locator('label.check', { hasText: 'Studiemedel' }).locator('input').check();
  await exit.locator('select[name=rating_start_tilltro]').selectOption('2');
  await exit.locator('select[name=rating_exit_tilltro]').selectOption('4');
  await exit.locator('#exit-next-step').fill('Börjar på Komvux i januari.');
  await Promise.all([page.waitForURL(/saved=exit/), exit.getByRole('button', { name: 'Avsluta deltagandet' }).click()]);
  assert.match(await text(page.locator('.enr-head')), new RegExp(`Avslutad ${isoDate(0)}`));
  assert.match(await text(page.locator('#sec-exit')), /Utfall Studier/);
  assert.match(await text(page.locator('#sec-exit table')), /Ökad tilltro till den egna förmågan 2 4/);
  assert.match(await text(page.locator('.due-box')), /Slutdokumentation senast: \d{4}-\d\d-\d\d/);

  // The final document as PDF, then marked as sent.
  const href = await page.getByRole('link', { name: 'Hämta slutdokumentationen (PDF)' }).getAttribute('href');
  assert.equal(href, `/api/v1/enrolments/${enrolmentId}/final-report.pdf`);
  const pdf = await page.request.get(href);
  assert.equal(pdf.status(), 200, `GET ${href}`);
  assert.match(pdf.headers()['content-type'], /^application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const final = page.locator('#sec-final');
  await final.locator('#sent-participant').check();
  await final.locator('#sent-referrer').check();
  await Promise.all([page.waitForURL(/saved=sent/), final.getByRole('button', { name: 'Markera som skickad' }).click()]);
  assert.match(await text(page.locator('#sec-final')), new RegExp(`Skickad ${isoDate(0)}: Deltagaren Remittenten`));
  assert.equal(await page.locator('.timeline li.done').count(), 6, 'every step of the path is done');
  await screenshot(page, 'participant-page-exited');
  assert.deepEqual(page.pageErrors, []);
});

test('path: a coach of another municipality or unit gets a 403 page for the participant', async () => {
  assert.ok(enrolmentId, 'the first test created the enrolment');
  for (const user of ['coach.flen', 'coach.nykoping']) {
    const page = await stegvis.newPage();
    await login(page, user);
    const res = await page.goto(`/enrolments/${enrolmentId}`);
    assert.equal(res.status(), 403, user);
    assert.match(await text(page.locator('main h1')), /Något gick fel \(403\)/);
    assert.equal(await text(page.locator('main p.error[role=alert]')), 'Du har inte behörighet till den här deltagarens uppgifter.');
    assert.ok(!(await page.content()).includes(person.lastName), `${user} sees no personal data`);
    // Nor in their own list.
    await page.goto('/enrolments?status=all');
    assert.equal(await page.locator('#enrolments tbody tr', { hasText: fullName }).count(), 0);
    await logout(page);
  }
});
