// axe-core on every main page: no violation of impact "serious" or "critical".
// Also stores one screenshot per page in tests/browser/screenshots/.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, logout, text, screenshot, assertAccessible, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();

test('a11y: login page, also with an error', async () => {
  const page = await stegvis.newPage();
  await page.goto('/login');
  assert.equal(await text(page.locator('main h1')), 'Logga in i Stegvis');
  await assertAccessible(page, 'login');
  await screenshot(page, 'login');
  await page.fill('#username', 'admin');
  await page.fill('#password', 'fel-losenord');
  await page.click('form button[type=submit]');
  await page.locator('p.error[role=alert]').waitFor();
  await assertAccessible(page, 'login with error');
});

test('a11y: start, programme and unit pages of a coordinator', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  assert.equal(await page.locator('h2', { hasText: 'Din länsdel: Västra' }).count(), 1);
  await assertAccessible(page, 'start');

  await Promise.all([page.waitForURL(/\/programmes\/\d+$/), page.click('article.card h3 a')]);
  assert.equal(await text(page.locator('main h1')), 'Sikta mot arbetslivet');
  await assertAccessible(page, 'programme');

  await Promise.all([page.waitForURL(/\/units\/\d+$/), page.click('main table a:text("Västra")')]);
  assert.equal(await text(page.locator('main h1')), 'Västra');
  await assertAccessible(page, 'unit');
});

test('a11y: administrator pages', async () => {
  const page = await stegvis.newPage();
  await login(page, 'admin');
  await assertAccessible(page, 'start (admin)');
  await screenshot(page, 'start-admin');

  await page.goto('/admin/staff');
  assert.equal(await text(page.locator('main h1')), 'Personal och konton');
  assert.ok(await page.locator('#staff-table tbody tr').count() > 20);
  await assertAccessible(page, '/admin/staff');

  await page.goto('/admin/staff/new');
  await page.fill('#username', 'ny.person');
  await page.fill('#password', 'kort');
  await page.fill('#name', 'Ny Person');
  await page.click('main form button[type=submit]');
  await page.locator('main p.error[role=alert]', { hasText: 'Lösenordet ska ha minst 10 tecken.' }).waitFor();
  await assertAccessible(page, '/admin/staff/new with a validation error');
  await screenshot(page, 'admin-staff-new');

  await page.goto('/admin/organisation');
  assert.equal(await text(page.locator('main h1')), 'Organisation');
  assert.ok(await page.locator('main form.row-form').count() >= 9, 'one edit form per municipality');
  await assertAccessible(page, '/admin/organisation');
  await screenshot(page, 'admin-organisation');

  await page.goto('/admin/audit');
  assert.equal(await text(page.locator('main h1')), 'Granskningslogg');
  await page.locator('#audit-results table').waitFor();
  await assertAccessible(page, '/admin/audit');

  await page.goto('/admin/tokens');
  assert.equal(await text(page.locator('main h1')), 'API-nycklar');
  await page.fill('#t-user', 'koordinator.eskilstuna');
  await page.fill('#t-name', 'Verksamhetssystem Eskilstuna');
  await page.click('main form button[type=submit]');
  await page.locator('code.token').waitFor();
  assert.ok((await page.locator('code.token').innerText()).length >= 32, 'the new token is shown once');
  assert.equal(await page.locator('main tbody tr', { hasText: 'Verksamhetssystem Eskilstuna' }).count(), 1);
  await assertAccessible(page, '/admin/tokens with a new token');
  await screenshot(page, 'admin-tokens');
  await page.goto('/admin/tokens');
  assert.equal(await page.locator('code.token').count(), 0, 'the token is not shown again');

  const res = await page.goto('/admin/staff/999999');
  assert.equal(res.status(), 404);
  await assertAccessible(page, 'error page');
  assert.deepEqual(page.pageErrors, []);
});

test('phone width 390x844: administrator pages have no horizontal scroll; staff list passes axe', async () => {
  const page = await stegvis.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await login(page, 'admin');
  for (const path of ['/', '/admin/staff', '/admin/staff/new', '/admin/organisation', '/admin/audit', '/admin/tokens']) {
    await page.goto(path);
    await assertNoHorizontalScroll(page, path);
  }
  await page.goto('/admin/staff');
  await assertAccessible(page, '/admin/staff at 390 px');
  await screenshot(page, 'admin-staff-phone');
});

// At phone width a table that scrolls sideways must be reachable by keyboard
// (axe rule scrollable-region-focusable): .table-wrap is a focusable region.
test('a11y at phone width: start, programme, unit, organisation, audit', async () => {
  const page = await stegvis.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const failures = [];
  const check = async (label) => {
    try { await assertAccessible(page, label); } catch (e) { failures.push(e.message); }
  };
  await login(page, 'samordnare.vastra');
  await check('start at 390 px');
  await Promise.all([page.waitForURL(/\/programmes\/\d+$/), page.click('article.card h3 a')]);
  await check('programme at 390 px');
  await Promise.all([page.waitForURL(/\/units\/\d+$/), page.click('main table a:text("Västra")')]);
  await check('unit at 390 px');
  await logout(page);
  await login(page, 'admin');
  for (const path of ['/admin/organisation', '/admin/audit']) {
    await page.goto(path);
    await check(`${path} at 390 px`);
  }
  assert.deepEqual(failures, []);
});
