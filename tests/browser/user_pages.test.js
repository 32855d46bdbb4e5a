// Login, start page, navigation, session, phone layout, language switch and
// the access limits of a non-administrator, as a user sees them in Chromium.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useStegvis, login, logout, text, screenshot, assertNoHorizontalScroll } = require('./support');

const stegvis = useStegvis();

const VASTRA = ['Flen', 'Katrineholm', 'Vingåker'];
const ALL_MUNICIPALITIES = [...VASTRA, 'Gnesta', 'Trosa', 'Nyköping', 'Oxelösund', 'Strängnäs', 'Eskilstuna'];

test('login: wrong password shows a Swedish error, the right one opens the start page', async () => {
  const page = await stegvis.newPage();
  await page.goto('/login');
  assert.equal(await text(page.locator('h1')), 'Logga in i Stegvis');
  await page.fill('#username', 'samordnare.vastra');
  await page.fill('#password', 'fel-losenord');
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
    page.click('form button[type=submit]'),
  ]);
  assert.equal(res.status(), 401);
  const error = page.locator('p.error[role=alert]');
  assert.equal(await text(error), 'Fel användarnamn eller lösenord.');
  assert.equal(await page.inputValue('#username'), 'samordnare.vastra', 'username is kept after a failed login');
  assert.equal(await page.inputValue('#password'), '', 'password is not echoed back');
  assert.equal(await page.getAttribute('#password', 'aria-invalid'), 'true');
  await screenshot(page, 'login-error');

  await page.fill('#password', 'demo-stegvis');
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('form button[type=submit]')]);
  assert.equal(await text(page.locator('main h1')), 'Start');
  assert.match(await text(page.locator('main .lead').first()), /Välkommen, Karin Samordnare\./);

  // The coordinator's own unit with its municipalities and staff.
  const mine = page.locator('section.card', { has: page.locator('h2', { hasText: 'Din länsdel: Västra' }) });
  assert.equal(await mine.count(), 1, 'exactly one "Din länsdel" card');
  assert.deepEqual((await mine.locator('ul.chips li').allInnerTexts()).sort(), VASTRA);
  assert.match(await text(mine), /Personuppgiftsansvarig: Katrineholms kommun/);
  const staff = mine.locator('table');
  assert.deepEqual(await staff.locator('thead th').allInnerTexts(), ['Namn', 'Roller', 'Kapacitet (deltagare)']);
  const staffNames = await staff.locator('tbody tr td:first-child').allInnerTexts();
  for (const name of ['Karin Samordnare', 'Anna Lindqvist', 'Erik Sjöberg', 'Karl Hedlund'])
    assert.ok(staffNames.includes(name), `${name} in the unit's staff table: ${staffNames}`);
  assert.ok(!staffNames.includes('Ali Berg'), 'staff of Södra (Ali Berg, Gnesta) is not listed for Västra');
  const anna = staff.locator('tbody tr', { hasText: 'Anna Lindqvist' });
  assert.match(await text(anna), /Coach 100 % \(Katrineholm\) 20$/);

  // The programme with its three units and nine municipalities.
  const programme = page.locator('article.card', { has: page.locator('h3', { hasText: 'Sikta mot arbetslivet' }) });
  assert.equal(await programme.count(), 1);
  assert.match(await text(programme.locator('.meta')), /2023-10-01 – 2028-09-30 · 3 länsdelar · 9 kommuner/);
  assert.deepEqual(await programme.locator('.unit h4 a').allInnerTexts(), ['Västra', 'Södra', 'Norra']);
  for (const href of await programme.locator('.unit h4 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    assert.match(href, /^\/units\/\d+$/);
  assert.deepEqual((await programme.locator('.unit ul.chips li').allInnerTexts()).sort(), [...ALL_MUNICIPALITIES].sort());
  const vastra = programme.locator('.unit', { has: page.locator('h4', { hasText: 'Västra' }) });
  assert.deepEqual((await vastra.locator('li').allInnerTexts()).sort(), VASTRA);
  assert.match(await programme.locator('h3 a').getAttribute('href'), /^\/programmes\/\d+$/);
  await screenshot(page, 'start');
  assert.deepEqual(page.pageErrors, []);
});

test('navigation: programme and unit pages by clicking, breadcrumbs lead back to Start', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');

  await Promise.all([page.waitForURL(/\/programmes\/\d+$/), page.click('article.card h3 a:text("Sikta mot arbetslivet")')]);
  const programmeUrl = page.url();
  assert.equal(await text(page.locator('main h1')), 'Sikta mot arbetslivet');
  assert.equal(await page.title(), 'Sikta mot arbetslivet – Stegvis');
  assert.equal(await text(page.locator('.crumbs')), 'Start › Sikta mot arbetslivet');
  assert.match(await text(page.locator('main .meta')), /Period: 2023-10-01 – 2028-09-30/);
  assert.match(await text(page.locator('main')), /Syfte .*självförsörjning/);
  const tracks = page.locator('section', { has: page.locator('h2', { hasText: 'Inriktningar' }) });
  assert.deepEqual(await tracks.locator('tbody tr td:first-child').allInnerTexts(), ['Arbetsmarknad', 'Unga']);
  const units = page.locator('section', { has: page.locator('h2', { hasText: 'Länsdelar' }) });
  assert.deepEqual(await units.locator('tbody td:first-child a').allInnerTexts(), ['Västra', 'Södra', 'Norra']);
  await screenshot(page, 'programme');

  await Promise.all([page.waitForURL(/\/units\/\d+$/), units.locator('a', { hasText: 'Västra' }).click()]);
  assert.equal(await text(page.locator('main h1')), 'Västra');
  assert.equal(await text(page.locator('.crumbs')), 'Start › Sikta mot arbetslivet › Västra');
  const muns = page.locator('section', { has: page.locator('h2', { hasText: 'Kommuner' }) });
  assert.deepEqual((await muns.locator('tbody td:first-child').allInnerTexts()).sort(), VASTRA);
  assert.match(await text(muns.locator('tbody tr', { hasText: 'Katrineholm' })), /^Katrineholm 35000 18 %$/);
  const staff = page.locator('section', { has: page.locator('h2', { hasText: 'Personal i länsdelen' }) });
  assert.ok((await staff.locator('tbody td:first-child').allInnerTexts()).includes('Anna Lindqvist'));
  await screenshot(page, 'unit');

  // Breadcrumbs: unit → programme → Start.
  await Promise.all([page.waitForURL(programmeUrl), page.click('.crumbs a:text("Sikta mot arbetslivet")')]);
  assert.equal(await text(page.locator('main h1')), 'Sikta mot arbetslivet');
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('.crumbs a:text("Start")')]);
  assert.equal(await text(page.locator('main h1')), 'Start');

  // Another unit from the start page.
  await Promise.all([page.waitForURL(/\/units\/\d+$/), page.click('.unit h4 a:text("Norra")')]);
  assert.equal(await text(page.locator('main h1')), 'Norra');
  assert.deepEqual((await page.locator('main section').first().locator('tbody td:first-child').allInnerTexts()).sort(),
    ['Eskilstuna', 'Strängnäs']);
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('.crumbs a:text("Start")')]);
  assert.equal(await text(page.locator('main h1')), 'Start');
  assert.deepEqual(page.pageErrors, []);
});

test('access: a coach gets 403 on /admin/staff and sees no admin links', async () => {
  const page = await stegvis.newPage();
  await login(page, 'coach.katrineholm');
  const navLinks = await page.locator('header nav a').allInnerTexts();
  assert.deepEqual(navLinks, ['Start', 'Mina deltagare', 'Enkäter', 'Programkatalog', 'Handlingsprogram'], `coach's menu: ${navLinks}`);
  for (const href of ['/admin/staff', '/admin/organisation', '/admin/tokens', '/admin/audit'])
    assert.equal(await page.locator(`a[href="${href}"]`).count(), 0, `no link to ${href}`);

  for (const path of ['/admin/staff', '/admin/staff/new', '/admin/organisation', '/admin/tokens']) {
    const res = await page.goto(path);
    assert.equal(res.status(), 403, `${path} answers 403 to a coach`);
    assert.equal(await text(page.locator('main h1')), 'Något gick fel (403)', path);
    assert.match(await text(page.locator('main p.error[role=alert]')), /^Du har inte behörighet att /, path);
    assert.equal(await page.locator('table').count(), 0, `${path} shows no table`);
    assert.deepEqual(await page.locator('header nav a').allInnerTexts(), ['Start', 'Mina deltagare', 'Enkäter', 'Programkatalog', 'Handlingsprogram'], path);
  }
  await screenshot(page, 'forbidden');

  // Forging the htmx call with the coach's own valid CSRF token is refused too.
  const status = await page.evaluate(async () => {
    const token = JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token'];
    const r = await fetch('/admin/staff/1/disable', { method: 'POST', headers: { 'X-CSRF-Token': token, 'HX-Request': 'true' } });
    return r.status;
  });
  assert.equal(status, 403);

  // The coach still sees the own unit on the start page.
  await page.click('header nav a:text("Start")');
  await page.waitForURL((u) => u.pathname === '/');
  assert.equal(await page.locator('h2', { hasText: 'Din länsdel: Västra' }).count(), 1);
  assert.deepEqual(page.pageErrors, []);
});

test('session: after logout / redirects to /login and the old session cookie is dead', async () => {
  const page = await stegvis.newPage();
  await login(page, 'samordnare.vastra');
  assert.equal(await text(page.locator('main h1')), 'Start');
  const unitHref = await page.locator('.unit h4 a:text("Västra")').getAttribute('href');
  const cookies = await page.context().cookies();
  assert.ok(cookies.some((c) => c.httpOnly), `a HttpOnly session cookie is set: ${JSON.stringify(cookies)}`);

  await logout(page);
  assert.equal(await text(page.locator('main h1')), 'Logga in i Stegvis');
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.locator('#username').count(), 1);

  // Putting the old cookie back does not log in again: the session ended on the server.
  await page.context().addCookies(cookies);
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/login');

  // A deep link survives the login: /units/N → /login?next=/units/N → /units/N.
  await page.goto(unitHref);
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(new URL(page.url()).searchParams.get('next'), unitHref);
  await page.fill('#username', 'samordnare.vastra');
  await page.fill('#password', 'demo-stegvis');
  await Promise.all([page.waitForURL((u) => u.pathname === unitHref), page.click('form button[type=submit]')]);
  assert.equal(await page.locator('.crumbs a:text("Start")').count(), 1);
  assert.deepEqual(page.pageErrors, []);
});

test('phone width 390x844: start, programme and unit pages have no horizontal scroll', async () => {
  const page = await stegvis.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await login(page, 'samordnare.vastra');
  assert.equal(await text(page.locator('main h1')), 'Start');
  assert.equal(await page.evaluate(() => document.documentElement.clientWidth), 390);
  await assertNoHorizontalScroll(page, 'start page');
  await screenshot(page, 'start-phone');

  await Promise.all([page.waitForURL(/\/programmes\/\d+$/), page.click('article.card h3 a')]);
  await assertNoHorizontalScroll(page, 'programme page');
  await Promise.all([page.waitForURL(/\/units\/\d+$/), page.click('main table a:text("Västra")')]);
  await assertNoHorizontalScroll(page, 'unit page');
  await screenshot(page, 'unit-phone');
});

test('language: switch to English and back to Swedish', async () => {
  const page = await stegvis.newPage();
  // Logged out: the login page follows the language choice.
  await page.goto('/login');
  await page.click('.lang a:text("English")');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await text(page.locator('main h1')), 'Log in to Stegvis');

  await page.fill('#username', 'samordnare.vastra');
  await page.fill('#password', 'demo-stegvis');
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('form button[type=submit]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('h2', { hasText: 'Your unit: Västra' }).count(), 1);
  assert.match(await text(page.locator('main .lead').first()), /^Welcome, Karin Samordnare\./);
  assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 1);
  assert.equal(await page.locator('.lang a').innerText(), 'Svenska');
  assert.equal(await page.locator('.lang a').getAttribute('lang'), 'sv');
  await screenshot(page, 'start-english');

  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('.lang a:text("Svenska")')]);
  await page.waitForFunction(() => document.documentElement.lang === 'sv');
  assert.equal(await page.locator('h2', { hasText: 'Din länsdel: Västra' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Logga ut' }).count(), 1);
  assert.equal(await page.locator('.lang a').innerText(), 'English');
  // The choice is a cookie: it holds on the next page too.
  await page.click('article.card h3 a');
  await page.waitForURL(/\/programmes\/\d+$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  assert.equal(await text(page.locator('#units-h')), 'Länsdelar');
  assert.deepEqual(page.pageErrors, []);
});
