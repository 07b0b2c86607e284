// The session time-out warning (WCAG 2.2.1 Timing Adjustable), served as
// /session.js and compiled into the binary like the stylesheet.
//
// A signed-in session ends after some minutes without a request (the
// notice on every page says how many: data-idle-seconds). Two minutes
// before that, this opens the page's modal dialog: when the session will
// end, and "Stay signed in", which posts to /session/extend. The server
// answers 204 No Content, so the page and anything typed into it stay. If
// the time runs out, the dialog says so and links to sign-in; the page is
// left as it was, so that what was typed can still be copied.
//
// Without script the notice says the same and its own "Stay signed in"
// button makes the same post (a 204 leaves the page as it is). Tabs of the
// same browser share the moment of the last request through localStorage,
// so a request in one tab postpones the warning in the others.
'use strict';

(function () {
    var notice = document.getElementById('session-notice');
    var dialog = document.getElementById('session-dialog');
    if (!notice || !dialog || typeof dialog.showModal !== 'function' || !window.fetch)
        return;
    // A few seconds short of the server's limit: the page loaded a moment
    // after the server counted the request.
    var idle = Number(notice.getAttribute('data-idle-seconds')) * 1000 - 5000;
    if (!(idle > 0))
        return;
    var WARN_BEFORE = Math.min(2 * 60 * 1000, idle / 2);
    var KEY = 'safeplan-session-used';
    var loaded = Date.now();
    var timers = [];
    var ended = false;

    // The last request of any tab, as far as this browser knows.
    function lastUsed() {
        var shared = 0;
        try {
            shared = Number(window.localStorage.getItem(KEY)) || 0;
        } catch (e) {
            // storage refused (private windows): this tab's own clock
        }
        return Math.max(shared, loaded);
    }

    function used(when) {
        loaded = Math.max(loaded, when);
        try {
            window.localStorage.setItem(KEY, String(when));
        } catch (e) {
            // as above
        }
    }

    function clock(ms) {
        return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    }

    function part(state) {
        return dialog.querySelector('[data-state="' + state + '"]');
    }

    function schedule() {
        timers.forEach(window.clearTimeout);
        var end = lastUsed() + idle;
        var now = Date.now();
        timers = [window.setTimeout(warn, Math.max(0, end - WARN_BEFORE - now)),
                  window.setTimeout(expire, Math.max(0, end - now))];
    }

    // Another tab may have been used since: then wait again.
    function stillIdle(before) {
        return lastUsed() + idle - Date.now() <= before + 1000;
    }

    function warn() {
        if (ended || !stillIdle(WARN_BEFORE))
            return schedule();
        document.getElementById('session-dialog-time').textContent = clock(lastUsed() + idle);
        if (!dialog.open)
            dialog.showModal();
    }

    function expire() {
        if (!stillIdle(0))
            return schedule();
        ended = true;
        part('warn').hidden = true;
        part('ended').hidden = false;
        dialog.setAttribute('aria-labelledby', 'session-ended-title');
        dialog.setAttribute('aria-describedby', 'session-ended-text');
        if (!dialog.open)
            dialog.showModal();
        // the heading, so that what happened is read first
        document.getElementById('session-ended-title').focus();
    }

    function extend(event) {
        event.preventDefault();
        var form = event.currentTarget;
        window.fetch(form.action, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(new FormData(form)).toString()
        }).then(function (response) {
            if (response.status !== 204)
                return expire();
            used(Date.now());
            if (dialog.open)
                dialog.close();
            schedule();
        }, function () {
            // the server could not be reached: the dialog stays, to try again
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll('form.app-session-extend'),
                                 function (form) { form.addEventListener('submit', extend); });
    // Escape closes the warning as "Stay signed in" does: dismissed
    // unanswered, the session would still end behind it.
    dialog.addEventListener('cancel', function (event) {
        if (ended)
            return;
        event.preventDefault();
        part('warn').querySelector('form').requestSubmit();
    });
    window.addEventListener('storage', function (event) {
        if (event.key === KEY && !ended && dialog.open && !stillIdle(WARN_BEFORE)) {
            dialog.close();
            schedule();
        }
    });
    used(loaded);
    schedule();
}());
