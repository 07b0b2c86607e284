#!/usr/bin/env node
// Page latency of `safeplan serve`, one request at a time, on a big plan:
// the filtered lists, My actions, deep pages of a list and the action page
// that the web service's issue asks to stay within 50 ms at the 95th
// percentile at 1,000,000 actions. Node's own fetch; no package needed.
//
//   node bench/web-pages.mjs BASE ROUNDS SPEC.json
//
// SPEC.json: [{"name", "password", "pages": [{"label", "path", "next": N,
//             "paths": [...]}]}]: each account signs in, then each page is
// fetched once to warm up and ROUNDS times in turn (every page once per
// round, so that no page always runs on a warmer cache). "next": N follows
// the page's "Next page" link N times (or to the last page) first and times
// the page reached, adding ", page K" to the label;
// "paths" gives several addresses of one kind (action pages), taken in turn.
// Prints one line per page (count, p50, p95, max in ms, rows shown) and a
// JSON line last; exits 1 if any request did not give 200.
import { readFileSync } from 'node:fs';

const [base, roundsArg, specFile] = process.argv.slice(2);
if (!base || !specFile) {
    console.error('usage: web-pages.mjs BASE ROUNDS SPEC.json');
    process.exit(2);
}
const ROUNDS = Number(roundsArg);
const origin = new URL(base).origin;
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const errors = [];

async function get(cookie, path) {
    const t0 = performance.now();
    const res = await fetch(base + path, { redirect: 'manual', headers: { Cookie: cookie } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200)
        errors.push(`GET ${path}: ${res.status}`);
    return { ms, body };
}

async function signIn(account) {
    const res = await fetch(`${base}/sign-in`, {
        method: 'POST', redirect: 'manual', headers: { Origin: origin },
        body: new URLSearchParams({ name: account.name, password: account.password }) });
    const cookie = (res.headers.get('set-cookie') || '').split(';')[0];
    if (res.status !== 303 || !cookie)
        throw new Error(`sign-in of ${account.name}: HTTP ${res.status}`);
    return cookie;
}

// The address N "Next page" links on from path, or of the last page, and
// its page number.
async function followNext(cookie, path, n) {
    let page = 1;
    for (; page <= n; page++) {
        const { body } = await get(cookie, path);
        const m = body.match(/href="([^"]*)" rel="next"/);
        if (!m)
            break;
        path = m[1].replace(/&amp;/g, '&');
    }
    return { path, page };
}

function percentile(sorted, p) {
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const pages = [];
for (const account of spec) {
    const cookie = await signIn(account);
    for (const p of account.pages) {
        let paths = p.paths, label = p.label;
        if (!paths) {
            const to = await followNext(cookie, p.path, p.next || 0);
            paths = [to.path];
            if (p.next)
                label += `, page ${to.page}`;
        }
        const first = await get(cookie, paths[0]); // warm-up
        const rows = (first.body.match(/href="\/actions\/[0-9]+"/g) || []).length;
        pages.push({ label, cookie, paths, rows, times: [] });
    }
}
for (let r = 0; r < ROUNDS; r++)
    for (const p of pages)
        p.times.push((await get(p.cookie, p.paths[r % p.paths.length])).ms);

const out = [];
console.log(`${'page'.padEnd(48)} ${'count'.padStart(5)} ${'p50 ms'.padStart(8)} ` +
            `${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'rows'.padStart(5)}`);
for (const p of pages) {
    const s = p.times.slice().sort((a, b) => a - b);
    const row = { page: p.label, count: s.length, p50: +percentile(s, 0.5).toFixed(1),
                  p95: +percentile(s, 0.95).toFixed(1), max: +s[s.length - 1].toFixed(1),
                  rows: p.rows };
    out.push(row);
    console.log(`${row.page.padEnd(48)} ${String(row.count).padStart(5)} ` +
                `${row.p50.toFixed(1).padStart(8)} ${row.p95.toFixed(1).padStart(8)} ` +
                `${row.max.toFixed(1).padStart(8)} ${String(row.rows).padStart(5)}`);
}
console.log(JSON.stringify({ rounds: ROUNDS, pages: out, errors }));
process.exit(errors.length ? 1 : 0);
