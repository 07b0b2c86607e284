# Actions and their progress history for the example plan (generator input).

def start(d, who, note, pct=None, **kw):
    return dict(on=d, author=who, note=note, percent=pct, new_status="in_progress", **kw)

def prog(d, who, note, pct=None, **kw):
    return dict(on=d, author=who, note=note, percent=pct, **kw)

def done(d, who, note, evidence=None, **kw):
    return dict(on=d, author=who, note=note, percent=100, new_status="complete", evidence=evidence, **kw)

def sign(d, who, note, evidence=None, no_evidence_reason=None, **kw):
    return dict(on=d, author=who, note=note, new_status="signed_off", evidence=evidence,
                no_evidence_reason=no_evidence_reason, **kw)

def revise(d, who, note, new_due, reason, pct=None):
    return dict(on=d, author=who, note=note, new_due=new_due, reason=reason, percent=pct)

def transfer(d, who, note, to, reason=None):
    return dict(on=d, author=who, note=note, new_status="transferred", transferred_to=to, reason=reason)

def withdraw(d, who, note, reason):
    return dict(on=d, author=who, note=note, new_status="withdrawn", reason=reason)

def reopen(d, who, note, reason, pct=None):
    return dict(on=d, author=who, note=note, new_status="in_progress", reason=reason, percent=pct)

def reassign(d, who, note, new_owner, reason):
    return dict(on=d, author=who, note=note, new_owner=new_owner, reason=reason)

def override(d, who, note, rag, reason):
    return dict(on=d, author=who, note=note, rag=rag, reason=reason)


ACTIONS = []

def act(finding, ref, desc, owner, start_on, due, measure=None, updates=()):
    ACTIONS.append(dict(finding=finding, ref=ref, desc=desc, owner=owner, start=start_on, due=due,
                        measure=measure, updates=list(updates)))

# ---------------------------------------------------------------- Torbay
# Actions from "Response to Children's Services Peer Review" (seed 003), listed there against the
# improvement notice's requirements, and the recruitment and retention package in its para 2.1.
DCS = "Director of Children's Services"
CIB = "Independent Chair, Children's Improvement Board (Torbay)"
HCSC_T = "Head of Children's Social Care (Torbay)"
HR_T = "Head of Human Resources (Torbay)"
WFD_T = "Workforce Development Manager (Torbay)"
PQA_T = "Performance and Quality Assurance Manager (Torbay)"
EI_T = "Head of Early Intervention (Torbay)"
TIN = "torbay/improvement-notice/"
TPR = "torbay/2012-peer/"

act(TIN + "1", "1", "Streamline paperwork/PARIS system to make it more user friendly and release time for social "
    "workers to spend with families: remove all unnecessary ICS fields on core and initial assessments during July.",
    HCSC_T, "2012-07-02", "2012-07-31",
    "Unnecessary ICS fields removed; case file audit shows shorter, more analytical assessments",
    [start("2012-07-02", HCSC_T, "Review of ICS fields on core and initial assessments started with practitioners.", 20),
     done("2012-07-31", HCSC_T, "All unnecessary ICS fields removed from the core and initial assessment templates."),
     sign("2012-10-31", DCS, "Signed off at the Children's Services leadership team.",
          evidence="October 2012 case file audit: assessments shorter, with clearer analysis and the child's view recorded.")])

act(TIN + "1", "2", "Pilot a multi-agency enquiry form (based on the Child's Journey) starting in July.",
    HCSC_T, "2012-07-02", "2012-09-30",
    "Partner enquiries arrive on the form and are answered within timescale",
    [start("2012-07-16", HCSC_T, "Pilot started with the Safeguarding Hub and two partner agencies.", 25),
     done("2012-09-28", HCSC_T, "Pilot complete; evaluation reported to the Improvement Board."),
     reopen("2012-11-14", HCSC_T, "Reopened before roll-out.",
            "Partners asked for the form to follow the Threshold Matrix levels before it is used by all agencies.", 80),
     done("2013-01-31", HCSC_T, "Revised form rolled out to all partner agencies."),
     sign("2013-03-27", DCS, "Signed off.",
          evidence="Safeguarding Hub monitoring, Q4 2012/13: most partner enquiries received on the form.")])

act(TIN + "1", "3", "Develop more shared workforce development opportunities with partners, from induction onward.",
    WFD_T, "2012-07-02", "2013-03-31", "Joint induction and training with partner agencies in place and evaluated",
    [start("2012-09-03", WFD_T, "Joint induction module designed with health and police colleagues.", 30),
     prog("2013-01-15", WFD_T, "Two joint induction cohorts delivered.", 70),
     done("2013-03-28", WFD_T, "Shared induction and training calendar agreed with partners for 2013/14."),
     sign("2013-05-22", DCS, "Signed off.", evidence="Training evaluations in the TSCB training report 2012/13.")])

act(TIN + "2", "1", "Agree the vision and broader strategy for early help and children in need: engage managers "
    "across Children's Services (27 June) and produce an outline framework (16 July).",
    EI_T, "2012-06-27", "2012-07-16", "Outline framework agreed by managers across Children's Services",
    [start("2012-06-27", EI_T, "Engagement of managers across Children's Services.", 40),
     done("2012-07-16", EI_T, "Outline framework produced."),
     sign("2012-09-19", DCS, "Signed off; full strategy followed under peer review area 2.4.",
          evidence="Outline framework for early help and children in need agreed by the leadership team.")])

act(TPR + "2.4", "1", "Publish and communicate the early help strategy and offer to partners.",
    EI_T, "2012-07-17", "2012-12-31", "Partners can describe the early help offer; CAF activity rising",
    [start("2012-08-01", EI_T, "Drafting started from the outline framework.", 30),
     prog("2012-12-14", EI_T, "Draft strategy consulted on with schools, health and the voluntary sector.", 80),
     done("2013-02-08", EI_T, "Early help strategy and offer published and briefed to partners (six weeks late)."),
     sign("2013-04-24", DCS, "Signed off.", evidence="CAF activity report to the Improvement Board, Q4 2012/13.")])

act(TIN + "3", "1", "Continue the review of child protection plans.",
    "Safeguarding and Reviewing Service Manager (Torbay)", "2012-06-01", "2013-03-31",
    "Fewer children subject to child protection plans, with no rise in repeat plans",
    [start("2012-06-01", "Safeguarding and Reviewing Service Manager (Torbay)", "Review of all plans started.", 10),
     prog("2012-07-18", "Safeguarding and Reviewing Service Manager (Torbay)",
          "CP plans number reduced since April \u2013 now 50 lower.", 40),
     done("2013-03-28", "Safeguarding and Reviewing Service Manager (Torbay)",
          "All plans reviewed; review now part of routine conference chairing."),
     sign("2013-06-26", DCS, "Signed off.",
          evidence="Monthly child protection plan numbers and repeat-plan rate reported to the TSCB.")])

act(TIN + "4", "1", "New simplified and shared format for auditing cases, based on the Ofsted inspectors' check "
    "list; piloting by CSLT mid July.",
    PQA_T, "2012-06-27", "2012-07-15", "Audit tool in use; audit findings reported to the Improvement Board and TSCB",
    [start("2012-06-27", PQA_T, "Format drafted from the Ofsted inspectors' check list.", 50),
     done("2012-07-20", PQA_T, "Pilot by the Children's Services leadership team completed, five days after mid July."),
     sign("2012-10-17", DCS, "Signed off.",
          evidence="First quarterly audit report in the new format to the Improvement Board and TSCB, October 2012.")])

act(TIN + "4", "2", "Core business: a performance management approach that links all elements of the personal and "
    "organisational performance cycle, ready for promotion to Children's Services managers on 27 June.",
    DCS, "2012-06-01", "2012-06-27", "Every manager's objectives linked to Children's Partnership Improvement Plan targets",
    [start("2012-06-01", DCS, "Approach drafted with HR.", 50),
     done("2012-06-27", DCS, "Approach promoted to Children's Services managers."),
     sign("2012-09-26", CIB, "Signed off by the Improvement Board.",
          evidence="Appraisal objectives for all managers linked to plan targets (HR report, September 2012).")])

act(TIN + "6", "1", "Voluntary sector CPIP lead to take on the work package lead for TSCB promotion and awareness "
    "raising.",
    "Voluntary Sector CPIP Lead", "2012-07-02", "2012-12-31",
    "Fewer \"don't know\" answers about the TSCB in the next partner survey",
    [start("2012-07-02", "Voluntary Sector CPIP Lead", "Work package agreed with the TSCB Business Manager.", 10),
     prog("2012-10-10", "Voluntary Sector CPIP Lead",
          "TSCB newsletter launched; awareness sessions for voluntary and community groups.", 60),
     done("2012-12-19", "Voluntary Sector CPIP Lead", "Awareness programme delivered."),
     sign("2013-07-17", "TSCB Business Manager", "Signed off by the TSCB.",
          evidence="Attendance at TSCB awareness sessions and newsletter circulation figures.")])

act(TIN + "7", "1", "Continue the routine of briefings to staff and partners on the improvement plan.",
    DCS, "2012-07-02", "2013-03-31", "Staff and partners briefed after every Improvement Board meeting",
    [start("2012-07-02", DCS, "Briefings booked with partners and elected members.", 20),
     done("2013-03-28", DCS, "Briefings held after every Improvement Board meeting in 2012/13."),
     sign("2013-04-24", CIB, "Signed off.", evidence="Briefing schedule and attendance, 2012/13.")])

act(TIN + "7", "2", "Cultural change programme (commissioned): complete the first phase on 17-18 July.",
    WFD_T, "2012-06-27", "2012-07-18",
    "First phase delivered; staff report clearer roles and more confidence to make decisions",
    [start("2012-06-27", WFD_T, "Programme commissioned; first phase scheduled.", 30),
     done("2012-07-18", WFD_T, "First phase delivered on 17-18 July."),
     sign("2012-09-26", DCS, "Signed off.", evidence="Participant evaluations of the first phase.")])

act(TIN + "8", "1", "Implement the council-approved recruitment and retention package.",
    HR_T, "2012-06-27", "2012-12-31", "Social worker vacancy and turnover rates fall; less reliance on agency staff",
    [start("2012-07-02", HR_T, "Package approved by the council; implementation started.", 20),
     prog("2012-10-31", HR_T, "Relocation package, retention payments and finder's fee in place.", 60),
     done("2012-12-20", HR_T, "All elements of the package in place."),
     sign("2013-06-26", CIB, "Signed off.",
          evidence="Vacancy and turnover figures reported to the Improvement Board, June 2013.")])

act(TIN + "9", "1", "Recruitment of Principal Social Worker.",
    DCS, "2012-06-27", "2012-10-31", "Principal Social Worker in post and leading practice development",
    [start("2012-07-02", DCS, "Post advertised nationally.", 20),
     done("2012-10-15", DCS, "Principal Social Worker appointed."),
     sign("2012-12-12", CIB, "Signed off.", evidence="Principal Social Worker leading the practice forum from November 2012.")])

act(TIN + "10", "1", "Commissioning E&D approach (equality and diversity) for social care staff and partners.",
    WFD_T, "2012-07-02", "2012-12-31", "Equality and diversity training delivered; identity and disability recorded in assessments",
    [start("2012-08-01", WFD_T, "Specification agreed with partners.", 20),
     done("2013-01-31", WFD_T, "Provider commissioned; first sessions delivered."),
     sign("2013-04-24", DCS, "Signed off.", evidence="Case file audit, March 2013: identity recorded in most assessments.")])

act(TPR + "2.1", "1", "Recruit an independent chair for the Children's Improvement Board, to ensure ongoing external "
    "challenge and support to the improvement programme during changes to senior leadership.",
    "Chief Executive (Torbay)", "2012-06-27", "2012-09-30", "Independent chair in post",
    [start("2012-06-27", "Chief Executive (Torbay)", "Recruitment under way.", 20),
     done("2012-09-14", "Chief Executive (Torbay)", "Independent chair appointed."),
     sign("2012-10-17", DCS, "Signed off.", evidence="Independent chair chaired the CIB from September 2012.")])

act(TPR + "A4", "1", "Enhanced relocation package that competes with the best regionally, with hosts to help those "
    "needing information about housing, schools, childcare, local GPs etc.",
    HR_T, "2012-07-02", "2012-09-30", "Social workers recruited from outside the area take up the package",
    [start("2012-07-02", HR_T, "Package drafted; hosts identified in each team.", 40),
     done("2012-09-28", HR_T, "Relocation package live."),
     sign("2013-01-16", DCS, "Signed off.", evidence="Take-up of the relocation package by new starters, Q3 2012/13.")])

act(TPR + "A4", "2", "Retention payments for staff in key services and a finder's fee for staff who introduce social "
    "workers to the authority.",
    HR_T, "2012-07-02", "2012-09-30", "Turnover in key services falls",
    [start("2012-07-02", HR_T, "Scheme rules agreed with unions.", 40),
     done("2012-09-28", HR_T, "Retention payments and finder's fee in place."),
     sign("2013-01-16", DCS, "Signed off.", evidence="Turnover in key services, Q3 2012/13, reported to the Improvement Board.")])

act(TPR + "A4", "3", "Introduce a career structure that removes the reliance on market supplements and supports "
    "progression (as developed through CPIP project 1).",
    HR_T, "2012-07-02", "2013-03-31", "Career structure in place; market supplements removed",
    [start("2012-09-03", HR_T, "Draft career structure consulted on.", 30),
     prog("2013-01-30", HR_T, "Job evaluation of the new grades complete.", 70),
     done("2013-03-27", HR_T, "Career structure in place from 1 April 2013."),
     sign("2013-06-26", DCS, "Signed off.", evidence="Market supplements removed; progression panel in operation.")])

act(TPR + "A4", "4", "Employ a leading national recruitment agency to head hunt suitable managers and position the "
    "authority better through national advertisements and better branding.",
    HR_T, "2012-07-02", "2012-12-31", "Permanent managers appointed to vacant posts",
    [start("2012-07-16", HR_T, "Agency appointed.", 30),
     done("2012-12-14", HR_T, "National campaign run; appointments made to vacant manager posts."),
     sign("2013-03-27", DCS, "Signed off.", evidence="Permanent appointments to team manager posts, December 2012.")])

act(TPR + "A4", "5", "National recruitment fairs, targeted advertisements and a revamp of the recruitment pages "
    "including video testimonials from staff.",
    HR_T, "2012-07-02", "2012-10-31", "Applications per advertised social work post rise",
    [start("2012-07-02", HR_T, "Recruitment pages redesign started; staff volunteers filmed.", 30),
     done("2012-10-26", HR_T, "New recruitment pages with video testimonials live."),
     sign("2013-01-16", DCS, "Signed off.", evidence="Applications per post, July-December 2012.")])

act(TPR + "F1", "1", "Exit interviews for every social worker who leaves, with the reasons analysed and reported to "
    "the Improvement Board.",
    HR_T, "2012-07-02", "2012-10-31", "Reasons for leaving understood and acted on",
    [start("2012-07-02", HR_T, "Exit interview form agreed.", 30),
     done("2012-10-31", HR_T, "First quarterly analysis reported to the Improvement Board."),
     sign("2012-12-12", CIB, "Signed off.", evidence="Quarterly exit interview analysis to the Improvement Board.")])

act(TPR + "3.2", "1", "Agree a protocol between the TSCB and the Improvement Board on ownership of SCR/IMR actions and "
    "learning.",
    "TSCB Business Manager", "2012-07-02", "2012-10-31", "Every SCR/IMR action has one owning board",
    [start("2012-07-02", "TSCB Business Manager", "Draft protocol prepared.", 30),
     done("2012-10-24", "TSCB Business Manager", "Protocol agreed by both boards."),
     sign("2012-12-12", DCS, "Signed off.", evidence="Protocol agreed by the TSCB and the Improvement Board.")])

act(TPR + "4.6", "1", "Decide and communicate the level of partner access to PARIS, piloting partnership access from "
    "July so professionals can see whether a child is already known and who the allocated worker is.",
    "PARIS Systems Manager (Torbay)", "2012-07-02", "2012-10-31", "Access levels agreed and published to partners",
    [start("2012-07-02", "PARIS Systems Manager (Torbay)", "Partnership access pilot started.", 20),
     done("2012-10-26", "PARIS Systems Manager (Torbay)", "Access levels agreed by the TSCB."),
     sign("2013-01-16", DCS, "Signed off.", evidence="Access levels published to partners, December 2012.")])

act(TPR + "3.4", "1", "Develop the case audit framework so that it demonstrates impact on practice and outcomes.",
    PQA_T, "2012-07-17", "2013-03-31", "Audit reports show change in practice and outcomes, not only compliance",
    [start("2012-07-17", PQA_T, "Impact questions added to the audit tool.", 20),
     prog("2012-12-12", PQA_T, "Re-audit of cases three months after first audit being tested.", 50),
     transfer("2013-04-17", PQA_T, "Outstanding work on impact measures moved to the TSCB quality assurance sub-group.",
              "TSCB Business Plan 2013/14")])

act(TPR + "5.5", "1", "Develop with partners a sustainable strategy to reduce the number of children in the social "
    "care system through better early help.",
    DCS, "2012-09-03", "2013-03-31", "Fewer children subject to child protection plans and looked after, safely",
    [start("2012-09-03", DCS, "Demand analysis started with health and the police.", 10),
     revise("2013-03-20", DCS, "Due date revised.", "2013-09-30",
            "Strategy to be aligned with the new early help strategy and the 2013/14 budget.", 25),
     prog("2013-10-16", DCS, "Draft strategy discussed at the Improvement Board; partners asked for more work on the "
          "costs of care.", 40)])

# ---------------------------------------------------------------- Windsor and Maidenhead
# The areas for consideration were folded into the existing service improvement plan (seed 000, 2.2
# and 4.1), which became the Achieving for Children business plan from 1 April 2017.
HC_W = "Head of Commissioning \u2013 Adults, Children and Health"
MD_W = "Managing Director/Strategic Director Adult, Children and Health Services"
HCSC_W = "Head of Children's Social Care (RBWM)"
EH_W = "Early Help and Front Door Service Leader (RBWM)"
QA_W = "Quality Assurance Manager (RBWM)"
PSW = "Principal Social Worker"
LSCB_W = "LSCB Business Manager (RBWM)"
WP = "windsor-maidenhead/2016-peer/"

act(WP + "1.1", "1", "Set out the whole early help offer and the route into it, and align the early help hub with "
    "the MASH.",
    EH_W, "2017-01-09", "2017-03-31",
    "Partners can describe the early help offer and how to reach it; more early help assessments started by partners",
    [start("2017-01-31", EH_W, "Mapping of the current early help offer across council, schools and voluntary sector.", 20),
     revise("2017-03-24", EH_W, "Due date revised.", "2017-09-30",
            "Early help hub redesign folded into the Achieving for Children business plan from 1 April 2017.", 35),
     prog("2017-06-21", EH_W, "Draft early help offer shared with partners for comment.", 60)])

act(WP + "1.2", "1", "Introduce a supervision recording template and a monthly audit of supervision frequency and "
    "quality in every Pod.",
    PSW, "2017-01-09", "2017-02-28", "Monthly audit shows supervision on time and recorded to standard in every Pod",
    [start("2017-01-16", PSW, "Template drafted with Pod managers.", 20),
     revise("2017-02-20", PSW, "Due date revised.", "2017-03-31", "Template redrafted after consultation with Pod managers.", 40),
     prog("2017-05-10", PSW, "Template in use in four Pods; audit shows frequency improving but recording still variable.", 70)])

act(WP + "1.3", "1", "Audit a sample of contacts to the Front Door to test whether threshold decisions since the MASH "
    "began show over-intervention.",
    HCSC_W, "2017-01-16", "2017-04-28", "Audit finds threshold decisions proportionate, or changes are made",
    [start("2017-02-01", HCSC_W, "Audit sample drawn with MASH partners.", 20),
     done("2017-04-26", HCSC_W, "Audit complete; threshold guidance for the Front Door updated."),
     sign("2017-06-05", MD_W, "Signed off.", evidence="Front Door threshold audit report, April 2017, and the updated guidance.")])

act(WP + "1.4", "1", "Deliver multi-agency training on the quality of referral information to the MASH and early help "
    "hub.",
    LSCB_W, "2017-01-16", "2017-06-30", "More MASH referrals hold enough information to decide (monthly Front Door sample)",
    [start("2017-02-06", LSCB_W, "Course designed with the MASH team.", 15),
     prog("2017-04-10", LSCB_W, "Two sessions delivered.", 50),
     prog("2017-06-12", LSCB_W, "Four of five sessions delivered; the last is booked for July.", 80)])

act(WP + "2.1", "1", "Add outcome measures for children to the service improvement plan scorecard.",
    HC_W, "2017-01-09", "2017-03-31", "Scorecard reports outcomes for children, not only activity",
    [start("2017-01-09", HC_W, "Draft measures discussed with heads of service.", 20),
     done("2017-03-20", HC_W, "Outcome measures added to the plan presented to Cabinet in March 2017."),
     sign("2017-04-25", MD_W, "Signed off.", evidence="Improvement plan scorecard, March 2017.")])

act(WP + "2.2", "1", "Monthly performance clinics in which team managers account for compliance with practice "
    "expectations.",
    HCSC_W, "2017-01-09", "2017-03-31", "Compliance with visiting, supervision and recording standards improves",
    [start("2017-01-23", HCSC_W, "First clinic held.", 30),
     done("2017-03-29", HCSC_W, "Clinics running monthly for all teams.")])

act(WP + "2.3", "1", "Relaunch the quality assurance framework and escalation policy with all teams and partners.",
    QA_W, "2017-02-01", "2017-06-15", "Audits follow the framework; escalations logged and resolved",
    [start("2017-02-13", QA_W, "Framework revised.", 20),
     prog("2017-04-18", QA_W, "Escalation policy agreed by the LSCB.", 50),
     prog("2017-06-02", QA_W, "Relaunch sessions for teams delayed by the move to Achieving for Children.", 75)])

act(WP + "2.4", "1", "Produce a quarterly learning report that draws together performance, audit, reflective "
    "supervision and appraisal findings.",
    QA_W, "2017-02-01", "2017-07-20", "Each report names the practice changes made since the last one",
    [start("2017-03-01", QA_W, "Report structure agreed.", 20),
     reassign("2017-04-03", MD_W, "Owner changed.", PSW,
              "Learning loop led by the Principal Social Worker in the Achieving for Children structure from 1 April 2017."),
     prog("2017-06-26", PSW, "First report drafted from Q4 2016/17 audits and supervision records.", 60)])

act(WP + "3.1", "1", "Briefings for partner agencies on the transfer of children's services to Achieving for Children.",
    MD_W, "2017-01-09", "2017-03-31", "Partners report they understand what changes and what does not",
    [start("2017-01-09", MD_W, "Briefing programme agreed with the LSCB.", 20),
     done("2017-03-31", MD_W, "Briefings held with health, police, schools and the voluntary sector."),
     sign("2017-05-15", HC_W, "Signed off.", evidence="Partner feedback at the April 2017 LSCB meeting.")])

act(WP + "3.2", "1", "Agree partner contributions (staff time and information sharing) to the Front Door.",
    EH_W, "2017-01-16", "2017-05-19", "Written agreement with each partner; partner staff present in the Front Door",
    [start("2017-02-01", EH_W, "Proposals sent to partners.", 20),
     prog("2017-04-20", EH_W, "Police and health contributions agreed.", 50),
     prog("2017-06-14", EH_W, "Schools and voluntary sector contributions still under discussion.", 65)])

act(WP + "3.3", "1", "Refresh the LSCB multi-agency training programme.",
    LSCB_W, "2017-02-01", "2017-09-30", "Refreshed programme published; evaluations show learning used in practice",
    [start("2017-02-20", LSCB_W, "Training needs analysis with partners.", 20),
     prog("2017-06-28", LSCB_W, "New programme drafted; SCR learning modules updated.", 55)])

act(WP + "3.4", "1", "Review the terms of reference and governance of the CSE and Missing operational group within "
    "the wider partnership arrangements.",
    HCSC_W, "2017-01-09", "2017-02-28", "Group reports to one strategic board; partners attend regularly",
    [start("2017-01-25", HCSC_W, "Review started with the police.", 20),
     prog("2017-03-15", HCSC_W, "Draft terms of reference circulated; governance across the wider partnership not yet "
          "agreed.", 30)])

act(WP + "4.1", "1", "Review funding arrangements and capacity of the voluntary sector ahead of future commissioning.",
    HC_W, "2017-01-09", "2017-06-30", None,
    [start("2017-02-01", HC_W, "Scoping started.", 10),
     withdraw("2017-04-12", HC_W, "Withdrawn.",
              "Superseded: voluntary sector funding and capacity are covered by the Achieving for Children "
              "commissioning plan from 1 April 2017.")])

act(WP + "4.2", "1", "Agree the roles, responsibilities and delegations of the operating model for Achieving for "
    "Children.",
    MD_W, "2017-01-09", "2017-03-31", "Roles, responsibilities and delegations written down and in force",
    [start("2017-01-09", MD_W, "Draft scheme of delegation prepared.", 30),
     done("2017-03-28", MD_W, "Roles, responsibilities and delegations agreed."),
     sign("2017-04-10", HC_W, "Signed off.", evidence="Scheme of delegation in force from 1 April 2017.")])

act(WP + "4.3", "1", "Put in place contract management and budget monitoring for demand-led services under the new "
    "financial arrangements.",
    "Head of Finance (RBWM)", "2017-02-01", "2017-07-14", "Monthly demand-led spend report to the contract board",
    [start("2017-03-01", "Head of Finance (RBWM)", "Demand-led budgets identified.", 30),
     prog("2017-06-19", "Head of Finance (RBWM)", "First monthly report produced; forecasting method to be agreed.", 70)])

act(WP + "5.1", "1", "Consult children and young people on the transfer to Achieving for Children.",
    "Participation Lead (RBWM)", "2017-01-09", "2017-03-17", "Young people's views reported and acted on",
    [start("2017-01-16", "Participation Lead (RBWM)", "Sessions with the Children in Care Council and youth groups.", 30),
     done("2017-03-10", "Participation Lead (RBWM)", "Consultation complete; summary reported."),
     sign("2017-04-25", MD_W, "Signed off.",
          evidence="Consultation summary; young people's priorities reflected in the Achieving for Children business plan.")])

act(WP + "5.2", "1", "Review the role and function of the integrated front door after the transfer to Achieving for "
    "Children.",
    EH_W, "2017-04-03", "2017-10-31", "Front door role agreed with partners")

act(WP + "5.3", "1", "Workforce stability plan: recruitment and retention, caseloads, supervision and management "
    "development.",
    MD_W, "2017-01-09", "2017-12-31", "Lower turnover and agency use; caseloads within agreed limits",
    [start("2017-01-09", MD_W, "Plan agreed as part of the service improvement plan.", 15),
     prog("2017-06-28", MD_W, "Recruitment campaign under Achieving for Children; caseload monitoring monthly.", 45)])

# ---------------------------------------------------------------- Leicester
# The ten points of the Effectiveness Review action plan (seed 002, para 13), implemented from July
# 2016, and actions following Ofsted's 2015 LSCB review and the April 2017 peer review.
IC = "LSCB Independent Chair"
BM = "LSCB Business Manager"
PAAG = "Chair of the Performance Analysis and Assurance Group"
CEX_L = "Chief Executive (Leicester)"
LE = "leicester/2016-effectiveness/1"
LO = "leicester/2015-ofsted-lscb/"
LP = "leicester/2017-peer/"

act(LE, "1", "Change the LSCB Constitution, sub-groups and Terms of Reference for sub-groups.",
    BM, "2016-07-01", "2016-09-30", "Constitution in force; sub-groups meeting to their terms of reference",
    [start("2016-07-01", BM, "Draft constitution prepared with the Independent Chair.", 30),
     done("2016-08-22", BM, "Constitution version 5.0 approved by the Board."),
     sign("2016-10-12", IC, "Signed off.", evidence="LSCB Constitution 2016, version 5.0 (22 August 2016).")])

act(LE, "2", "Revise the Business Plan, linked to a clear work programme through the LSCB Executive Chairs Group "
    "and the Joint LLR Executive, with progress reports to the strategic Board.",
    BM, "2016-07-01", "2016-09-30", "Business Plan agreed; highlight reports to every Board meeting",
    [start("2016-07-04", BM, "Business Plan drafted around four priorities.", 30),
     done("2016-09-28", BM, "Business Plan September 2016 - March 2018 approved."),
     sign("2017-04-26", IC, "Signed off after the peer review.",
          evidence="Peer review, April 2017, para 21: a clear, outcome-focused, child-centred vision in the new Business Plan.")])

act(LE, "3", "Update the Learning and Improvement Framework in line with Working Together 2015, linking SIRG with "
    "performance data, audit and quality assurance from the PAAG.",
    BM, "2016-07-01", "2016-12-31", "Framework agreed and operating as one assurance cycle",
    [start("2016-07-11", BM, "Redrafting started with the LLR partners.", 20),
     revise("2016-12-07", BM, "Due date revised.", "2017-03-31",
            "The framework is single across LLR and needs the agreement of the Leicestershire and Rutland LSCB.", 60),
     done("2017-03-29", BM, "LLR Learning and Improvement Framework agreed."),
     sign("2017-04-26", IC, "Signed off.", evidence="Peer review, April 2017, paras 27 and 37.")])

act(LE, "4", "Board membership to mirror the seniority of the LCCIB, so that the LSCB can take on responsibilities "
    "from the LCCIB.",
    IC, "2016-07-01", "2016-10-31", "Senior members from every statutory partner; attendance good",
    [start("2016-07-01", IC, "Partners asked to nominate senior members.", 20),
     done("2016-10-19", IC, "Membership changes in place."),
     sign("2017-04-26", CEX_L, "Signed off.", evidence="Peer review, April 2017, para 24: attendance by partner agencies is now good.")])

act(LE, "5", "A wider group of Board members to take responsibility for specific work streams from the business "
    "plan.",
    IC, "2016-07-01", "2016-12-31", "Each work stream led by a named Board member",
    [start("2016-09-07", IC, "Work stream leads proposed.", 30),
     done("2017-01-25", IC, "Every work stream has a Board member lead.")])

act(LE, "6", "Manage and coordinate Board administration more effectively, with tracking of actions from Board "
    "meetings and sub-groups and timely progress reports.",
    BM, "2016-07-01", "2016-10-31", "Action log up to date; reports issued on time",
    [start("2016-07-01", BM, "Action log and highlight report template introduced.", 40),
     done("2016-10-26", BM, "Tracking in place for the Board and all sub-groups."),
     sign("2017-04-26", IC, "Signed off.", evidence="Peer review, April 2017, para 25: good tracking and follow-up from meetings.")])

act(LE, "7", "An improved Board website.",
    BM, "2016-07-01", "2017-01-31", "Website up to date; young people find it usable",
    [start("2016-09-05", BM, "Redesign commissioned.", 20),
     done("2017-02-15", BM, "New website live after a critique by Young Advisers."),
     sign("2017-04-26", IC, "Signed off.", evidence="Young Advisers' critique of the new Board website.")])

act(LE, "8", "Review the role and job description of the Board Business Team policy officer to reflect new and "
    "future Board priorities and demands.",
    BM, "2016-07-01", "2016-10-31", "Role revised and filled",
    [start("2016-09-12", BM, "Review of the role started.", 20),
     prog("2016-11-14", BM, "Draft job description prepared; awaiting job evaluation.", 40)])

act(LE, "9", "Recruit a permanent Business Manager.",
    IC, "2016-07-01", "2016-12-31", "Permanent Business Manager in post",
    [start("2016-07-18", IC, "Post advertised.", 20),
     done("2016-12-05", IC, "Permanent Business Manager appointed."),
     sign("2017-01-11", CEX_L, "Signed off.", evidence="Appointment confirmed.")])

act(LE, "10", "Commission a Peer Review to assess progress and impact of changes following the Effectiveness Review.",
    IC, "2016-07-01", "2017-03-31", "Independent view of progress and impact received by the Board",
    [start("2017-01-09", IC, "Peer reviewer appointed.", 20),
     done("2017-04-28", IC, "Final report received, April 2017."),
     sign("2017-05-24", CEX_L, "Signed off.", evidence="Peer Review of Leicester Safeguarding Children Board, final report, April 2017.")])

act(LO + "P1", "1", "Establish the Performance Analysis and Assurance Group (PAAG) to review a quarterly "
    "multi-agency dataset with evaluative commentary.",
    PAAG, "2016-07-01", "2016-12-31", "Board scrutinises a quarterly dataset and acts on it",
    [start("2016-07-20", PAAG, "PAAG terms of reference agreed; dataset drafted.", 30),
     done("2016-12-14", PAAG, "Quarterly dataset and performance report in place."),
     sign("2017-04-26", IC, "Signed off.",
          evidence="Peer review, April 2017, para 32: the PAAG reviews a quarterly multi-agency dataset with increasingly "
                   "evaluative commentaries.")])

act(LO + "P2", "1", "PAAG to consider agency highlight reports on key safeguarding processes at every meeting, with "
    "feedback and escalation to service managers.",
    PAAG, "2016-09-01", "2017-03-31", "Practice concerns raised at the PAAG reach service managers within a month",
    [start("2016-09-14", PAAG, "Highlight report template agreed with agencies.", 30),
     done("2017-03-15", PAAG, "Highlight reports received from every agency.")])

act(LO + "P2", "2", "A summary of themes from partners' updated Section 11 audits to be considered by the PAAG in May.",
    BM, "2017-03-01", "2017-05-26", "Themes reported and agency actions agreed",
    [start("2017-03-06", BM, "Updated Section 11 audits received from partner agencies.", 30),
     prog("2017-06-09", BM, "Summary drafted; PAAG consideration moved to the July meeting.", 70)])

act(LO + "P3", "1", "Relaunch the Multi-Agency Safeguarding Practitioner Forum, with feedback to the Chairs' Executive "
    "Group and to service managers.",
    BM, "2016-07-01", "2017-01-31", "Practitioners' concerns reach the Board and get answers",
    [start("2016-07-13", BM, "Forum relaunched.", 20),
     done("2017-01-24", BM, "Forum meeting regularly with feedback to the Chairs' Executive Group."),
     sign("2017-04-26", IC, "Signed off.", evidence="Peer review, April 2017, para 46.")])

act(LO + "A2", "1", "Expand the multi-agency audit programme (larger case samples, topics drawn from performance "
    "reports) and publish audit summaries for practitioners.",
    PAAG, "2016-07-01", "2017-03-31", "More audits, each leading to systemic recommendations",
    [start("2016-07-20", PAAG, "Audit programme for 2016/17 agreed.", 20),
     done("2017-03-22", PAAG, "Programme delivered; summaries published."),
     sign("2017-04-26", IC, "Signed off.", evidence="Peer review, April 2017, para 34.")])

act(LO + "A4", "1", "Publish the 2016 Annual Report in line with statutory requirements.",
    BM, "2016-07-01", "2016-09-30", "Annual Report compliant with Working Together 2015",
    [start("2016-07-01", BM, "Drafting started.", 20),
     done("2016-09-27", BM, "Annual Report 2016 published."),
     sign("2017-04-26", IC, "Signed off.", evidence="Peer review, April 2017, para 28: the 2016 Annual Report is compliant.")])

act(LO + "A4", "2", "Prepare the 2017 Annual Report, reflecting the Board's understanding of strengths and areas for "
    "development.",
    BM, "2017-04-03", "2017-09-29", "A rigorous assessment of achievements, weaknesses and their causes",
    [start("2017-05-02", BM, "Contributions requested from partners.", 20),
     prog("2017-06-20", BM, "First draft of the performance section.", 35)])

act(LO + "A5", "1", "The LSCB to gather its own evidence on the understanding and application of thresholds and the "
    "effectiveness of early help, ready for the transfer of responsibilities from the LCCIB.",
    PAAG, "2016-10-03", "2017-03-31", "Thresholds and early help covered by the LSCB's own audit and data",
    [start("2016-10-03", PAAG, "Threshold questions added to the multi-agency audit plan.", 10),
     revise("2017-03-22", PAAG, "Due date revised.", "2017-10-31",
            "Thresholds and early help stay with the Improvement Board (LCCIB) until responsibilities transfer.", 25),
     prog("2017-06-21", PAAG, "Threshold audit agreed for September.", 40)])

act(LO + "A6", "1", "Re-align Executive and Operational groups for the LLR CSE strategy, with the LSCBs in a scrutiny "
    "and assurance role.",
    "CSE Strategic Lead (LLR)", "2016-07-01", "2016-12-31", "Clear lead responsibilities for CSE across LLR",
    [start("2016-07-20", "CSE Strategic Lead (LLR)", "Proposals to the Joint Executive.", 30),
     done("2016-12-07", "CSE Strategic Lead (LLR)", "Executive and Operational Groups in place."),
     sign("2017-04-26", IC, "Signed off.", evidence="Peer review, April 2017, paras 22 and 31.")])

act(LO + "A6", "2", "Evaluate the impact of the CSE Hub arrangements against prevention, protection, prosecution and "
    "disruption.",
    "CSE Strategic Lead (LLR)", "2016-11-01", "2017-04-28", "Evaluation report to the Board with agreed changes",
    [start("2016-11-15", "CSE Strategic Lead (LLR)", "Evaluation framework agreed.", 15),
     prog("2017-02-20", "CSE Strategic Lead (LLR)", "Hub data for the first two quarters collected.", 40),
     prog("2017-05-22", "CSE Strategic Lead (LLR)", "Case sample still awaited from two agencies.", 60)])

act(LP + "R1", "1", "Streamline the Business Plan: fewer objectives (especially under Priority 1), a clearer set of "
    "outcome measures and sharper evaluation of impact.",
    BM, "2017-05-08", "2017-07-27", "Revised plan agreed by the Board",
    [start("2017-05-08", BM, "Objectives reviewed with sub-group chairs.", 20),
     prog("2017-06-23", BM, "Draft revised plan to the Chairs' Executive Group.", 65)])

act(LP + "R2", "1", "Draw on single and multi-agency audit findings when evaluating the impact of learning and "
    "development.",
    "LLR Learning and Development Sub-group Chair", "2017-05-08", "2017-09-29",
    "Training evaluations cite audit evidence of changed practice",
    [start("2017-05-17", "LLR Learning and Development Sub-group Chair", "Audit findings mapped to courses.", 15),
     prog("2017-06-15", "LLR Learning and Development Sub-group Chair", "Method agreed with the PAAG.", 30)])

act(LP + "R3", "1", "Develop quality matrices for each of the four Business Plan priorities.",
    PAAG, "2017-05-08", "2017-09-29", "One matrix per priority, reported quarterly",
    [start("2017-05-24", PAAG, "Indicators drawn from the Board dataset.", 20),
     prog("2017-06-28", PAAG, "Draft matrices for priorities 1 and 2.", 45)])

act(LP + "R3", "2", "Prepare a sample of evaluative case studies showing the impact of the Board's work from the "
    "perspective of practitioners, children and families, and partner agencies.",
    BM, "2017-05-08", "2017-12-22", "Case studies presented to the Board")

act(LP + "R4", "1", "Agree with the LCCIB a key theme to remit to the LSCB, and a phased plan for the transfer of its "
    "responsibilities.",
    IC, "2017-05-08", "2018-03-30", "Theme remitted; LSCB reports on it to the LCCIB",
    [start("2017-06-07", IC, "First discussion with the LCCIB chair; thresholds and early help proposed.", 10),
     override("2017-06-21", CEX_L, "RAG set to amber at the Chief Executive's review.", "amber",
              "the LCCIB has not yet decided which theme to remit, so the transfer plan cannot be fixed")])

act(LP + "R5", "1", "Set standing quality assurance questions on thresholds, CSE, neglect and domestic abuse.",
    PAAG, "2017-05-08", "2017-10-31", "Questions answered at every PAAG meeting")

act(LP + "C3", "1", "Hold a Children and Young People's Summit linked to the Board's safeguarding priorities.",
    "Chair of the Engagement and Participation Group", "2017-04-03", "2017-11-30",
    "Young people's priorities reflected in the Business Plan",
    [start("2017-04-19", "Chair of the Engagement and Participation Group", "Young Advisers commissioned to plan the summit.", 10)])

act("leicester/2015-ofsted/2", "1", "Revise and update the Improvement Plan ahead of the re-inspection expected early "
    "in the summer of 2017.",
    "Director of Children's Services (Leicester)", "2017-01-09", "2017-03-31", "Improvement Plan agreed by the LCCIB",
    [start("2017-01-09", "Director of Children's Services (Leicester)", "Review of the plan after the January 2017 monitoring visit.", 20),
     done("2017-03-24", "Director of Children's Services (Leicester)", "Revised Improvement Plan agreed."),
     sign("2017-04-19", "Independent Chair, Leicester City Children's Improvement Board", "Signed off.",
          evidence="Revised Improvement Plan approved by the LCCIB.")])

# ---------------------------------------------------------------- Herefordshire
# "We will develop and set out actions ... what we will do within 3, 6, 12 months" (seed 001). The
# review is in 2018, after the default as-of date, so these actions have no progress yet.
HH = "herefordshire/2018-peer/"
act(HH + "2", "1", "Design with partners a bespoke Early Help outcome framework that incorporates the Troubled "
    "Families Plan, with a cycle of audits and monthly and quarterly outcome reports.",
    "Head of Early Help", "2018-03-12", "2018-06-12", "Outcome reports show change for families, not only activity")
act(HH + "3", "1", "Review MASH processes for step down to Early Help and step up to social care.",
    "Head of Early Help", "2018-03-12", "2018-06-12", "Step-up and step-down decisions timely and consistent on audit")
act(HH + "5", "1", "Review children in need work: what CIN is for, policy and practice guidance, timescales, where CIN "
    "cases are held, audit of CIN plans and step downs, and CIN performance information.",
    "Head of Children's Social Care (Herefordshire)", "2018-03-12", "2018-09-12",
    "Audits of CIN plans show purposeful, timely plans; CIN performance report in place")
act(HH + "6", "1", "Choose a social work practice model and plan its implementation.",
    "Principal Social Worker (Herefordshire)", "2018-03-12", "2018-09-12", "Model chosen with staff; implementation plan agreed")

# ---------------------------------------------------------------- Peterborough
# From "Review of progress against action plan following Ofsted inspection of children's services,
# 2015" (seed 004, 13 March 2017). The plan closed at the end of 2016/17 with outstanding actions
# transferred to service plans.
SD = "Service Director for Children and Safeguarding"
CD = "Corporate Director for People and Communities"
HSQA = "Head of Service for Safeguarding and Quality Assurance"
PT = "Performance Team Manager (Peterborough)"
VSH = "Virtual School Head (Peterborough)"
PM = "Participation Manager (Peterborough)"
CL = "Care Leavers Service Manager (Peterborough)"
SP = "Children's Services service plan 2017/18"
PB = "peterborough/2015-ofsted/"

act(PB + "1", "1", "Upgrade the Children's Social Care client database (Liquid Logic) to the most recent version.",
    PT, "2015-10-05", "2016-03-31", "Upgrade live without loss of data",
    [start("2015-10-05", PT, "Upgrade planned with the supplier.", 20),
     done("2016-03-24", PT, "Liquid Logic upgraded."),
     sign("2016-05-16", SD, "Signed off.", evidence="Upgrade live; data checks passed.")])

act(PB + "1", "2", "Purchase Business Objects and ClickView and build self-serve performance dashboards for managers "
    "from Liquid Logic data.",
    PT, "2015-10-05", "2016-10-31", "Managers see performance for their teams in or close to real time",
    [start("2016-01-11", PT, "Business Objects and ClickView purchased.", 15),
     prog("2016-07-18", PT, "First dashboard in testing.", 40),
     revise("2016-11-21", PT, "Due date revised.", "2017-01-31",
            "Very complex interrelated issues; the Performance Team now expects the dashboards in December 2016/January 2017.", 50),
     prog("2017-03-13", PT, "Not all data is yet self-serve; some is still a day, week or month in arrears.", 60),
     transfer("2017-03-31", SD, "Action plan closed at the end of 2016/17; outstanding work transferred.", SP)])

act(PB + "2", "1", "Alternatively qualified worker pilot to keep caseloads for qualified social workers at an average "
    "of around 20 or below.",
    SD, "2015-11-02", "2016-09-30", "Average caseload for qualified social workers around 20 or below",
    [start("2015-11-02", SD, "Pilot started in the family support service.", 20),
     done("2016-09-26", SD, "Pilot complete and made permanent."),
     sign("2017-03-13", CD, "Signed off.",
          evidence="Caseloads for qualified social workers average around 20 or just below, lower than at the inspection "
                   "(report to scrutiny, 13 March 2017, para 4.12).")])

act(PB + "2", "2", "Bespoke training and development programme for team managers, and practice workshops on SMART "
    "plans, impact, risk and resilience in assessments, and chronologies.",
    HSQA, "2015-11-02", "2016-12-31", "Audits show consistently good plans, assessments and chronologies",
    [start("2015-11-16", HSQA, "Programme commissioned.", 20),
     prog("2016-06-13", HSQA, "Workshops on SMART plans and chronologies delivered to all teams.", 60),
     done("2016-12-16", HSQA, "Programme delivered."),
     prog("2017-03-13", SD, "Not signed off: overall quality of practice remains too inconsistent.")])

act(PB + "2", "3", "Fortnightly meetings of all team managers, chaired by the Head of Service for Safeguarding and "
    "Quality Assurance, moving from compliance to peer support.",
    HSQA, "2016-09-05", "2016-11-30", "Team managers use the meetings to solve shared practice problems",
    [start("2016-09-05", HSQA, "First meeting held.", 30),
     done("2016-11-28", HSQA, "Meetings established fortnightly."),
     sign("2017-03-13", SD, "Signed off.", evidence="Meeting notes show shared practice issues raised and followed up.")])

act(PB + "2", "4", "Senior management team skills audit, used to design a specialist coaching, mentoring and "
    "development programme for team managers.",
    SD, "2016-12-01", "2017-01-31", "Programme designed from the audit",
    [start("2016-12-01", SD, "Audit tool agreed.", 20),
     done("2017-01-27", SD, "Skills audit completed in January 2017."),
     sign("2017-03-13", CD, "Signed off.", evidence="Coaching and development programme specification, February 2017.")])

act(PB + "2", "5", "Deliver the coaching, mentoring and development programme for team managers, with team by team "
    "coaching and training, from April 2017.",
    HSQA, "2017-02-01", "2018-03-31", "Consistent quality of practice in audits across teams",
    [transfer("2017-03-31", SD, "Action plan closed; programme starts under the service plan.", SP)])

act(PB + "2", "6", "Reduce reliance on agency social workers, especially in the family support service.",
    SD, "2015-10-05", "2016-09-30", "Stable management structure; fewer agency social workers",
    [start("2015-10-05", SD, "Recruitment drive for permanent social workers.", 20),
     done("2016-09-28", SD, "Agency numbers reduced."),
     sign("2017-03-13", CD, "Signed off.", evidence="Management structure stable and reliance on agency social workers reduced "
                                                  "since the inspection (report to scrutiny, 13 March 2017).")])

act(PB + "3", "1", "Multi-agency task and finish group to develop linked neglect strategies for the Safeguarding "
    "Children Board and the Council.",
    "LSCB Business Manager (Peterborough)", "2015-11-02", "2016-09-30", "Both strategies launched; partners use the neglect tools",
    [start("2016-01-18", "LSCB Business Manager (Peterborough)", "Task and finish group set up.", 20),
     prog("2016-06-20", "LSCB Business Manager (Peterborough)", "Two-part approach agreed with the Council.", 60),
     done("2016-10-17", "LSCB Business Manager (Peterborough)", "Neglect strategies launched in autumn 2016."),
     sign("2017-01-16", SD, "Signed off.", evidence="Launched strategies and their multi-agency impact measures.")])

act(PB + "3", "2", "Launch new multi-agency guidance on thresholds for accessing services.",
    "LSCB Business Manager (Peterborough)", "2016-01-04", "2016-09-30", "Referrals at the right level of need",
    [start("2016-01-04", "LSCB Business Manager (Peterborough)", "Drafting with partners.", 20),
     done("2016-09-26", "LSCB Business Manager (Peterborough)", "Thresholds guidance launched in September 2016."),
     sign("2017-01-16", SD, "Signed off.", evidence="Thresholds guidance, September 2016.")])

act(PB + "3", "3", "Multi-agency unborn baby protocol setting out each key agency's role where there are significant "
    "concerns about an unborn baby.",
    HSQA, "2016-02-01", "2016-12-31", "Parenting and risk assessments completed before birth",
    [start("2016-02-01", HSQA, "Protocol drafted with midwifery and health visiting.", 20),
     done("2016-11-21", HSQA, "Protocol agreed."),
     sign("2017-03-13", SD, "Signed off.", evidence="Protocol in use; pre-birth assessments completed in time.")])

act(PB + "4", "1", "Elevate the Corporate Parenting Panel to a formal Committee.",
    CD, "2015-10-05", "2016-06-30", "Children in care attend and influence the Committee",
    [start("2015-10-05", CD, "Proposal to Council.", 30),
     done("2016-06-27", CD, "Corporate Parenting Committee established."),
     sign("2017-03-13", SD, "Signed off.",
          evidence="Young people give positive feedback on the informal Committee meetings; they had called the old panel a "
                   "'snooze-zone'.")])

act(PB + "4", "2", "Training and development programme through the Local Government Association for Corporate "
    "Parenting Committee Members.",
    CD, "2016-07-01", "2016-12-31", "Members scrutinise, challenge and support officers",
    [start("2016-07-04", CD, "Programme agreed with the LGA.", 20),
     done("2016-12-12", CD, "Programme delivered; Committee work programme agreed.")])

act(PB + "4", "3", "Invest in additional capacity to support engagement and participation of children in care "
    "through the Children in Care Council.",
    PM, "2015-11-02", "2016-12-31", "More children in care take part regularly in the Children in Care Council",
    [start("2015-11-02", PM, "Post created.", 20),
     done("2016-12-19", PM, "Additional capacity in place."),
     sign("2017-03-13", SD, "Signed off.",
          no_evidence_reason="Capacity is in place, but participation by children in care remains low; the population is "
                             "small and not stable. Impact is followed in the service plan.")])

act(PB + "4", "4", "Explore links between Peterborough's Children in Care Council and those in the Eastern Region.",
    PM, "2017-03-13", "2017-09-29", "Regular joint activity with other Children in Care Councils",
    [transfer("2017-03-31", SD, "Action plan closed at the end of 2016/17.", SP)])

act(PB + "4", "5", "Partnership with TACT to revitalise participation among children in care.",
    PM, "2016-11-01", "2017-06-30", "Participation by children in care increases",
    [start("2016-11-14", PM, "Partnership agreed.", 20),
     transfer("2017-04-21", SD, "Transferred; delayed until the outcome of the Family Safeguarding bid was known.",
              "Change Together for Children")])

act(PB + "5", "1", "Review the capacity of the Virtual School to meet need.",
    VSH, "2015-10-05", "2016-03-31", "Capacity matched to need, including post-16",
    [start("2015-10-05", VSH, "Review started.", 20),
     done("2016-03-21", VSH, "Review complete."),
     sign("2016-05-16", SD, "Signed off.", evidence="Virtual School capacity review, March 2016.")])

act(PB + "5", "2", "Introduce electronic Personal Education Plans (e-PEPs).",
    VSH, "2015-11-02", "2016-09-30", "Education targets and Pupil Premium use monitored for every child in care",
    [start("2015-11-02", VSH, "e-PEP system procured.", 20),
     done("2016-09-12", VSH, "e-PEPs in use for all children in care."),
     sign("2017-01-16", SD, "Signed off.", evidence="e-PEP completion and Pupil Premium monitoring reports.")])

act(PB + "5", "3", "A dedicated post-16 coordinator role in the Virtual School by the end of the 2016/17 financial year.",
    VSH, "2016-10-03", "2017-03-31", "Post-16 young people on the Virtual School roll supported",
    [start("2016-10-03", VSH, "Post-16 group added to the Virtual School roll.", 30),
     done("2017-03-31", VSH, "Coordinator role in place.")])

act(PB + "5", "4", "Appoint a fixed-term Education Advisor for primary-aged children in care, funded by Pupil Premium.",
    VSH, "2016-12-01", "2017-02-28", "Key Stage 1 and 2 progress improves",
    [start("2016-12-01", VSH, "Post approved.", 30),
     done("2017-02-20", VSH, "Education Advisor appointed in February 2017."),
     sign("2017-03-13", SD, "Signed off.", evidence="Appointment made.")])

act(PB + "6", "1", "Health passports for care leavers detailing their medical histories.",
    CL, "2015-11-02", "2016-06-30", "Every care leaver has a health passport",
    [start("2015-11-02", CL, "Passport agreed with the looked after children health team.", 20),
     done("2016-06-20", CL, "Health passports issued."),
     sign("2016-09-19", SD, "Signed off.", evidence="All care leavers offered a health passport.")])

act(PB + "6", "2", "More care leavers in apprenticeships, working with Peterborough City College.",
    CL, "2016-01-04", "2017-03-31", "Rising number of care leavers in apprenticeships",
    [start("2016-01-04", CL, "Work with Peterborough City College started.", 20),
     prog("2017-03-13", CL, "Five young people on apprenticeships and three more considering this route.", 60),
     transfer("2017-03-31", SD, "Action plan closed at the end of 2016/17.", SP)])

act(PB + "7", "1", "Quarterly fact sheets on complaint themes feeding practice workshops and management meetings, and "
    "a running register of practice changes resulting from complaints.",
    "Complaints and Quality Assurance Manager (Peterborough)", "2015-10-05", "2016-06-30",
    "Practice changes recorded for complaints; fewer complaints out of timescale",
    [start("2015-10-05", "Complaints and Quality Assurance Manager (Peterborough)", "Fact sheet format agreed.", 20),
     done("2016-06-27", "Complaints and Quality Assurance Manager (Peterborough)", "Quarterly fact sheets and register in place."),
     sign("2017-03-13", SD, "Signed off.",
          evidence="Fewer complaints go out of timescale or escalate; register of practice changes maintained.")])
