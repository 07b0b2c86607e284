#!/usr/bin/env python3
"""Generates a synthetic national safeguarding improvement plan as CSV.

    bench/gen.py --actions 1000000 --authorities 150 --style export OUT.csv

One row per action, streamed (memory does not grow with --actions), the
same rows for the same --seed. Two layouts of the same plan:

  --style export   the columns `safeplan export` writes (sql/export.sql), in
                   its order, ISO dates, LF-free CRLF records: what the
                   importer reads back exactly.
  --style council  what a council's spreadsheet looks like: a UTF-8 BOM,
                   CRLF, the headers councils write ("Recommendation",
                   "Lead officer", "Due date", "RAG", "Progress"...), UK
                   dates (31/03/2017) and some loose timescales ("end of
                   March 2017", "Q2 2016/17"), status words as typed ("In
                   progress"), one-letter RAG. No finding references: the
                   importer finds a finding by its text, as sheets repeat it
                   on each of its actions' rows.

The text is meant to look like real plans (see shared/seeds): commas,
straight and curly quotes, pound signs, en dashes, accented names, cells
with line breaks, and a few cells beginning with '-' (bullet lists) that
the export's formula guard must neutralise. Every row is valid for the
importer: dates exist, the due date is not before the start date, update
dates are not after --as-of, references are [A-Za-z0-9._-].

Shape: --authorities councils, 3-9 reviews each (peer reviews, Ofsted
inspections, monitoring visits ... from 2011 to 2017), the actions shared
out over the reviews, 1-12 actions per finding. Statuses follow time:
actions past their due date on --as-of are mostly complete or signed off,
about a quarter still open (overdue); later ones mostly in progress.

It prints one line of counts to stderr (authorities, reviews, findings,
actions, rows with a progress update).
"""
import argparse
import csv
import datetime as dt
import random
import sys

THEMES = [
    "Effective practice, service delivery and the voice of the child",
    "Outcomes, impact and performance management",
    "Working together (incl. the Health and Wellbeing Board)",
    "Capacity and managing resources",
    "Vision, strategy and leadership",
    "Early Help",
    "Operational practice",
    "Edge of care, LAC and permanency",
    "Quality assurance and audit",
    "LSCB effectiveness",
]
# The LGA's five themes carry most findings; reviews' own areas fewer.
THEME_WEIGHTS = [18, 16, 14, 12, 12, 8, 7, 6, 4, 3]

AUTHORITIES = [
    "Barking and Dagenham", "Barnet", "Barnsley", "Bath and North East Somerset", "Bedford",
    "Bexley", "Birmingham", "Blackburn with Darwen", "Blackpool", "Bolton",
    "Bournemouth, Christchurch and Poole", "Bracknell Forest", "Bradford", "Brent",
    "Brighton and Hove", "Bristol", "Bromley", "Buckinghamshire", "Bury", "Calderdale",
    "Cambridgeshire", "Camden", "Central Bedfordshire", "Cheshire East",
    "Cheshire West and Chester", "City of London", "Cornwall", "Coventry", "Croydon",
    "Cumbria", "Darlington", "Derby", "Derbyshire", "Devon", "Doncaster", "Dorset", "Dudley",
    "Durham", "Ealing", "East Riding of Yorkshire", "East Sussex", "Enfield", "Essex",
    "Gateshead", "Gloucestershire", "Greenwich", "Hackney", "Halton", "Hammersmith and Fulham",
    "Hampshire", "Haringey", "Harrow", "Hartlepool", "Havering", "Herefordshire",
    "Hertfordshire", "Hillingdon", "Hounslow", "Isle of Wight", "Isles of Scilly", "Islington",
    "Kensington and Chelsea", "Kent", "Kingston upon Hull", "Kingston upon Thames", "Kirklees",
    "Knowsley", "Lambeth", "Lancashire", "Leeds", "Leicester", "Leicestershire", "Lewisham",
    "Lincolnshire", "Liverpool", "Luton", "Manchester", "Medway", "Merton", "Middlesbrough",
    "Milton Keynes", "Newcastle upon Tyne", "Newham", "Norfolk", "North East Lincolnshire",
    "North Lincolnshire", "North Somerset", "North Tyneside", "North Yorkshire",
    "Northamptonshire", "Northumberland", "Nottingham", "Nottinghamshire", "Oldham",
    "Oxfordshire", "Peterborough", "Plymouth", "Portsmouth", "Reading", "Redbridge",
    "Redcar and Cleveland", "Richmond upon Thames", "Rochdale", "Rotherham", "Rutland",
    "Salford", "Sandwell", "Sefton", "Sheffield", "Shropshire", "Slough", "Solihull",
    "Somerset", "South Gloucestershire", "South Tyneside", "Southampton", "Southend-on-Sea",
    "Southwark", "St Helens", "Staffordshire", "Stockport", "Stockton-on-Tees",
    "Stoke-on-Trent", "Suffolk", "Sunderland", "Surrey", "Sutton", "Swindon", "Tameside",
    "Telford and Wrekin", "Thurrock", "Torbay", "Tower Hamlets", "Trafford", "Wakefield",
    "Walsall", "Waltham Forest", "Wandsworth", "Warrington", "Warwickshire", "West Berkshire",
    "West Sussex", "Westminster", "Wigan", "Wiltshire", "Windsor and Maidenhead", "Wirral",
    "Wokingham", "Wolverhampton", "Worcestershire", "York",
]

REVIEW_KINDS = [
    ("lga_peer_review", "peer", "LGA safeguarding peer review, {d1}–{d2}"),
    ("ofsted_inspection", "ofsted", "Ofsted inspection of services for children in need of "
                                    "help and protection, {m}"),
    ("ofsted_lscb_review", "lscb", "Ofsted review of the effectiveness of the LSCB, {m}"),
    ("monitoring_visit", "mv", "Ofsted monitoring visit, {d1}"),
    ("improvement_notice", "notice", "DfE improvement notice, {m}"),
    ("self_assessment", "self", "Self-assessment against the “Working Together” standards, {m}"),
]
JUDGEMENTS = ["Inadequate", "Requires Improvement", "Requires improvement to be good", "Good"]
FINDING_KINDS = ["recommendation", "area_for_consideration", "area_for_improvement",
                 "priority_action", "strength", "improvement_notice_requirement"]
FINDING_KIND_WEIGHTS = [40, 25, 20, 8, 4, 3]

ROLES = [
    "Director of Children's Services", "Head of Service for Safeguarding and Quality Assurance",
    "Head of Children's Social Care", "LSCB Business Manager", "Principal Social Worker",
    "Head of Early Help", "Workforce Development Manager", "Performance and Quality Assurance "
    "Manager", "Head of Looked After Children", "Designated Nurse, Safeguarding Children",
    "Independent Chair, LSCB", "MASH Manager", "Head of Commissioning",
    "Service Manager, Edge of Care", "Head of Human Resources", "Team Manager, Assessment",
    "Virtual School Head", "Strategic Lead, Child Sexual Exploitation",
    "Head of Youth Offending Service", "Lead Member for Children",
]
PEOPLE = ["Siân Jones", "Zoë Clarke", "José Álvarez", "Chloë O'Brien", "Niamh Ó Súilleabháin",
          "Renée Dubois", "Björn Larsen", "Anaïs Patel", "Dr Amara Okafor", "Łukasz Nowak"]

# Sentence pieces: {a}, {b}, {n}, {p}, {m} are filled per row.
FINDING_TEXTS = [
    "Ensure that the voice of the child is recorded in assessments, plans and reviews, and "
    "that it visibly informs decisions",
    "Improve the timeliness of initial child protection conferences; only {n}% were held "
    "within 15 working days",
    "Strengthen management oversight and the quality of supervision, which is \"not regular "
    "or reflective\" in too many cases",
    "The LSCB should evaluate the impact of multi-agency training on front-line practice",
    "Thresholds are not consistently understood by partners; referrals from health and "
    "schools are often inappropriate",
    "Develop a workforce strategy to reduce reliance on agency social workers (currently "
    "{n}% of posts)",
    "Performance information is plentiful, but it is not used to ask the ‘so what?’ "
    "question about impact",
    "Care leavers’ pathway plans are not always up to date, and too few are in education, "
    "employment or training",
    "Return home interviews for children who go missing are not offered consistently",
    "Early help assessments vary in quality; step-down from statutory services is not "
    "well managed",
    "Caseloads are high (average {n}) and uneven across teams",
    "The Health and Wellbeing Board and the LSCB should agree how they hold each other to "
    "account",
    "Audit findings are not systematically fed back to practitioners, so learning is lost",
    "Strategy discussions do not always involve police and health; decisions are not "
    "recorded",
    "Budget pressures of £{p}m in placements threaten the sustainability of the plan",
]
ACTION_TEXTS = [
    "Review the {a} procedure with partners, and publish a revised version on the LSCB "
    "website",
    "Recruit {n} permanent social workers; reduce agency staff to below {m}%",
    "Introduce monthly reflective supervision, recorded on the case file, for all "
    "front-line staff",
    "Deliver multi-agency training on thresholds (“Right help, right time”) to {n} "
    "practitioners",
    "Run a themed audit of {n} case files and report findings to the Improvement Board",
    "Commission an independent review of the {a} service, including the views of children "
    "and families",
    "Streamline paperwork/ICS forms: remove unnecessary fields, release time for direct "
    "work",
    "Agree a performance scorecard with {n} measures, reported monthly to the DCS, the "
    "Lead Member and scrutiny",
    "Pilot a multi-agency enquiry form in the MASH, starting with {a}",
    "Set up a care leavers’ forum, chaired by the Lead Member; first meeting by {mo}",
    "Develop an Early Help strategy with schools, GPs and the voluntary sector",
    "Ensure every child missing from home or care is offered a return home interview "
    "within 72 hours",
    "Embed the signs of safety model:\n1. train managers\n2. revise templates\n3. audit "
    "practice after six months",
    "Report to Cabinet on the £{p}m placement overspend, with options to manage demand",
    "Establish a quality assurance framework; audit {n}% of open cases each quarter",
]
AREAS = ["child protection", "children in need", "looked after children", "MASH",
         "edge of care", "early help", "private fostering", "CSE", "leaving care", "adoption"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MEASURES = [
    "Audit shows {n}% of plans with the child's views recorded",
    "Agency staff below {m}% by year end",
    "Timeliness of conferences above {n}%, sustained for three months",
    "Practitioners' survey: {n}% understand thresholds",
    "Fewer re-referrals within 12 months (target: below {m}%)",
    "Case file audit rated “good” or better in {n}% of cases",
    "",
    "",
]
NOTES = [
    "Working group met; draft agreed by partners.",
    "{n} of {m} actions completed; remainder on track.",
    "Delayed: partner data late, see Improvement Board minutes of {mo}.",
    "Training delivered to {n} staff, evaluations positive (“really useful”).",
    "Audit completed, but lacked evidence of change – the ‘so what’ question remains.",
    "Recruitment campaign launched; {n} offers made, {m} accepted.",
    "Update:\nPolicy signed off by the LSCB executive.\nRoll-out from {mo}.",
    "- Template revised\n- Managers briefed\n- First audit booked",
    "Budget of £{p}k agreed by Cabinet; procurement under way.",
    "No progress this quarter, owing to staff turnover in the team.",
]
EVIDENCES = [
    "Audit, {mo}: {n}% of plans now record the child's views (was {m}%).",
    "Agency use down to {m}% of posts; caseloads average {n}.",
    "Re-referral rate fell from {n}% to {m}% over six months.",
    "Children's feedback: “my social worker listens to me”.",
]
OVERRIDE_REASONS = ["partner data late", "confident of delivery: new manager in post",
                    "board asked for closer monitoring", "risk to funding, see report"]
TRANSFER_TO = ["Children's Services Service Plan 2017/18", "LSCB Business Plan 2017–19",
               "Early Help Strategy action plan", "Corporate Parenting Board work plan"]


def iso(d):
    return d.isoformat()


def uk(d):
    return d.strftime("%d/%m/%Y")


def code_of(name, used):
    code = "".join(c if c.isalnum() else "-" for c in name.lower())
    code = "-".join(p for p in code.split("-") if p)[:36]
    base, k = code, 2
    while code in used:
        code = f"{base}-{k}"
        k += 1
    used.add(code)
    return code


class Filler:
    """Fills the {x} slots of a template with fresh small numbers."""

    def __init__(self, rng):
        self.rng = rng

    def __call__(self, text):
        if "{" not in text:
            return text
        r = self.rng
        return text.format(a=r.choice(AREAS), n=r.randint(2, 95), m=r.randint(2, 40),
                           p=r.randint(1, 9), mo=f"{r.choice(MONTHS)} {r.randint(2012, 2017)}")


EXPORT_COLUMNS = [
    "authority", "authority_name", "authority_kind", "review", "review_kind", "review_title",
    "review_started_on", "review_ended_on", "review_reported_on", "review_judgement",
    "finding_ref", "finding_kind", "theme", "finding", "action_ref", "action", "owner",
    "start_on", "original_due_on", "due_on", "status", "measure", "rag", "rag_reason",
    "rag_override", "rag_override_reason", "last_update_on", "last_update_by",
    "last_update_note", "last_update_evidence", "transferred_to",
]
COUNCIL_COLUMNS = [
    ("Authority code", "authority"), ("Authority name", "authority_name"),
    ("Review ref", "review"), ("Review title", "review_title"), ("Theme", "theme"),
    ("Recommendation", "finding"), ("Ref", "action_ref"), ("Action", "action"),
    ("Lead officer", "owner"), ("Start date", "start_on"), ("Due date", "due_on"),
    ("Status", "status"), ("RAG", "rag"), ("Progress", "last_update_note"),
    ("Last updated", "last_update_on"), ("Evidence of impact", "last_update_evidence"),
    ("Transferred to", "transferred_to"),
]
STATUS_AS_TYPED = {"not_started": "Not started", "in_progress": "In progress",
                   "complete": "Complete", "signed_off": "Signed off",
                   "transferred": "Transferred", "withdrawn": "Withdrawn"}
RAG_LETTER = {"red": "R", "amber": "A", "green": "G", "blue": "B", "grey": "Grey"}


def share(total, weights):
    """Splits total into len(weights) integers proportional to weights."""
    out, acc, wsum, done = [], 0.0, float(sum(weights)), 0
    for w in weights:
        acc += w
        upto = int(round(total * acc / wsum))
        out.append(upto - done)
        done = upto
    return out


def make_reviews(rng, n_auth):
    """[(authority dict, [review dict...])...]"""
    used, plan = set(), []
    for i in range(n_auth):
        name = AUTHORITIES[i % len(AUTHORITIES)]
        if i >= len(AUTHORITIES):
            name = f"{name} ({i // len(AUTHORITIES) + 1})"
        auth = dict(code=code_of(name, used), name=f"{name} Council",
                    kind=rng.choice(["council"] * 9 + ["partnership"]), short=name)
        reviews, refs = [], set()
        for _ in range(rng.randint(3, 9)):
            kind, stem, title = rng.choice(REVIEW_KINDS)
            start = dt.date(2011, 1, 3) + dt.timedelta(days=rng.randint(0, 6 * 365 + 60))
            ref = f"{start.year}-{stem}"
            k = 2
            while ref in refs:
                ref = f"{start.year}-{stem}{k}"
                k += 1
            refs.add(ref)
            end = start + dt.timedelta(days=rng.choice([0, 4, 4, 9, 14]))
            reported = end + dt.timedelta(days=rng.randint(14, 60))
            reviews.append(dict(
                ref=ref, kind=kind,
                title=title.format(d1=start.strftime("%-d %B %Y"), d2=end.strftime("%-d %B %Y"),
                                   m=start.strftime("%B %Y")),
                start=start, end=end, reported=reported,
                judgement=rng.choice(JUDGEMENTS) if kind.startswith("ofsted") else ""))
        plan.append((auth, reviews))
    return plan


def status_for(rng, start, due, as_of):
    if start > as_of:
        return "not_started"
    x = rng.random()
    if due < as_of:  # past due: mostly done, about a quarter still open
        for s, p in (("complete", .35), ("signed_off", .60), ("in_progress", .78),
                     ("not_started", .85), ("transferred", .93)):
            if x < p:
                return s
        return "withdrawn"
    for s, p in (("in_progress", .55), ("not_started", .80), ("complete", .93),
                 ("signed_off", .96), ("transferred", .98)):
        if x < p:
            return s
    return "withdrawn"


def rag_for(status, due, original, as_of):
    """The computed rating, roughly (the importer ignores it by default)."""
    if status in ("complete", "signed_off"):
        return "blue", f"blue: {status.replace('_', ' ')}"
    if status in ("transferred", "withdrawn"):
        return "grey", f"grey: {status}"
    days = (as_of - due).days
    if days > 0:
        return "red", f"red: {days} day{'s' if days != 1 else ''} past due date {iso(due)}"
    if -days <= 28:
        return "amber", f"amber: due in {-days} days ({iso(due)})"
    if due > original:
        return "amber", f"amber: due date revised from {iso(original)} to {iso(due)}"
    return "green", f"green: due in {-days} days ({iso(due)})"


def loose_due(rng, due):
    """A council's way of writing a due date that resolves to `due`, or None."""
    last = (due.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if due == last and rng.random() < .5:
        return rng.choice([f"end of {due.strftime('%B %Y')}", due.strftime("%B %Y")])
    return None


def action_row(rng, fill, ctx, ref, as_of):
    auth, rev, fnd = ctx["auth"], ctx["review"], ctx["finding"]
    start = rev["reported"] + dt.timedelta(days=rng.randint(0, 60))
    original = start + dt.timedelta(days=rng.choice([30, 61, 91, 122, 183, 274, 365, 540])
                                    + rng.randint(-10, 10))
    if rng.random() < .5:  # councils like month ends
        original = (original.replace(day=28) + dt.timedelta(days=4)).replace(day=1) \
            - dt.timedelta(days=1)
    due = original + dt.timedelta(days=rng.randint(30, 180)) if rng.random() < .15 else original
    status = status_for(rng, start, due, as_of)
    owners = ctx["owners"]
    owner = owners[rng.randrange(len(owners))]
    row = dict(authority=auth["code"], authority_name=auth["name"], authority_kind=auth["kind"],
               review=rev["ref"], review_kind=rev["kind"], review_title=rev["title"],
               review_started_on=rev["start"], review_ended_on=rev["end"],
               review_reported_on=rev["reported"], review_judgement=rev["judgement"],
               finding_ref=fnd["ref"], finding_kind=fnd["kind"], theme=fnd["theme"],
               finding=fnd["text"], action_ref=ref,
               action=fill(rng.choice(ACTION_TEXTS)), owner=owner, start_on=start,
               original_due_on=original, due_on=due, status=status,
               measure=fill(rng.choice(MEASURES)), rag_override="", rag_override_reason="",
               last_update_on=None, last_update_by="", last_update_note="",
               last_update_evidence="", transferred_to="")
    rag, reason = rag_for(status, due, original, as_of)
    if status in ("in_progress", "not_started") and rng.random() < .02:
        row["rag_override"] = rng.choice(["amber", "green", "red"])
        row["rag_override_reason"] = rng.choice(OVERRIDE_REASONS)
        reason = f"{row['rag_override']}: override ({row['rag_override_reason']}); computed {reason}"
        rag = row["rag_override"]
    row["rag"], row["rag_reason"] = rag, reason
    # A progress update unless the action is untouched (most not-started ones).
    if start < as_of and (status != "not_started" or rng.random() < .2):
        span = max(1, min((as_of - start).days, (due - start).days + 120))
        row["last_update_on"] = start + dt.timedelta(days=rng.randint(max(1, span // 3), span))
        row["last_update_by"] = owner if rng.random() < .8 else rng.choice(owners)
        row["last_update_note"] = fill(rng.choice(NOTES))
        if status in ("complete", "signed_off") and rng.random() < .7:
            row["last_update_evidence"] = fill(rng.choice(EVIDENCES))
        if status == "transferred":
            row["transferred_to"] = rng.choice(TRANSFER_TO)
    return row


def findings_of(rng, fill, review, quota):
    """Yields (finding, number of actions) until the review's quota is used."""
    n = 0
    while quota > 0:
        n += 1
        k = min(quota, rng.randint(1, 12))
        quota -= k
        text = fill(rng.choice(FINDING_TEXTS))
        yield dict(ref=f"{n}" if rng.random() < .7 else f"{n // 10 + 1}.{n % 10 + 1}",
                   kind=rng.choices(FINDING_KINDS, FINDING_KIND_WEIGHTS)[0],
                   theme=rng.choices(THEMES, THEME_WEIGHTS)[0],
                   text=f"{text} [{n}]"), k


def owners_of(rng, auth, lean):
    where = auth["code"][:12] if lean else auth["short"]
    return [f"{clip(r, 24) if lean else r} ({where})" for r in ROLES + rng.sample(PEOPLE, 3)]


def clip(text, n):
    """text cut at a word boundary to at most about n characters."""
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n)
    return text[:cut if cut > n // 2 else n].rstrip(",;:–- ")


LEAN_FIELDS = {"review_title": 24, "theme": 24, "action": 40, "measure": 30,
               "last_update_note": 30, "last_update_evidence": 30, "rag_reason": 40}


def lean(row):
    for f, n in LEAN_FIELDS.items():
        row[f] = clip(row[f], n)
    # Keep the finding's number: council files find a finding by its text.
    text, _, num = row["finding"].rpartition(" [")
    row["finding"] = f"{clip(text, 36)} [{num}"
    return row


def rows(args, counts):
    rng = random.Random(args.seed)
    fill = Filler(rng)
    as_of = dt.date.fromisoformat(args.as_of)
    plan = make_reviews(rng, args.authorities)
    flat = [(a, r) for a, rs in plan for r in rs]
    quotas = share(args.actions, [rng.uniform(.5, 1.5) for _ in flat])
    counts["authorities"], counts["reviews"] = len(plan), len(flat)
    owners = {}
    for (auth, review), quota in zip(flat, quotas):
        if auth["code"] not in owners:
            owners[auth["code"]] = owners_of(rng, auth, args.text == "lean")
        refs = set()
        for finding, k in findings_of(rng, fill, review, quota):
            # Dotted refs can collide ("1.2" twice): keep them unique.
            while finding["ref"] in refs:
                finding["ref"] += "a"
            refs.add(finding["ref"])
            counts["findings"] += 1
            ctx = dict(auth=auth, review=review, finding=finding, owners=owners[auth["code"]])
            for i in range(1, k + 1):
                row = action_row(rng, fill, ctx, str(i), as_of)
                counts["actions"] += 1
                counts["updated"] += row["last_update_on"] is not None
                yield lean(row) if args.text == "lean" else row


def export_cells(row):
    return [iso(v) if isinstance(v, dt.date) else ("" if v is None else v)
            for v in (row[c] for c in EXPORT_COLUMNS)]


def council_cells(rng, row):
    out = []
    for _, field in COUNCIL_COLUMNS:
        v = row[field]
        if field == "due_on":
            v = loose_due(rng, v) or uk(v)
        elif isinstance(v, dt.date):
            v = uk(v)
        elif field == "status":
            v = STATUS_AS_TYPED[v]
        elif field == "rag":
            v = RAG_LETTER[v]
        out.append("" if v is None else v)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out", help="the CSV file to write ('-' for stdout)")
    p.add_argument("--actions", type=int, default=1_000_000)
    p.add_argument("--authorities", type=int, default=150)
    p.add_argument("--style", choices=["export", "council"], default="export")
    p.add_argument("--as-of", default="2017-07-01",
                   help="the day the plan is as of: no update is dated later")
    p.add_argument("--text", choices=["long", "lean"], default="long",
                   help="long: texts as councils write them; lean: every text cut to "
                        "24-40 characters (about 190 bytes a row in council style)")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    if args.actions < 1 or args.authorities < 1:
        p.error("--actions and --authorities must be at least 1")
    counts = dict(authorities=0, reviews=0, findings=0, actions=0, updated=0)
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8",
                                                  buffering=1 << 20)
    w = csv.writer(out, lineterminator="\r\n")
    if args.style == "export":
        w.writerow(EXPORT_COLUMNS)
        w.writerows(export_cells(r) for r in rows(args, counts))
    else:
        out.write("\ufeff")
        w.writerow([h for h, _ in COUNCIL_COLUMNS])
        cells_rng = random.Random(args.seed + 1)
        w.writerows(council_cells(cells_rng, r) for r in rows(args, counts))
    if out is not sys.stdout:
        out.close()
    print(" ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
