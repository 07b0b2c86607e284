#!/usr/bin/env node
// The web service in Debian's chromium (playwright-core): axe-core on every
// page every role can reach, keyboard-only journeys with JavaScript on and
// off, and reflow at 320 CSS px and at 200% zoom.
//
//   node tests/browser/web.mjs SETUP.json
//
// SETUP.json: {"base": "http://127.0.0.1:PORT",
//              "accounts": [{"name", "password", "role"}, ...],
//              "journey": {"name", "password", "action": "/actions/ID"},
//              "shots": "DIR" (optional: screenshots at 1280 and 320 px),
//              "upload": {"name", "password", "file"} (optional: a clerk's
//                        import of FILE, its dry run and result checked)}
//
// Pages are found by crawling: from the home page, every same-origin link
// that is an HTML page, one per kind (digits stand for any number), so a
// page added to the navigation is checked without changing this file.
// Prints "PASS: ..." or "FAIL: ..." per check and the axe verdict per page
// and role; exits 0 if nothing failed, 1 if something did, 2 on misuse.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { axeCheck, CHROMIUM, CHROMIUM_ARGS } from './axe.mjs';

const MAX_PAGES = 40;     // per role: the crawl's bound
const MAX_TABS = 150;     // a keyboard user's patience, for the test's sake
let failures = 0;

const started = Date.now();

function check(ok, what) {
    console.log(`${ok ? 'PASS' : 'FAIL'}: ${what} [${((Date.now() - started) / 1000).toFixed(1)} s]`);
    if (!ok)
        failures++;
    return ok;
}

// The kind of a page: its path and query with every number replaced, so
// /actions/12 and /actions/40 are one kind, ?by=theme and ?by=owner two.
function kind(href) {
    return href.replace(/#.*$/, '').replace(/[0-9]+/g, 'N');
}

async function signIn(page, base, account) {
    await page.goto(`${base}/sign-in`);
    await page.fill('#name', account.name);
    await page.fill('#password', account.password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
                       page.click('button[type=submit]')]);
}

// Same-origin links on the page, without fragments.
async function links(page) {
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    return hrefs.filter((h) => h.startsWith('/') && !h.startsWith('//'))
                .map((h) => h.replace(/#.*$/, ''))
                .filter((h) => h !== '');
}

function report(role, path, status, results) {
    const v = results.violations;
    for (const r of v)
        console.log(`  ${role} ${path}: ${r.id} (${r.impact}): ${r.help} — ` +
                    r.nodes.map((n) => n.target.join(' ')).join(', '));
    check(v.length === 0 && status < 500, `axe ${role} ${path} (HTTP ${status}): ` +
          `${v.length} violations, ${results.passes.length} rules passed`);
}

// No horizontal scrolling of the page itself (WCAG 1.4.10): content may
// scroll inside its own box (wide data tables), the page may not.
async function noPageScroll(page) {
    return page.evaluate(() =>
        document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

async function crawlRole(browser, setup, account, shots) {
    const context = await browser.newContext({ bypassCSP: true }); // to inject axe
    const page = await context.newPage();
    const pages = [];
    try {
        await signIn(page, setup.base, account);
        const seen = new Set(['/sign-in']);
        const queue = ['/'];
        seen.add(kind('/'));
        while (queue.length && pages.length < MAX_PAGES) {
            const path = queue.shift();
            // A download (CSV, XLSX) is not a page: ask first what it is.
            const head = await context.request.get(setup.base + path, { maxRedirects: 0 });
            if (!(head.headers()['content-type'] || '').startsWith('text/html'))
                continue;
            const resp = await page.goto(setup.base + path);
            report(account.role, path, resp.status(), await axeCheck(page));
            pages.push(path);
            if (shots)
                await page.screenshot({ path: `${shots}/${account.role}${kind(path).replace(/[^a-zA-Z0-9]+/g, '_')}.png`, fullPage: true });
            for (const h of await links(page)) {
                if (seen.has(kind(h)))
                    continue;
                seen.add(kind(h));
                queue.push(h);
            }
        }
    } finally {
        await context.close();
    }
    return pages;
}

// A clerk's import: the dry-run page (with its warning of columns left
// out) and the result page, which the crawl never reaches (they answer a POST).
async function importPages(browser, setup) {
    const u = setup.upload;
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
        await signIn(page, setup.base, u);
        await page.goto(`${setup.base}/import`);
        await page.setInputFiles('#file', u.file);
        let [resp] = await Promise.all([page.waitForNavigation(),
                                        page.click('button:has-text("Check the file")')]);
        check(await page.locator('.govuk-warning-text').count() === 1,
              'import: the dry run warns of the columns that will not be imported');
        report('clerk', '/import (dry run)', resp.status(), await axeCheck(page));
        [resp] = await Promise.all([page.waitForNavigation(),
                                    page.click('button:has-text("Confirm and import")')]);
        report('clerk', '/import/confirm (result)', resp.status(), await axeCheck(page));
        // The options, opened by their summary, with an error at one of them.
        await page.goto(`${setup.base}/import`);
        await page.click('summary:has-text("Options for sheets that need them")');
        await page.fill('#as_at', 'not a date');
        await page.setInputFiles('#file', u.file);
        [resp] = await Promise.all([page.waitForNavigation(),
                                    page.click('button:has-text("Check the file")')]);
        check(await page.locator('details[open] #as_at-error').count() === 1,
              'import: an option refused is shown in the options, open');
        report('clerk', '/import (options open, one refused)', resp.status(),
               await axeCheck(page));
    } finally {
        await context.close();
    }
}

async function publicPages(browser, setup) {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['/sign-in', '/no-such-page']) {
        const resp = await page.goto(setup.base + path);
        report('signed-out', path, resp.status(), await axeCheck(page));
    }
    // A failed sign-in shows the error summary.
    await page.goto(`${setup.base}/sign-in`);
    await page.fill('#name', 'nobody');
    await page.fill('#password', 'not-a-password');
    const [resp] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    report('signed-out', '/sign-in (refused)', resp.status(), await axeCheck(page));
    await context.close();
}

// A focus indicator: an outline, a box shadow or the focus colour behind it.
async function focusVisible(page) {
    return page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body)
            return false;
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 &&
                        !/rgba\(.*, 0\)|transparent/.test(s.outlineColor);
        const shadow = s.boxShadow && s.boxShadow !== 'none';
        return outline || shadow || s.backgroundColor === 'rgb(255, 221, 0)';
    });
}

// Presses Tab until `test` holds for the focused element; each element
// focused on the way must show that it has focus.
async function tabTo(page, test, what, focusOk) {
    for (let i = 0; i < MAX_TABS; i++) {
        await page.keyboard.press('Tab');
        const here = await page.evaluate(test);
        if (!(await focusVisible(page))) {
            focusOk.bad.push(await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80)));
        }
        focusOk.count++;
        if (here)
            return true;
    }
    check(false, `keyboard: reached ${what} within ${MAX_TABS} presses of Tab`);
    return false;
}

async function enter(page) {
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

// Sign in, Overdue, the action, an update, see it in the history, sign out:
// Tab, typing and Enter only.
async function keyboardJourney(browser, setup, javaScriptEnabled) {
    const label = `keyboard journey, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const j = setup.journey, focusOk = { count: 0, bad: [] };
    const note = `Keyboard update ${javaScriptEnabled ? 'js' : 'nojs'} ${Date.now()}`;
    const active = (sel) => new Function(`return document.activeElement.matches(${JSON.stringify(sel)})`);
    try {
        await page.goto(`${setup.base}/sign-in`);
        if (!await tabTo(page, active('#name'), 'the account name', focusOk)) return;
        await page.keyboard.type(j.name);
        if (!await tabTo(page, active('#password'), 'the password', focusOk)) return;
        await page.keyboard.type(j.password);
        if (!await tabTo(page, active('button[type=submit]'), 'Sign in', focusOk)) return;
        await enter(page);
        check(new URL(page.url()).pathname === '/', `${label}: signed in, at My actions`);
        if (!await tabTo(page, active('a[href="/overdue"]'), 'Overdue', focusOk)) return;
        await enter(page);
        check(new URL(page.url()).pathname === '/overdue', `${label}: Overdue opened`);
        if (!await tabTo(page, active(`a[href="${j.action}"]`), j.action, focusOk)) return;
        await enter(page);
        check(new URL(page.url()).pathname === j.action, `${label}: the action opened`);
        if (!await tabTo(page, active('#note'), 'the note', focusOk)) return;
        await page.keyboard.type(note);
        if (!await tabTo(page, active('form[action^="/actions/"] button[type=submit]'), 'Save update', focusOk)) return;
        await enter(page);
        check(new URL(page.url()).pathname === j.action, `${label}: back on the action after saving`);
        const history = await page.locator('table').allInnerTexts();
        check(history.some((t) => t.includes(note) && t.includes(j.name)),
              `${label}: the update is in the history, by the account`);
        if (!await tabTo(page, active('.app-sign-out button, form[action="/sign-out"] button'), 'Sign out', focusOk)) return;
        await enter(page);
        check(new URL(page.url()).pathname === '/sign-in', `${label}: signed out`);
        await page.goto(setup.base + j.action);
        check(new URL(page.url()).pathname === '/sign-in', `${label}: the action needs signing in again`);
        check(errors.length === 0, `${label}: no script or security-policy errors` +
              (errors.length ? `: ${errors.join(' | ')}` : ''));
        check(focusOk.bad.length === 0, `${label}: focus visible on all ${focusOk.count} elements tabbed to` +
              (focusOk.bad.length ? `; not on: ${focusOk.bad.join(' | ')}` : ''));
    } finally {
        await context.close();
    }
}

// WCAG 2.2.1: two minutes before the idle time-out the warning opens as a
// modal dialog; "Stay signed in" (Enter on it, or Escape) closes it with
// what was typed kept and the server's clock restarted; left alone, it says
// the session has ended and leaves the page to copy from. The browser's
// clock is moved on (page.clock), not waited for.
async function timeoutWarning(browser, setup) {
    const label = 'time-out warning';
    const context = await browser.newContext({ bypassCSP: true }); // to inject axe
    const page = await context.newPage();
    const typed = 'typed, not saved';
    const warning = page.getByRole('dialog', { name: 'You will be signed out soon' });
    const extended = () => page.waitForResponse((r) => r.url().endsWith('/session/extend'));
    try {
        await page.clock.install();
        await signIn(page, setup.base, setup.journey);
        await page.goto(setup.base + setup.journey.action);
        await page.fill('#note', typed);
        for (const [how, key] of [['Enter on Stay signed in', 'Enter'], ['Escape', 'Escape']]) {
            await page.clock.fastForward('27:00');
            check(!await warning.isVisible(), `${label}: not shown 27 minutes in`);
            await page.clock.fastForward('01:30');
            check(await warning.isVisible(), `${label}: shown 2 minutes before the end`);
            check(await page.evaluate(() => document.activeElement.textContent === 'Stay signed in'),
                  `${label}: focus on Stay signed in`);
            const time = await page.locator('#session-dialog-time').textContent();
            check(/^[0-9]{2}:[0-9]{2}$/.test(time), `${label}: says when (${time})`);
            if (key === 'Enter')
                report(setup.journey.role || 'officer', 'the time-out warning', 200, await axeCheck(page));
            const [resp] = await Promise.all([extended(), page.keyboard.press(key)]);
            check(resp.status() === 204, `${label}: ${how} restarts the session (HTTP ${resp.status()})`);
            await warning.waitFor({ state: 'hidden' });
            check(await page.inputValue('#note') === typed && page.url().endsWith(setup.journey.action),
                  `${label}: after ${how}, the page and what was typed are kept`);
        }
        await page.clock.fastForward('31:00');
        const ended = page.getByRole('dialog', { name: 'You have been signed out' });
        check(await ended.isVisible(), `${label}: left alone, says the session has ended`);
        check(await page.inputValue('#note') === typed, `${label}: what was typed is still there to copy`);
        report(setup.journey.role || 'officer', 'the signed-out notice', 200, await axeCheck(page));
    } finally {
        await context.close();
    }
}

// WCAG 1.4.10 and 1.4.4: 320 CSS px wide (1280 px at 400%), and a 1280 px
// window at 200% zoom (640 CSS px at twice the pixels).
async function reflow(browser, setup, account, pages) {
    const views = [{ name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
                   { name: '200% zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }];
    for (const v of views) {
        const context = await browser.newContext({ viewport: v.viewport, deviceScaleFactor: v.deviceScaleFactor });
        const page = await context.newPage();
        try {
            await page.goto(`${setup.base}/sign-in`);
            check(await noPageScroll(page), `reflow ${v.name} /sign-in: no horizontal scrolling`);
            await signIn(page, setup.base, account);
            for (const path of pages) {
                await page.goto(setup.base + path);
                check(await noPageScroll(page), `reflow ${v.name} ${path}: no horizontal scrolling`);
                if (setup.shots && v.deviceScaleFactor === 1)
                    await page.screenshot({ path: `${setup.shots}/320${kind(path).replace(/[^a-zA-Z0-9]+/g, '_')}.png`, fullPage: true });
            }
        } finally {
            await context.close();
        }
    }
}

async function main(argv) {
    if (argv.length !== 1) {
        console.error('usage: web.mjs SETUP.json');
        return 2;
    }
    const setup = JSON.parse(readFileSync(argv[0], 'utf8'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
        await publicPages(browser, setup);
        const byRole = {};
        for (const account of setup.accounts) {
            const pages = await crawlRole(browser, setup, account, setup.shots);
            check(pages.length > 0, `${account.role}: ${pages.length} pages checked: ${pages.join(' ')}`);
            byRole[account.role] = pages;
        }
        if (setup.upload)
            await importPages(browser, setup);
        await timeoutWarning(browser, setup);
        await keyboardJourney(browser, setup, true);
        await keyboardJourney(browser, setup, false);
        const manager = setup.accounts.find((a) => a.role === 'manager') || setup.accounts[0];
        await reflow(browser, setup, manager, byRole[manager.role]);
    } finally {
        await browser.close();
    }
    return failures ? 1 : 0;
}

main(process.argv.slice(2)).then((rc) => process.exit(rc), (e) => {
    console.error(`web.mjs: ${e.stack || e.message}`);
    process.exit(2);
});
