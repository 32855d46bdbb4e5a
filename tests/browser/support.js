// Shared setup for the browser tests (node:test + playwright-core + Debian Chromium).
//
// Each *.test.js file calls useStegvis() once at top level: before its tests it
// loads the demo data into a fresh temporary SQLite database, starts one
// `stegvis serve` on a free loopback port and launches one headless Chromium;
// after its tests it stops both and removes the temporary folder.
//
// The binary comes from $STEGVIS_BINARY (default <repo>/build/stegvis); the web
// folder from $STEGVIS_TEST_WEB_DIR (default <repo>/web).
'use strict';

const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, execFile } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');

const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const REPO = path.resolve(__dirname, '..', '..');
const BINARY = process.env.STEGVIS_BINARY
  ? path.resolve(REPO, process.env.STEGVIS_BINARY)
  : path.join(REPO, 'build', 'stegvis');
const CHROMIUM = process.env.STEGVIS_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = path.join(__dirname, 'screenshots');
// Templates/static/i18n folder; a copy may be given to try the tests against changed templates.
const WEB_DIR = process.env.STEGVIS_TEST_WEB_DIR ? path.resolve(process.env.STEGVIS_TEST_WEB_DIR) : path.join(REPO, 'web');
const DEMO_PASSWORD = 'demo-stegvis';

// Child environment without STEGVIS_* settings of the developer's shell, so the
// server uses exactly the flags given here.
function childEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('STEGVIS_')) env[k] = v;
  return env;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, proc, log, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null)
      throw new Error(`stegvis serve exited early (${proc.exitCode ?? proc.signalCode}):\n${log()}`);
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.ok) {
        const body = await res.json();
        if (body.status === 'ok') return;
      }
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`stegvis serve did not become healthy in ${timeoutMs} ms:\n${log()}`);
}

async function startServer() {
  if (!fs.existsSync(BINARY))
    throw new Error(`stegvis binary not found at ${BINARY}; build it or set STEGVIS_BINARY`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-browser-'));
  const db = `sqlite:${path.join(dir, 'stegvis.db')}`;
  const env = childEnv();
  // cwd is the temp folder, so no stegvis.toml of the repository is read.
  await promisify(execFile)(BINARY, ['demo', '--db', db], { cwd: dir, env, timeout: 60000 });

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const proc = spawn(BINARY, ['serve', '--db', db, '--port', String(port), '--bind', '127.0.0.1',
      '--key-file', path.join(dir, 'stegvis.key'), '--web-dir', WEB_DIR, '--threads', '8'],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => { output = (output + chunk).slice(-20000); };
    proc.stdout.on('data', keep);
    proc.stderr.on('data', keep);
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(base, proc, () => output);
      return { base, proc, dir, log: () => output };
    } catch (e) {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      // Another process may have taken the port between probing and binding.
      if (attempt >= 3) { fs.rmSync(dir, { recursive: true, force: true }); throw e; }
    }
  }
}

async function stopServer(server) {
  if (!server) return;
  const { proc } = server;
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  fs.rmSync(server.dir, { recursive: true, force: true });
}

function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// Registers before/after hooks for the calling test file and returns an object
// whose fields (base, browser, server) are filled in once `before` has run.
function useStegvis() {
  const env = { base: null, browser: null, server: null };
  before(async () => {
    const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    Object.assign(env, { server, browser, base: server.base });
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    await stopServer(env.server);
  });
  // A fresh context (own cookies) and page; errors in the page's JavaScript fail the test.
  env.newPage = async (options = {}) => {
    const context = await env.browser.newContext({ baseURL: env.base, locale: 'sv-SE', ...options });
    context.setDefaultTimeout(10000);
    const page = await context.newPage();
    page.pageErrors = [];
    page.on('pageerror', (e) => page.pageErrors.push(e));
    return page;
  };
  return env;
}

async function login(page, username, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  const [res] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/login' && r.request().method() === 'POST'),
    page.click('form button[type=submit]'),
  ]);
  if (res.status() !== 303 && res.status() !== 302) {
    await page.waitForLoadState('load');
    const error = await page.locator('p.error').allInnerTexts();
    throw new Error(`login as ${username} failed with status ${res.status()}: ${error.join(' ')}`);
  }
  await page.waitForURL((u) => u.pathname !== '/login');
}

async function logout(page) {
  await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: /Logga ut|Log out/ }).click()]);
}

// Page text with whitespace collapsed.
async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

// Document width against the viewport, with a few elements that stick out (for the message).
async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return {
      width,
      scrollWidth: document.documentElement.scrollWidth,
      culprits: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .filter((e) => !e.closest('.table-wrap') || getComputedStyle(e).position === 'absolute')
        .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''}`),
    };
  });
}

async function assertNoHorizontalScroll(page, label) {
  const o = await horizontalOverflow(page);
  assert.ok(o.scrollWidth <= o.width + 1,
    `${label}: page is ${o.scrollWidth} px wide in a ${o.width} px viewport; sticking out: ${o.culprits.join(', ')}`);
}

async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// Runs axe on the current page; fails with a readable list of serious/critical violations.
async function assertAccessible(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
    v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'))
    .join('\n');
  assert.equal(bad.length, 0, `axe found serious/critical violations on ${label} (${page.url()}):\n${report}`);
  // A message box without text (a template section shown for an empty string) is a bar that says nothing.
  const empty = await page.locator('p.error, p.ok').evaluateAll((es) => es.filter((e) => !e.innerText.trim()).length);
  assert.equal(empty, 0, `${label}: ${empty} empty message box(es) on ${page.url()}`);
  return results;
}

module.exports = {
  REPO, DEMO_PASSWORD, useStegvis, login, logout, text, screenshot, assertAccessible, assertNoHorizontalScroll,
};
