// The administrator's staff pages in Chromium: adding a person through the
// form (with validation errors), disabling/enabling with htmx, output escaping,
// and the audit search.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, logout, text, screenshot } = require('./support');

const stegvis = useStegvis();

async function adminPage() {
  const page = await stegvis.newPage();
  await login(page, 'admin');
  return page;
}

async function submitStaffForm(page) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/admin/staff/new') && r.request().method() === 'POST'),
    page.click('main form button[type=submit]'),
  ]);
  await page.waitForLoadState('load');
  return res;
}

const selectedLabel = (page, sel) => page.locator(`${sel} option:checked`).innerText();

test('admin menu shows the administration links', async () => {
  const page = await adminPage();
  assert.deepEqual(await page.locator('header nav a').allInnerTexts(),
    ['Start', 'Rapport', 'Styrning', 'Programkatalog', 'Handlingsprogram', 'Personal', 'Organisation', 'API-nycklar', 'Logg']);
  await Promise.all([page.waitForURL('**/admin/staff'), page.click('header nav a:text("Personal")')]);
  assert.equal(await text(page.locator('main h1')), 'Personal och konton');
  const names = await page.locator('#staff-table tbody tr td:first-child').allInnerTexts();
  assert.ok(names.includes('Karin Samordnare') && names.includes('Anna Lindqvist'), `staff list: ${names}`);
  assert.equal(await text(page.locator('#staff-table caption')), `Antal: ${names.length}`);
  await screenshot(page, 'admin-staff');
});

test('admin adds a staff member: short password error keeps the input, then success and login', async () => {
  const page = await adminPage();
  await page.goto('/admin/staff');
  await Promise.all([page.waitForURL('**/admin/staff/new'), page.click('main a:text("Lägg till personal")')]);
  assert.equal(await text(page.locator('main h1')), 'Ny personal');

  await page.fill('#username', 'nils.nyperson');
  await page.fill('#password', 'kort123');
  await page.fill('#name', 'Nils Nyperson');
  await page.fill('#email', 'nils.nyperson@flen.example');
  await page.selectOption('#employing_party_id', { label: 'Flens kommun' });
  await page.selectOption('#role-1', { label: 'Coach' });
  await page.selectOption('#unit-1', { label: 'Västra' });
  await page.selectOption('#mun-1', { label: 'Flen' });
  await page.fill('#fte-1', '50');
  let res = await submitStaffForm(page);
  assert.equal(res.status(), 400);
  assert.equal(new URL(page.url()).pathname, '/admin/staff/new');
  assert.equal(await text(page.locator('main p.error[role=alert]')), 'Lösenordet ska ha minst 10 tecken.');
  // Everything except the password is still filled in.
  assert.equal(await page.inputValue('#username'), 'nils.nyperson');
  assert.equal(await page.inputValue('#password'), '');
  assert.equal(await page.inputValue('#name'), 'Nils Nyperson');
  assert.equal(await page.inputValue('#email'), 'nils.nyperson@flen.example');
  assert.equal(await selectedLabel(page, '#employing_party_id'), 'Flens kommun');
  assert.equal(await selectedLabel(page, '#role-1'), 'Coach');
  assert.equal(await selectedLabel(page, '#unit-1'), 'Västra');
  assert.equal(await selectedLabel(page, '#mun-1'), 'Flen');
  assert.equal(await page.inputValue('#fte-1'), '50');
  assert.equal(await selectedLabel(page, '#role-2'), '– Ingen –', 'an empty row for one more role');
  await screenshot(page, 'staff-new-error');

  await page.fill('#password', 'ett-langt-losenord');
  res = await submitStaffForm(page);
  await page.waitForURL('**/admin/staff?created=1');
  assert.equal(await text(page.locator('main p.ok[role=status]')), 'Personen är tillagd och kan logga in.');
  const row = page.locator('#staff-table tbody tr', { hasText: 'nils.nyperson' });
  assert.equal(await row.count(), 1);
  assert.equal(await text(row.locator('td').nth(0)), 'Nils Nyperson');
  assert.equal(await text(row.locator('td').nth(2)), 'Flens kommun');
  assert.equal(await text(row.locator('td').nth(3)), 'Coach, Västra (Flen) 50 %');
  assert.equal(await text(row.locator('.badge')), 'Aktiv');

  await logout(page);
  await page.fill('#username', 'nils.nyperson');
  await page.fill('#password', 'ett-langt-losenord');
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('form button[type=submit]')]);
  assert.match(await text(page.locator('main .lead').first()), /^Välkommen, Nils Nyperson\./);
  assert.equal(await page.locator('h2', { hasText: 'Din länsdel: Västra' }).count(), 1);
  assert.deepEqual(await page.locator('header nav a').allInnerTexts(), ['Start', 'Mina deltagare', 'Enkäter', 'Programkatalog', 'Handlingsprogram']);
  assert.deepEqual(page.pageErrors, []);
});

test('staff form: duplicate username and a coach without unit are refused with a message', async () => {
  const page = await adminPage();
  await page.goto('/admin/staff/new');
  await page.fill('#username', 'coach.katrineholm');
  await page.fill('#password', 'ett-langt-losenord');
  await page.fill('#name', 'Dubblett');
  await page.selectOption('#role-1', { label: 'Utvärderare' });
  let res = await submitStaffForm(page);
  assert.equal(res.status(), 409);
  assert.equal(await text(page.locator('main p.error[role=alert]')), 'Användarnamnet är upptaget.');
  assert.equal(await page.inputValue('#name'), 'Dubblett');
  assert.equal(await selectedLabel(page, '#role-1'), 'Utvärderare');

  await page.fill('#username', 'coach.utan.lansdel');
  await page.fill('#password', 'ett-langt-losenord');
  await page.selectOption('#role-1', { label: 'Coach' });
  res = await submitStaffForm(page);
  assert.equal(res.status(), 400);
  assert.match(await text(page.locator('main p.error[role=alert]')), /länsdel/);
  assert.equal(await selectedLabel(page, '#role-1'), 'Coach');

  await page.goto('/admin/staff');
  const users = await page.locator('#staff-table tbody tr td:nth-child(2)').allInnerTexts();
  assert.ok(!users.includes('coach.utan.lansdel'), 'the refused person was not created');
  assert.equal(users.filter((u) => u === 'coach.katrineholm').length, 1);
});

test('htmx: disabling and enabling a staff member swaps only the row', async () => {
  const page = await adminPage();
  await page.goto('/admin/staff');
  const listUrl = page.url();
  const rowId = await page.locator('#staff-table tbody tr', { has: page.locator('td:nth-child(2)', { hasText: /^coach\.flen$/ }) })
    .getAttribute('id');
  assert.match(rowId, /^staff-\d+$/);
  const row = page.locator(`#${rowId}`);
  assert.equal(await text(row.locator('.badge')), 'Aktiv');
  const otherRow = page.locator('#staff-table tbody tr', { has: page.locator('td:nth-child(2)', { hasText: /^coach\.katrineholm$/ }) });

  // A marker in the document and a load counter: a full page load would lose/advance them.
  await page.evaluate(() => { window.__sameDocument = true; });
  let loads = 0;
  page.on('load', () => { loads += 1; });

  const toggle = async (buttonText, path, badge) => {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(path)),
      row.getByRole('button', { name: new RegExp(`^${buttonText}`) }).click(),
    ]);
    assert.equal(res.status(), 200);
    assert.equal(res.request().headers()['hx-request'], 'true', 'sent by htmx');
    await row.locator('.badge', { hasText: badge }).waitFor();
  };

  await toggle('Stäng av', '/disable', 'Avstängd');
  assert.equal(page.url(), listUrl, 'URL unchanged');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full page load');
  assert.equal(loads, 0);
  assert.match(await text(row), /Erik Sjöberg coach\.flen Flens kommun .*Avstängd Aktivera/);
  assert.equal(await text(otherRow.locator('.badge')), 'Aktiv', 'other rows untouched');
  assert.equal(await page.locator(`#${rowId}`).count(), 1, 'exactly one row with that id after the swap');
  await screenshot(page, 'admin-staff-disabled');

  // The disabled person cannot log in.
  const other = await stegvis.newPage();
  await other.goto('/login');
  await other.fill('#username', 'coach.flen');
  await other.fill('#password', 'demo-stegvis');
  await other.click('form button[type=submit]');
  await other.locator('p.error[role=alert]').waitFor();
  assert.equal(new URL(other.url()).pathname, '/login');

  await toggle('Aktivera', '/enable', 'Aktiv');
  assert.equal(page.url(), listUrl);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full page load');
  assert.equal(loads, 0);
  assert.match(await text(row), /Aktiv Stäng av/);

  // The state is stored: a reload shows it, and the person can log in again.
  await page.reload();
  assert.equal(await text(page.locator(`#${rowId} .badge`)), 'Aktiv');
  await login(other, 'coach.flen');
  assert.equal(await text(other.locator('main h1')), 'Start');
  assert.deepEqual(page.pageErrors, []);
});

test('escaping: a name with a script tag is shown as text, never run', async () => {
  const page = await adminPage();
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const evil = '<script>alert(1)</script>';

  await page.goto('/admin/staff/new');
  await page.fill('#username', 'xss.test');
  await page.fill('#password', 'ett-langt-losenord');
  await page.fill('#name', evil);
  await page.selectOption('#role-1', { label: 'Utvärderare' });
  await submitStaffForm(page);
  await page.waitForURL('**/admin/staff?created=1');

  const row = page.locator('#staff-table tbody tr', { hasText: 'xss.test' });
  assert.equal(await row.count(), 1);
  assert.equal(await row.locator('td:first-child a').textContent(), evil);
  assert.equal(await page.locator('#staff-table script').count(), 0, 'no script element in the table');
  assert.match(await row.locator('td:first-child').innerHTML(), /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);

  // The htmx fragment for the row escapes too.
  const rowId = await row.getAttribute('id');
  await row.getByRole('button', { name: /^Stäng av/ }).click();
  await page.locator(`#${rowId} .badge`, { hasText: 'Avstängd' }).waitFor();
  assert.equal(await page.locator(`#${rowId} td:first-child a`).textContent(), evil);
  assert.equal(await page.locator(`#${rowId} button .sr-only`).textContent(), ` ${evil}`);
  assert.equal(await page.locator('#staff-table script').count(), 0);

  // So does the edit page, where the name is also the title.
  await Promise.all([page.waitForURL(/\/admin\/staff\/\d+$/), page.locator(`#${rowId} td:first-child a`).click()]);
  assert.equal(await page.title(), `${evil} – Stegvis`);
  assert.equal(await page.locator('main h1').textContent(), evil);
  assert.equal(await page.inputValue('#name'), evil);
  assert.equal(await page.locator('main script').count(), 0);

  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.deepEqual(page.pageErrors, []);
});

test('audit search works with htmx and without JavaScript', async () => {
  const page = await adminPage();
  await Promise.all([page.waitForURL('**/admin/audit'), page.click('header nav a:text("Logg")')]);
  assert.equal(await text(page.locator('main h1')), 'Granskningslogg');
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.fill('#f-user', 'admin');
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/admin/audit?') && r.request().headers()['hx-request'] === 'true'),
    page.click('main form button[type=submit]'),
  ]);
  await page.locator('#audit-results table').waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'results replaced in place');
  assert.equal(new URL(page.url()).searchParams.get('user'), 'admin', 'search pushed into the URL');
  const users = await page.locator('#audit-results tbody td:nth-child(2)').allInnerTexts();
  assert.ok(users.length > 0 && users.every((u) => u === 'admin'), `only admin's events: ${users}`);
  assert.ok((await page.locator('#audit-results code', { hasText: /^login$/ }).count()) > 0, 'the login is logged');
  assert.equal(await page.locator('main h1').count(), 1, 'no page nested in the results');
  await screenshot(page, 'admin-audit');

  await page.fill('#f-user', 'ingen-sadan-anvandare');
  await page.click('main form button[type=submit]');
  await page.locator('#audit-results p', { hasText: 'Inga händelser matchar sökningen.' }).waitFor();

  // Without JavaScript the same form loads a full page.
  const noJs = await stegvis.newPage({ javaScriptEnabled: false });
  await login(noJs, 'admin');
  await noJs.goto('/admin/audit');
  await noJs.fill('#f-user', 'admin');
  await Promise.all([noJs.waitForURL('**/admin/audit?**'), noJs.click('main form button[type=submit]')]);
  assert.equal(await text(noJs.locator('main h1')), 'Granskningslogg');
  const noJsUsers = await noJs.locator('#audit-results tbody td:nth-child(2)').allInnerTexts();
  assert.ok(noJsUsers.length > 0 && noJsUsers.every((u) => u === 'admin'), `only admin's events: ${noJsUsers}`);
  assert.equal(await noJs.inputValue('#f-user'), 'admin', 'the filter stays in the form');
});
