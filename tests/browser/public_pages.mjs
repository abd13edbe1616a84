// Central's public pages in Debian's headless Chromium, through
// puppeteer-core (scripts/browser-tests.sh starts the server and sets the
// environment). For every page: axe-core finds no WCAG 2.2 A or AA
// violation, nothing personal from the fixture is on it, and a screenshot
// is saved; the main pages also at 200% zoom and phone size, without
// sideways scrolling; every kind of page answers a mistake in Welsh; and
// no feed or open data file holds anything personal.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through scripts/browser-tests.sh`);
  return value;
};
const base = env('ONESERVICE_BASE');
const reference = env('ONESERVICE_REFERENCE');
const caseId = env('ONESERVICE_CASE');
const token = env('ONESERVICE_STOP_TOKEN');
const shots = env('ONESERVICE_SHOTS');
const personal = env('ONESERVICE_PERSONAL').split('|');
const database = env('ONESERVICE_DATABASE');
const residentEmail = personal[2];
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const failures = [];
const fail = (what) => { failures.push(what); console.log(`FAIL ${what}`); };

// name, path, HTTP status, and for an error page in Welsh the words it must show.
const pages = [
  { name: 'home', path: '/', status: 200 },
  { name: 'my-requests', path: '/my-requests', status: 200 },
  { name: 'track-form', path: '/track', status: 200 },
  { name: 'track-case', path: `/track/${reference}`, status: 200, sizes: true },
  { name: 'track-case-cy', path: `/track/${reference}?lang=cy`, status: 200, sizes: true },
  { name: 'track-no-reference', path: '/track?ref=', status: 400 },
  { name: 'track-no-reference-cy', path: '/track?ref=&lang=cy', status: 400, welsh: 'Rhowch eich cyfeirnod' },
  { name: 'track-unknown', path: '/track/OS-ZZZZ-ZZZZ', status: 404 },
  { name: 'track-unknown-cy', path: '/track/OS-ZZZZ-ZZZZ?lang=cy', status: 404, welsh: 'Ni allwn ddod o hyd i’r cyfeirnod hwnnw' },
  { name: 'top-issues', path: '/top-issues', status: 200, sizes: true },
  { name: 'top-issues-month-cy', path: '/top-issues?period=month&lang=cy', status: 200, sizes: true },
  { name: 'top-issues-near-you', path: '/top-issues?area=district-ashcombe', status: 200 },
  { name: 'top-issues-bad-area-cy', path: '/top-issues?area=nowhere&lang=cy', status: 400, welsh: 'Dewiswch un o’r ardaloedd isod' },
  { name: 'top-issues-bad-period-cy', path: '/top-issues?period=year&lang=cy', status: 400, welsh: 'Dewiswch y 7 diwrnod diwethaf' },
  { name: 'open-data', path: '/open-data', status: 200 },
  { name: 'open-data-cy', path: '/open-data?lang=cy', status: 200 },
  { name: 'feed-unknown-area-cy', path: '/areas/nowhere/updates.atom?lang=cy', status: 404, welsh: 'Nid oes ardal o’r fath' },
  { name: 'unsubscribe', path: `/unsubscribe/${token}`, status: 200 },
  { name: 'unsubscribe-unknown-cy', path: '/unsubscribe/0123456789abcdef0123456789abcdef?lang=cy', status: 404, welsh: 'Nid yw’r ddolen hon yn gweithio' },
];
const files = ['/open-data/cases.csv', '/open-data/cases.geojson', `/track/${caseId}/updates.atom`,
  '/areas/district-ashcombe/updates.atom', '/top-issues/chart.svg', '/top-issues/chart.svg?lang=cy&period=month'];
const sizes = [
  { label: '200pc', viewport: { width: 640, height: 800, deviceScaleFactor: 2 } },  // a 1280 px window at 200% zoom
  { label: 'phone', viewport: { width: 375, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];

function leaks(text, where) {
  for (const value of personal) if (text.includes(value)) fail(`${where} shows personal data: "${value}"`);
}

async function audit(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((runOnly) => window.axe.run(document, { runOnly: { type: 'tag', values: runOnly } }), tags);
  for (const violation of result.violations)
    fail(`${name}: axe ${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  return result.passes.length;
}

async function visit(page, entry, label) {
  const response = await page.goto(base + entry.path, { waitUntil: 'load' });
  if (response.status() !== entry.status) fail(`${entry.name}: HTTP ${response.status()}, expected ${entry.status}`);
  const html = await page.content();
  leaks(html, entry.name);
  if (await page.$('script')) fail(`${entry.name}: has a script`);
  if (entry.welsh) {
    if (!html.includes('<html lang="cy"')) fail(`${entry.name}: not marked as Welsh`);
    if (!html.includes(entry.welsh)) fail(`${entry.name}: the Welsh error "${entry.welsh}" is missing`);
  }
  // The language link works wherever it is, even on a page a POST answered.
  const other = await page.evaluate(() => document.querySelector('a[hreflang]')?.href);
  if (!other) fail(`${entry.name}: no link to the other language`);
  else {
    const switched = await fetch(other);
    if (switched.status >= 500 || !(switched.headers.get('content-type') || '').startsWith('text/html'))
      fail(`${entry.name}: the language link ${other} answers ${switched.status} ${switched.headers.get('content-type')}`);
  }
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  if (sideways) fail(`${entry.name} (${label}): scrolls sideways`);
  await page.screenshot({ path: path.join(shots, `${entry.name}-${label}.png`), fullPage: true });
}

const profile = fs.mkdtempSync(path.join(shots, '.profile-'));  // a fresh profile each run
const browser = await puppeteer.launch({
  executablePath: env('ONESERVICE_CHROMIUM'),
  headless: true,
  userDataDir: profile,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setBypassCSP(true);  // axe is injected; the pages themselves run no script
  let checks = 0;
  for (const entry of pages) {
    await page.setViewport({ width: 1280, height: 900 });
    await visit(page, entry, '100pc');
    checks += await audit(page, entry.name);
    if (!entry.sizes) continue;
    for (const size of sizes) {
      await page.setViewport(size.viewport);
      await visit(page, entry, size.label);
      checks += await audit(page, `${entry.name} (${size.label})`);
    }
  }
  // The email's link: one button, then the page that says it is done.
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${base}/unsubscribe/${token}`);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const done = await page.content();
  if (!done.includes('You will not get any more emails about this request')) fail('unsubscribe: the button did not stop the emails');
  checks += await audit(page, 'unsubscribed');
  await page.screenshot({ path: path.join(shots, 'unsubscribed-100pc.png'), fullPage: true });
  // Your requests: a mistake answered in Welsh, then the link the email
  // would carry (read from the store: this run has no relay) and the list.
  await page.goto(`${base}/my-requests?lang=cy`);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const mistake = await page.content();
  if (!mistake.includes('<html lang="cy"') || !mistake.includes('Rhowch eich cyfeiriad e-bost')) fail('my-requests in Welsh: no Welsh error for an empty address');
  checks += await audit(page, 'my-requests-error-cy');
  await page.screenshot({ path: path.join(shots, 'my-requests-error-cy-100pc.png'), fullPage: true });
  await page.type('#email', residentEmail);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  checks += await audit(page, 'my-requests-check-email-cy');
  const switchLink = await page.evaluate(() => document.querySelector('a[hreflang]').href);
  const switched = await fetch(switchLink);
  if (switched.status !== 200) fail(`my-requests: the language link after sending answers ${switched.status}`);
  const linkToken = execFileSync('/usr/bin/python3', ['-c',
    'import sqlite3, sys; print(sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True).execute(' +
    '"SELECT mail_token FROM resident_links ORDER BY id DESC LIMIT 1").fetchone()[0])', database]).toString().trim();
  await page.goto(`${base}/my-requests/sign-in/${linkToken}`);
  checks += await audit(page, 'my-requests-link');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const mine = await page.content();
  if (!mine.includes(reference)) fail('my-requests: the signed-in list does not show the resident\'s request');
  checks += await audit(page, 'my-requests-list');
  await page.screenshot({ path: path.join(shots, 'my-requests-list-100pc.png'), fullPage: true });
  await page.setViewport(sizes[1].viewport);
  await page.reload();
  await page.screenshot({ path: path.join(shots, 'my-requests-list-phone.png'), fullPage: true });
  await page.setViewport({ width: 1280, height: 900 });
  // The form: an empty reference, sent with the keyboard, comes back with the error summary.
  await page.goto(`${base}/track?lang=cy`);
  await page.focus('#ref');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  if (!(await page.content()).includes('Mae problem')) fail('track form in Welsh: no error summary after an empty send');
  for (const file of files) {
    const response = await fetch(base + file);
    if (response.status !== 200) fail(`${file}: HTTP ${response.status}`);
    leaks(await response.text(), file);
  }
  console.log(`${pages.length + 1} pages, ${files.length} files; axe passed ${checks} checks; screenshots in ${shots}`);
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`${failures.length} problems`);
  process.exit(1);
}
