// Helpers for the participant-path browser tests: valid personal identity
// numbers of our own (the demo database already holds participants), dates
// relative to today, and the steps that enter and decide a referral through
// the pages, as a samordnare would.
'use strict';

const assert = require('node:assert/strict');
const { text } = require('./support');

// A valid personal identity number "YYYYMMDD-NNNC" (Luhn check digit over YYMMDDNNN)
// that no other test or demo person is likely to have.
function personalNumber(year = 1990) {
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  const serial = pad(Math.floor(Math.random() * 1000), 3);
  const body = `${pad(year % 100)}${pad(month)}${pad(day)}${serial}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${year}${pad(month)}${pad(day)}-${serial}${check}`;
}

// The same number with a wrong check digit.
function badPersonalNumber() {
  const good = personalNumber();
  const last = Number(good.slice(-1));
  return good.slice(0, -1) + String((last + 1) % 10);
}

// "YYYY-MM-DD" in local time, days from today (negative: in the past).
function isoDate(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// A short unique tag for names the test types and later looks for.
function uniqueTag() {
  return Math.random().toString(36).slice(2, 8);
}

// Opens the new-referral form of Västra from the list and fills it in; returns without submitting.
async function fillReferral(page, p) {
  await page.goto('/');
  await Promise.all([page.waitForURL(/\/units\/\d+\/referrals$/), page.locator('.quick-links a', { hasText: 'Aktualiseringar' }).click()]);
  await Promise.all([page.waitForURL(/\/referrals\/new$/), page.getByRole('link', { name: 'Ny aktualisering' }).click()]);
  await page.selectOption('#track', 'arbetsmarknad');
  await page.selectOption('#municipality_id', { label: p.municipality || 'Katrineholm' });
  await page.selectOption('#referring_party_id', { label: 'Arbetsförmedlingen' });
  await page.fill('#referrer_name', p.referrer);
  await page.fill('#personal_number', p.personalNumber);
  await page.fill('#first_name', p.firstName);
  await page.fill('#last_name', p.lastName);
  await page.fill('#contact', '070-000 00 00');
  await page.selectOption('#gender', 'female');
  await page.check('label.check:has-text("Försörjningsstöd") input');
  await page.check('fieldset:has(legend:text("Parter som ser behov av samordning")) label:has-text("Arbetsförmedlingen") input');
  await page.check('fieldset:has(legend:text("Parter som ser behov av samordning")) label:has-text("Försäkringskassan") input');
  await page.fill('#reason', `Behöver stöd mot arbete (${p.referrer}).`);
  if (p.receivedOn) await page.fill('#received_on', p.receivedOn);
}

// Enters a referral and returns its id (the page is left on the referral).
async function createReferral(page, p) {
  await fillReferral(page, p);
  await Promise.all([page.waitForURL(/\/referrals\/\d+\?saved=created$/), page.getByRole('button', { name: 'Registrera aktualiseringen' }).click()]);
  assert.equal(await text(page.locator('main p.ok[role=status]')), 'Aktualiseringen är registrerad.');
  return Number(new URL(page.url()).pathname.split('/').pop());
}

// Accepts the referral shown on the page; returns the new enrolment's id.
async function acceptReferral(page, { date, overrideReason } = {}) {
  const form = page.locator('form.decision', { has: page.locator('h3', { hasText: 'Anta' }) });
  if (date) await form.locator('input[name=date]').fill(date);
  await form.locator('#support_duration').selectOption('1_2');
  await form.locator('#education').selectOption('gymnasial');
  await form.locator('#occupation_before').selectOption('arbetslos');
  if (overrideReason) await form.locator('#override_reason').fill(overrideReason);
  await Promise.all([page.waitForURL(/\?saved=decision/), form.getByRole('button', { name: 'Anta och skriv in' }).click()]);
  assert.match(await text(page.locator('main h1')), /Antagen/);
  const href = await page.getByRole('link', { name: 'Till deltagarsidan' }).getAttribute('href');
  return Number(href.split('/').pop());
}

module.exports = { personalNumber, badPersonalNumber, isoDate, uniqueTag, fillReferral, createReferral, acceptReferral };
