// The participant pages beyond the main path: due work on the start page,
// Swedish validation messages (personal number, decline without a reason,
// an eligibility rule overridden with a reason) and axe on every new page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');
const {
  personalNumber, badPersonalNumber, isoDate, uniqueTag, fillReferral, createReferral, acceptReferral,
} = require('./participant_helpers');

const stegvis = useStegvis();

function newPerson(year = 1988) {
  const tag = uniqueTag();
  return { referrer: `Remittent ${tag}`, personalNumber: personalNumber(year), firstName: `Ulla${tag}`, lastName: 'Prov' };
}

test('due work: an open referral and an accepted enrolment without a plan appear in "Att göra"', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  const p = newPerson();
  const referralId = await createReferral(page, { ...p, receivedOn: isoDate(-45) });

  await page.goto('/');
  const tasks = page.locator('section.tasks');
  assert.equal(await text(tasks.locator('h2')), 'Att göra');
  const open = tasks.locator('#tasks tbody tr', { has: page.locator(`a[href="/referrals/${referralId}"]`) });
  assert.equal(await open.count(), 1, 'the undecided referral is listed');
  assert.match(await text(open), /^Beslut om aktualisering #\d+/);
  assert.match(await text(open), /Försenad$/, 'received 45 days ago: past the 14 days for a decision');

  await page.goto(`/referrals/${referralId}`);
  const enrolmentId = await acceptReferral(page, { date: isoDate(-40) });
  await page.goto('/');
  const plan = tasks.locator('#tasks tbody tr', { has: page.locator(`a[href="/enrolments/${enrolmentId}"]`) });
  assert.equal(await plan.count(), 1, 'the new enrolment is listed');
  assert.equal(await text(plan), `Plan saknas #${enrolmentId} – Plan saknas ${isoDate(-10)} Försenad`);
  assert.equal(await plan.getAttribute('class'), 'overdue');
  assert.equal(await tasks.locator(`#tasks a[href="/referrals/${referralId}"]`).count(), 0, 'the decided referral is gone');
  await assertAccessible(page, 'start page with "Att göra"');
  await screenshot(page, 'participant-start-tasks');

  // The link leads to the participant page, where the plan is shown as overdue.
  await Promise.all([page.waitForURL(`**/enrolments/${enrolmentId}`), plan.getByRole('link').click()]);
  assert.match(await text(page.locator('.due-box')), new RegExp(`Plan senast: ${isoDate(-10)} Försenad`));

  // A coach sees their own links, not the unit's.
  const coach = await stegvis.newPage();
  await login(coach, 'coach.katrineholm');
  assert.deepEqual(await coach.locator('section.tasks .quick-links a').allInnerTexts(), ['Mina deltagare']);
  assert.deepEqual(await coach.locator('header nav a').allInnerTexts(), ['Start', 'Mina deltagare', 'Enkäter', 'Programkatalog', 'Handlingsprogram']);
});

test('validation: a bad personal number and a decline without reason get Swedish messages', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  const p = newPerson();
  await fillReferral(page, { ...p, personalNumber: badPersonalNumber() });
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/referrals/new') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Registrera aktualiseringen' }).click(),
  ]);
  assert.equal(res.status(), 400);
  assert.match(await text(page.locator('main p.error[role=alert]')), /kontrollsiffra/i);
  assert.equal(await page.getAttribute('#personal_number', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#personal_number', 'aria-describedby'), /form-error/);
  assert.equal(await page.inputValue('#referrer_name'), p.referrer, 'entered values are kept');
  assert.equal(await page.inputValue('#first_name'), p.firstName);
  assert.ok(await page.isChecked('label.check:has-text("Försörjningsstöd") input'));
  await assertAccessible(page, 'new referral with an error');
  await screenshot(page, 'participant-referral-error');

  // Corrected, then declined without a reason.
  await page.fill('#personal_number', p.personalNumber);
  await Promise.all([page.waitForURL(/saved=created/), page.getByRole('button', { name: 'Registrera aktualiseringen' }).click()]);
  const decline = page.locator('form.decision', { has: page.locator('h3', { hasText: 'Avslå' }) });
  const [res2] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/decision') && r.request().method() === 'POST'),
    decline.getByRole('button', { name: 'Avslå aktualiseringen' }).click(),
  ]);
  assert.equal(res2.status(), 400);
  assert.equal(await text(page.locator('#decline-error')), 'Ett avslag måste ha en motivering.');
  assert.equal(await page.getAttribute('#decline-reason', 'aria-invalid'), 'true');
  assert.match(await text(page.locator('main h1')), /Ny$/, 'nothing was decided');

  await page.fill('#decline-reason', 'Har redan stöd via Af:s förstärkta samarbete.');
  await Promise.all([page.waitForURL(/saved=decision/), page.getByRole('button', { name: 'Avslå aktualiseringen' }).click()]);
  assert.match(await text(page.locator('main h1')), /Avslagen$/);
  assert.equal(await page.locator('form.decision').count(), 0, 'a declined referral has no decision forms');
  await page.getByRole('link', { name: /Brev till remittenten/ }).click();
  assert.match(await text(page.locator('article.letter')), /Aktualiseringen har avslagits .* Motivering: Har redan stöd/);
});

test('validation: a failed eligibility rule asks for a reason, and the reason lets the samordnare accept', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  const p = newPerson(1955);  // over the track's 65 years
  await createReferral(page, p);
  const accept = page.locator('form.decision', { has: page.locator('h3', { hasText: 'Anta' }) });
  assert.equal(await page.locator('#override_reason').count(), 0, 'no override field before a rule failed');
  await accept.locator('#education').selectOption('gymnasial');
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/decision') && r.request().method() === 'POST'),
    accept.getByRole('button', { name: 'Anta och skriv in' }).click(),
  ]);
  assert.equal(res.status(), 422);
  assert.match(await text(page.locator('#accept-error')), /^Åldern \d+ är utanför inriktningens 18–65 år\. En samordnare kan ändå skriva in personen med en motivering\.$/);
  assert.equal(await page.inputValue('#education'), 'gymnasial', 'start variables are kept');
  await acceptReferral(page, { overrideReason: 'Bedömd av samverkansteamet; vill arbeta till 67.' });
  assert.match(await text(page.locator('dl.facts')), /Motivering för att ändå anta Bedömd av samverkansteamet/);
});

test('allocation: an anonymous "unga" participant; a koordinator at capacity needs a reason', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  // Lena Lund is koordinator 25 % in Vingåker: 5 places. Fill them until the service says conflict.
  let conflict = false;
  for (let i = 0; i < 7 && !conflict; i++) {
    await page.goto('/');
    await page.locator('.quick-links a', { hasText: 'Aktualiseringar' }).click();
    await page.getByRole('link', { name: 'Ny aktualisering' }).click();
    await page.selectOption('#track', 'unga');
    await page.selectOption('#municipality_id', { label: 'Vingåker' });
    await page.selectOption('#referring_party_id', { label: 'Vingåkers kommun' });
    await page.fill('#referrer_name', `Socialtjänsten ${uniqueTag()}`);
    await page.check('#anonymous');
    await page.selectOption('#gender', 'male');
    await page.fill('#birth_year', '2003');
    await Promise.all([page.waitForURL(/saved=created/), page.getByRole('button', { name: 'Registrera aktualiseringen' }).click()]);
    assert.match(await text(page.locator('dl.facts')), /Man, född 2003 – Anonym registrering/);
    const enrolmentId = await acceptReferral(page);

    await page.locator('header nav a', { hasText: 'Fördelning' }).click();
    const item = page.locator(`#alloc-${enrolmentId}`);
    assert.match(await text(item.locator('h2')), new RegExp(`^Anonym registrering nr ${enrolmentId}$`));
    await item.locator('tbody tr', { hasText: 'Lena Lund' }).getByRole('button', { name: /Tilldela/ }).click();
    const done = page.locator(`#alloc-${enrolmentId}.alloc-done`);
    const reason = item.locator('input[name=override_reason]');
    // The loser keeps waiting until its timeout: its rejection is caught so it cannot fail the test later.
    await Promise.race([done.waitFor(), reason.waitFor()].map((w) => w.catch(() => {})));
    if (await done.count()) continue;
    conflict = true;
    assert.equal(await text(item.locator('p.error[role=alert]')),
      'Lena Lund har redan 5 deltagare av 5 möjliga. Välj någon annan eller ange skäl för att ändå fördela.');
    assert.match(await text(item.locator('tbody tr', { hasText: 'Lena Lund' })), /5 \/ 5 Fullt/);
    assert.equal(await reason.getAttribute('aria-describedby'), `alloc-err-${enrolmentId}`);
    await assertAccessible(page, 'allocation with a capacity conflict');
    await screenshot(page, 'participant-allocation-conflict');
    await reason.fill('Enda koordinatorn i Vingåker; tillfälligt över.');
    await item.getByRole('button', { name: /Tilldela ändå/ }).click();
    await done.waitFor();
    assert.equal(await text(done.locator('p.ok')), 'Tilldelad till Lena Lund.');
  }
  assert.ok(conflict, 'Lena Lund reached her capacity of 5');
  assert.deepEqual(page.pageErrors, []);
});

test('a11y: referral list, referral, letter, allocation, participant lists and page', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  const referralId = await createReferral(page, newPerson());
  await assertAccessible(page, 'referral detail');
  await screenshot(page, 'participant-referral');

  await page.locator('.crumbs a').nth(1).click();
  await page.locator('#referrals').waitFor();
  await assertAccessible(page, 'referral list');
  await screenshot(page, 'participant-referral-list');

  await page.goto(`/referrals/${referralId}`);
  const enrolmentId = await acceptReferral(page);
  await assertAccessible(page, 'referral detail after the decision');
  await page.goto(`/referrals/${referralId}/letter`);
  await assertAccessible(page, 'letter');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.top').isVisible(), false, 'no menu on paper');
  await screenshot(page, 'participant-letter-print');
  await page.emulateMedia({ media: 'screen' });

  await page.locator('header nav a', { hasText: 'Fördelning' }).click();
  await page.locator(`#alloc-${enrolmentId}`).waitFor();
  await assertAccessible(page, 'allocation');

  await page.goto(`/enrolments/${enrolmentId}`);
  await assertAccessible(page, 'participant page');
  // The register extract (right of access) for the samordnare: a PDF download beside the name.
  const extract = page.getByRole('link', { name: 'Registerutdrag (PDF)' });
  assert.equal(await extract.isVisible(), true);
  const pdf = await page.request.get(await extract.getAttribute('href'));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  await page.locator('header nav a', { hasText: 'Deltagare' }).click();
  await page.locator('#enrolments').waitFor();
  await assertAccessible(page, 'participant list of the unit');

  const phone = await stegvis.newPage({ viewport: { width: 375, height: 800 } });
  await login(phone, 'samordnare.vastra');
  await phone.goto(`/enrolments/${enrolmentId}`);
  await assertNoHorizontalScroll(phone, 'participant page on a phone');
  await screenshot(phone, 'participant-page-phone');
  await phone.goto(`/referrals/${referralId}`);
  await assertNoHorizontalScroll(phone, 'referral on a phone');
  assert.deepEqual(page.pageErrors, []);
});

test('search: the samordnare finds a returning person by personal number, by POST, and axe is content', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  const p = newPerson();
  await createReferral(page, p);
  const enrolmentId = await acceptReferral(page);
  await page.goto('/enrolments');
  await page.fill('#search-pn', p.personalNumber);
  await Promise.all([page.waitForURL(/\/enrolments\/search$/), page.getByRole('button', { name: 'Sök' }).click()]);
  assert.ok(!page.url().includes(p.personalNumber), 'the number is not in the URL');
  const hit = page.locator(`ul.search-results a[href="/enrolments/${enrolmentId}"]`);
  assert.equal(await hit.count(), 1, 'the enrolment is found');
  await assertAccessible(page, 'search results');
  await page.fill('#search-pn', '19900101-0000');
  await page.getByRole('button', { name: 'Sök' }).click();
  await page.waitForSelector('p.error[role=alert]');
  assert.equal(await text(page.locator('p.error[role=alert]')), 'Kontrollsiffran stämmer inte.');
});

test('referral page: the samordnare sees who the referral is about', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  const p = newPerson();
  await createReferral(page, p);
  const facts = await text(page.locator('main dl.facts'));
  assert.ok(facts.includes(`${p.firstName} ${p.lastName}`), `name on the referral page: ${facts}`);
});
