#!/usr/bin/env node
// Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) over a page in Debian's
// chromium, driven by playwright-core: never a downloaded browser.
//
//   node tests/browser/axe.mjs FILE-OR-URL [--print-pdf OUT.pdf]
//
// Prints one line per violation (rule, impact, the elements) and a JSON
// summary line last; exits 0 with no violations, 1 with some, 2 on misuse
// or if the browser cannot start. The web service's tests can import
// { axeCheck, withBrowser } instead.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const CHROMIUM = process.env.SP_CHROMIUM || '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];

// A fresh profile per run, and no network chatter from the browser itself.
export async function withBrowser(fn) {
    const profile = mkdtempSync(join(tmpdir(), 'sp-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
    });
    try {
        return await fn(context);
    } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
    }
}

export function toUrl(target) {
    return /^[a-z]+:\/\//i.test(target) ? target : pathToFileURL(resolve(target)).href;
}

// The axe results for a page already loaded.
export async function axeCheck(page) {
    await page.addScriptTag({ content: AXE_SOURCE });
    return page.evaluate(async (tags) =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS);
}

async function main(argv) {
    const target = argv[0];
    const pdfAt = argv.indexOf('--print-pdf');
    if (!target || (pdfAt >= 0 && !argv[pdfAt + 1])) {
        console.error('usage: axe.mjs FILE-OR-URL [--print-pdf OUT.pdf]');
        return 2;
    }
    if (!/^[a-z]+:\/\//i.test(target) && !existsSync(target)) {
        console.error(`axe.mjs: no file ${target}`);
        return 2;
    }
    return withBrowser(async (context) => {
        const page = await context.newPage();
        await page.goto(toUrl(target), { waitUntil: 'load' });
        const results = await axeCheck(page);
        for (const v of results.violations)
            console.log(`${v.id} (${v.impact}): ${v.help} — ` +
                        v.nodes.map((n) => n.target.join(' ')).join(', '));
        if (pdfAt >= 0)
            await page.pdf({ path: argv[pdfAt + 1], format: 'A4', preferCSSPageSize: true });
        console.log(JSON.stringify({ violations: results.violations.length,
                                     rules_passed: results.passes ? results.passes.length : undefined,
                                     url: toUrl(target) }));
        return results.violations.length ? 1 : 0;
    });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    main(process.argv.slice(2)).then((rc) => process.exit(rc), (e) => {
        console.error(`axe.mjs: ${e.message}`);
        process.exit(2);
    });
}
