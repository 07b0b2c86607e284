#!/usr/bin/env python3
"""Generates data/example-plan.sql from data_core.py and data_actions.py,
checking dates, references and the status lifecycle on the way."""
import datetime as dt
import os
import sys
import textwrap

from data_core import AUTHORITIES, REVIEWS, FINDINGS, OWNERS
from data_actions import ACTIONS

AS_OF = "2017-07-01"
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "example-plan.sql")

LEGAL = {("not_started", "in_progress"), ("in_progress", "complete"), ("complete", "signed_off"),
         ("complete", "in_progress"), ("not_started", "transferred"), ("in_progress", "transferred"),
         ("not_started", "withdrawn"), ("in_progress", "withdrawn")}


def d(s):
    assert dt.date.fromisoformat(s).isoformat() == s, s
    return dt.date.fromisoformat(s)


def q(s, indent="    ", width=120):
    """An SQL literal; long strings are split with || so lines stay short."""
    if s is None:
        return "NULL"
    if isinstance(s, int):
        return str(s)
    assert "\n" not in s
    parts, cur = [], ""
    for word in s.split(" "):
        piece = (cur + " " + word) if cur else word
        if len(piece) > width and cur:
            parts.append(cur + " ")
            cur = word
        else:
            cur = piece
    parts.append(cur)
    lits = ["'" + p.replace("'", "''") + "'" for p in parts]
    return (" ||\n" + indent).join(lits)


out = []
w = out.append

w("""-- example-plan.sql -- the example plan bundled with safeplan (`safeplan demo`, sp_demo_load).
--
-- Five English councils' safeguarding reviews, with findings quoted or closely paraphrased from five
-- real public papers (kept in the project's shared seeds):
--   windsor-maidenhead  briefing note to the Children's Services Overview and Scrutiny Panel,
--                       3 January 2017: LGA safeguarding peer review 5-9 December 2016 (strengths and
--                       areas for consideration under the five standard themes); Ofsted SIF March 2015
--                       "Requires Improvement".
--   herefordshire       LGA safeguarding children peer review feedback deck, 26 February - 1 March 2018
--                       (year inferred: see the review's comment).
--   leicester           Peer review of Leicester Safeguarding Children Board, final report April 2017,
--                       which also quotes Ofsted's March 2015 LSCB review (priorities I-III, areas for
--                       improvement i-vi), the March 2015 single inspection ("Inadequate") and the
--                       June 2016 LSCB Effectiveness Review's ten-point action plan. The LSCB's reviews
--                       are kept under Leicester City Council, whose Chief Executive commissioned the
--                       peer review.
--   torbay              Overview and Scrutiny Board pack, 18 July 2012: the LGA peer review letter
--                       (26 June 2012; on site 21-25 May 2012), the feedback slides, and the council's
--                       "Response to Children's Services Peer Review", which lists its actions against
--                       the requirements of the DfE improvement notice.
--   peterborough        Report to the Children and Education Scrutiny Committee, 13 March 2017, on
--                       progress against the action plan after the Ofsted inspection published
--                       September 2015; the plan closed at the end of 2016/17 and outstanding actions
--                       went into service plans.
--
-- Actions: descriptions, owners' roles and timescales follow the papers where they give them (Torbay's
-- response, Peterborough's progress report, Leicester's Effectiveness Review plan, Windsor and
-- Maidenhead's key areas of the improvement plan). The progress history (action_update) is
-- ILLUSTRATIVE: the papers do not give dated updates, so the history is constructed to be consistent
-- with them and to show every state of the plan on the default as-of date, 2017-07-01 (complete,
-- signed off with and without impact evidence, transferred, withdrawn, on track, due within 28 days,
-- overdue by 1-30, 31-90, 91-180 and over 180 days, revised due dates, stale). Nothing is dated after
-- 2017-07-01 except the Herefordshire review of 2018 and its not-yet-started actions.
--
-- People are named by role only, never by name. Owner names are unique across the database, so most
-- carry their authority in brackets, e.g. "Head of Children's Social Care (Torbay)".
--
-- Format: plain SQL run as one script inside the loader's transaction. Idempotent: reference data uses
-- INSERT OR IGNORE on its unique keys, and each update is inserted only if the action has no update
-- with the same date and author, so a second run adds nothing. Ids are looked up, never written.
-- recorded_at/created_at/updated_at are fixed (noon UTC on the day) so the result is deterministic.
-- Do not set action.status/due_on/last_update_on here: the action_update trigger applies them.
""")

w("-- ------------------------------------------------------------------ authorities\n")
codes = set()
for code, name, kind in AUTHORITIES:
    codes.add(code)
    w(f"INSERT OR IGNORE INTO authority (code, name, kind) VALUES ({q(code)}, {q(name)}, {q(kind)});")
w("")

w("-- ------------------------------------------------------------------ reviews\n")
review_paths = set()
for code, ref, kind, title, s, e, r, j, comment in REVIEWS:
    assert code in codes
    for x in (s, e, r):
        if x:
            d(x)
    path = f"{code}/{ref}"
    review_paths.add(path)
    for line in textwrap.wrap(f"{path}: {comment}", 110):
        w("-- " + line)
    w("INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)")
    w(f"VALUES ((SELECT id FROM authority WHERE code = {q(code)}), {q(ref)}, {q(kind)},\n"
      f"        {q(title, '        ')},\n        {q(s)}, {q(e)}, {q(r)}, {q(j)});")
w("")

w("""-- Short lookups by reference path (CODE/REVIEW, CODE/REVIEW/FINDING, CODE/REVIEW/FINDING/ACTION),
-- dropped at the end of the script.
CREATE TEMP VIEW IF NOT EXISTS example_plan_review AS
    SELECT r.id AS id, au.code || '/' || r.ref AS path
    FROM review r JOIN authority au ON au.id = r.authority_id;
CREATE TEMP VIEW IF NOT EXISTS example_plan_finding AS
    SELECT f.id AS id, au.code || '/' || r.ref || '/' || f.ref AS path
    FROM finding f JOIN review r ON r.id = f.review_id JOIN authority au ON au.id = r.authority_id;
CREATE TEMP VIEW IF NOT EXISTS example_plan_action AS
    SELECT a.id AS id, au.code || '/' || r.ref || '/' || f.ref || '/' || a.ref AS path
    FROM action a JOIN finding f ON f.id = a.finding_id JOIN review r ON r.id = f.review_id
    JOIN authority au ON au.id = r.authority_id;
""")

w("-- ------------------------------------------------------------------ findings\n")
finding_paths = {}
nfind = 0
for rpath, items in FINDINGS.items():
    assert rpath in review_paths, rpath
    w(f"-- {rpath}")
    refs = set()
    for ref, kind, theme, text in items:
        assert ref not in refs, (rpath, ref)
        refs.add(ref)
        finding_paths[f"{rpath}/{ref}"] = kind
        nfind += 1
        w("INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)")
        w(f"SELECT id, {q(ref)}, {q(kind)}, {q(theme)},\n       {q(text, '       ')}\n"
          f"FROM example_plan_review WHERE path = {q(rpath)};")
    w("")

w("-- ------------------------------------------------------------------ owners (roles, not people)\n")
owner_names = set()
for name, team in OWNERS:
    assert name.lower() not in owner_names, name
    owner_names.add(name.lower())
    w(f"INSERT OR IGNORE INTO owner (name, team) VALUES ({q(name)}, {q(team)});")
w("")

w("-- ------------------------------------------------------------------ actions\n"
  "-- Inserted not started, due on the original due date; the updates below move them on.\n")
apaths = set()
used_owners = set()
for a in ACTIONS:
    assert a["finding"] in finding_paths, a["finding"]
    assert finding_paths[a["finding"]] != "strength", a["finding"]
    assert a["owner"].lower() in owner_names, a["owner"]
    used_owners.add(a["owner"].lower())
    ap = f"{a['finding']}/{a['ref']}"
    assert ap not in apaths, ap
    apaths.add(ap)
    s, due = d(a["start"]), d(a["due"])
    assert dt.date(2012, 1, 1) <= s <= dt.date(2018, 12, 31) and s <= due <= dt.date(2018, 12, 31), ap
    ts = a["start"] + "T12:00:00Z"
    w("INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,")
    w("                             measure, created_at, updated_at)")
    w(f"SELECT f.id, {q(a['ref'])},\n       {q(a['desc'], '       ')},\n"
      f"       o.id, {q(a['start'])}, {q(a['due'])}, {q(a['due'])}, 'not_started',\n"
      f"       {q(a['measure'], '       ')},\n       {q(ts)}, {q(ts)}\n"
      f"FROM example_plan_finding f, owner o\nWHERE f.path = {q(a['finding'])} AND o.name = {q(a['owner'])};")
w("")

w("-- ------------------------------------------------------------------ progress history (append-only)\n"
  "-- Each update is added once: skipped if the action already has one with the same date and author.\n")
nupd = 0
state = {}
for a in ACTIONS:
    ap = f"{a['finding']}/{a['ref']}"
    status, due, owner = "not_started", a["due"], a["owner"]
    last = a["start"]
    keys = set()
    if a["updates"]:
        w(f"-- {ap}")
    for u in a["updates"]:
        on = u["on"]
        assert d(on) >= d(last), (ap, on, last)
        assert on <= AS_OF, (ap, on)
        assert (on, u["author"]) not in keys, (ap, on)
        keys.add((on, u["author"]))
        last = on
        cols = {"action_id": None, "on_date": on, "recorded_at": on + "T12:00:00Z", "author": u["author"],
                "note": u.get("note")}
        if u.get("evidence"):
            cols["evidence"] = u["evidence"]
        if u.get("no_evidence_reason"):
            cols["no_evidence_reason"] = u["no_evidence_reason"]
        if u.get("percent") is not None:
            cols["percent"] = u["percent"]
        ns = u.get("new_status")
        if ns:
            assert (status, ns) in LEGAL, (ap, status, ns)
            if ns == "signed_off":
                assert u.get("evidence") or u.get("no_evidence_reason"), ap
            if ns in ("withdrawn",) or (status, ns) == ("complete", "in_progress"):
                assert u.get("reason"), ap
            if ns == "transferred":
                assert u.get("transferred_to"), ap
            cols["old_status"], cols["new_status"] = status, ns
            status = ns
        if u.get("new_due"):
            assert d(u["new_due"]) > d(due), ap
            assert u.get("reason"), ap
            cols["old_due_on"], cols["new_due_on"] = due, u["new_due"]
            due = u["new_due"]
        if u.get("new_owner"):
            assert u["new_owner"].lower() in owner_names
            used_owners.add(u["new_owner"].lower())
            cols["old_owner_id"] = ("OWNER", owner)
            cols["new_owner_id"] = ("OWNER", u["new_owner"])
            owner = u["new_owner"]
        if u.get("transferred_to"):
            cols["transferred_to"] = u["transferred_to"]
        if u.get("rag"):
            cols["rag_override"] = u["rag"]
        if u.get("reason"):
            cols["reason"] = u["reason"]
        names = ", ".join(cols)
        vals = []
        for k, v in cols.items():
            if k == "action_id":
                vals.append("a.id")
            elif isinstance(v, tuple):
                vals.append(f"(SELECT id FROM owner WHERE name = {q(v[1])})")
            else:
                vals.append(q(v, "       "))
        w(f"INSERT INTO action_update ({names})")
        w("SELECT " + ",\n       ".join(vals))
        w(f"FROM example_plan_action a WHERE a.path = {q(ap)}\n"
          f"  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id\n"
          f"                  AND u.on_date = {q(on)} AND u.author = {q(u['author'])});")
        nupd += 1
    state[ap] = (status, due, last if a["updates"] else None)

assert used_owners == owner_names, owner_names - used_owners

w("""
DROP VIEW IF EXISTS temp.example_plan_action;
DROP VIEW IF EXISTS temp.example_plan_finding;
DROP VIEW IF EXISTS temp.example_plan_review;
""")

open(OUT, "w", encoding="utf-8").write("\n".join(out))
print(f"authorities {len(AUTHORITIES)} reviews {len(REVIEWS)} findings {nfind} owners {len(OWNERS)} "
      f"actions {len(ACTIONS)} updates {nupd}", file=sys.stderr)

# Expected state on AS_OF, for cross-checking the database.
asof = d(AS_OF)
from collections import Counter
c = Counter(s for s, _, _ in state.values())
print("status:", dict(c), file=sys.stderr)
for ap, (s, due, last) in sorted(state.items()):
    if s in ("not_started", "in_progress"):
        late = (asof - d(due)).days
        stale = (asof - d(last)).days if last else None
        print(f"  open {ap:45} due {due} late {late:5} since-update {stale}", file=sys.stderr)
