#!/usr/bin/env node
// Load on `safeplan serve` over loopback: CLIENTS signed-in sessions, each
// looping for SECONDS over My actions, Overdue, an action page and an
// update to that action (a POST with the session's CSRF token), with no
// pause. Node's own fetch; no package needed.
//
//   node bench/web-load.mjs BASE NAME PASSWORD CLIENTS SECONDS ACTION_ID...
//
// Prints one JSON object: requests, errors (any status other than the one
// expected), latency p50/p95/max per kind in ms, and the notes of every
// update the server accepted (303), for the caller to find in the history.
// Exits 1 if any request failed. Bounded: it stops after SECONDS.
const [base, name, password, clientsArg, secondsArg, ...actionIds] = process.argv.slice(2);
if (!base || !actionIds.length) {
    console.error('usage: web-load.mjs BASE NAME PASSWORD CLIENTS SECONDS ACTION_ID...');
    process.exit(2);
}
const CLIENTS = Number(clientsArg), SECONDS = Number(secondsArg);
const origin = new URL(base).origin;
const times = { page: [], action: [], update: [], sign_in: [] };
const errors = [];
const accepted = [];

async function timed(kind, url, init, expect) {
    const t0 = performance.now();
    let res;
    try {
        res = await fetch(url, { redirect: 'manual', ...init });
        const body = await res.text();
        times[kind].push(performance.now() - t0);
        if (res.status !== expect)
            errors.push(`${init && init.method || 'GET'} ${url}: ${res.status} (expected ${expect})`);
        return { res, body };
    } catch (e) {
        errors.push(`${url}: ${e.message}`);
        return { res: null, body: '' };
    }
}

async function client(i) {
    const form = new URLSearchParams({ name, password });
    const { res } = await timed('sign_in', `${base}/sign-in`, {
        method: 'POST', body: form, headers: { Origin: origin } }, 303);
    const cookie = res && (res.headers.get('set-cookie') || '').split(';')[0];
    if (!cookie)
        return;
    const headers = { Cookie: cookie };
    const action = actionIds[i % actionIds.length];
    const end = Date.now() + SECONDS * 1000;
    for (let n = 0; Date.now() < end; n++) {
        await timed('page', `${base}/`, { headers }, 200);
        await timed('page', `${base}/overdue`, { headers }, 200);
        const { body } = await timed('action', `${base}/actions/${action}`, { headers }, 200);
        const csrf = (body.match(/name="csrf" value="([0-9a-f]+)"/) || [])[1];
        const note = `load client ${i} update ${n}`;
        const update = new URLSearchParams({ csrf, note, evidence: '', percent: '', status: '' });
        const { res: r } = await timed('update', `${base}/actions/${action}`, {
            method: 'POST', body: update, headers: { ...headers, Origin: origin } }, 303);
        if (r && r.status === 303)
            accepted.push(note);
    }
}

function percentile(sorted, p) {
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : null;
}

const started = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
const elapsed = (performance.now() - started) / 1000;
const latency = {};
let requests = 0;
for (const [kind, list] of Object.entries(times)) {
    const s = list.slice().sort((a, b) => a - b);
    requests += s.length;
    latency[kind] = { count: s.length, p50: +percentile(s, 0.5)?.toFixed(1),
                      p95: +percentile(s, 0.95)?.toFixed(1), max: +(s[s.length - 1] || 0).toFixed(1) };
}
console.log(JSON.stringify({ clients: CLIENTS, seconds: +elapsed.toFixed(1), requests,
                             per_second: +(requests / elapsed).toFixed(1),
                             errors: errors.length, first_errors: errors.slice(0, 5),
                             latency_ms: latency, accepted }));
process.exit(errors.length ? 1 : 0);
