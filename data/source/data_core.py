# Authorities, reviews, findings and owners for the example plan.
# (Generator input only; the deliverable is /work/main/data/example-plan.sql.)

AUTHORITIES = [
    ("windsor-maidenhead", "Royal Borough of Windsor and Maidenhead", "council"),
    ("herefordshire", "Herefordshire Council", "council"),
    ("leicester", "Leicester City Council", "council"),
    ("torbay", "Torbay Council", "council"),
    ("peterborough", "Peterborough City Council", "council"),
]

# (code, ref, kind, title, started_on, ended_on, reported_on, judgement, comment)
REVIEWS = [
    ("windsor-maidenhead", "2015-ofsted", "ofsted_inspection",
     "Ofsted inspection of services for children in need of help and protection, children in care "
     "and care leavers (single inspection framework), March 2015",
     None, None, None, "Requires Improvement",
     "Seed 000, para 1.1: inspected March 2015 (no exact days given)."),
    ("windsor-maidenhead", "2016-peer", "lga_peer_review",
     "LGA safeguarding peer review of children's services",
     "2016-12-05", "2016-12-09", None, None,
     "Seed 000: on site 5-9 December 2016; feedback presentation on the Friday, written report due January 2017 "
     "(date not given), briefing note to scrutiny 3 January 2017."),
    ("herefordshire", "2018-peer", "lga_peer_review",
     "LGA safeguarding children peer review (Early Help; operational practice; edge of care, LAC and permanency)",
     "2018-02-26", "2018-03-01", None, None,
     "Seed 001 gives \"26 February - 1 March\" without a year. The year is 2018: the deck says the team \"saw "
     "progress since LGA carried out the casework review in June 2017\", and 26 February 2018 is a Monday. "
     "This review is AFTER the demo's default as-of date (2017-07-01): its actions are not started."),
    ("leicester", "2015-ofsted", "ofsted_inspection",
     "Ofsted single inspection of children's services, March 2015",
     None, None, None, "Inadequate",
     "Seed 002, para 8: March 2015, inadequate overall (no exact days given)."),
    ("leicester", "2015-ofsted-lscb", "ofsted_lscb_review",
     "Ofsted review of the effectiveness of Leicester Safeguarding Children Board, March 2015",
     None, None, None, "Inadequate",
     "Seed 002, paras 6-7. Ofsted numbered its priorities I-III and areas for improvement i-vi; they are "
     "P1-P3 and A1-A6 here (refs differing only in case would be confusing). Ofsted's list has no headings: "
     "themes are the 2017 peer review's headings, assigned by us."),
    ("leicester", "2016-effectiveness", "self_assessment",
     "LSCB Effectiveness Review led by the Independent Chair, June 2016",
     None, None, None, None,
     "Seed 002, paras 11-14: June 2016; its ten-point action plan was implemented from July 2016."),
    ("leicester", "2017-peer", "other",
     "Peer review of Leicester Safeguarding Children Board (final report April 2017; covers June 2016 - March 2017)",
     None, None, None, None,
     "Seed 002: commissioned by the Chief Executive; reviewer appointed January 2017; final report April 2017 "
     "(no day given). Not an LGA-run review, so kind 'other'."),
    ("torbay", "improvement-notice", "improvement_notice",
     "DfE improvement notice: children's safeguarding (requirements as quoted in the July 2012 response)",
     None, None, None, None,
     "Seed 003 quotes the notice's requirements but not its date. Requirements are numbered 1-10 in the order "
     "quoted; themes are the 2012 peer review's, assigned by us."),
    ("torbay", "2012-peer", "lga_peer_review",
     "LGA children's services safeguarding peer review",
     "2012-05-21", "2012-05-25", "2012-06-26", None,
     "Seed 003: on site 21-25 May 2012, feedback 25 May, final letter dated 26 June 2012. A peer review "
     "gives no judgement."),
    ("peterborough", "2015-ofsted", "ofsted_inspection",
     "Ofsted inspection of services for children in need of help and protection, children in care and care "
     "leavers (report published September 2015)",
     None, None, None, "Requires improvement to be good (adoption: Good)",
     "Seed 004, paras 1.1 and 4.1: report published September 2015 (no exact dates given). The Ofsted report "
     "itself is not among the seeds: findings are taken from how the March 2017 progress report describes them."),
]

T1 = "Effective practice, service delivery and the voice of the child"
T2 = "Outcomes, impact and performance management"
T3 = "Working together (incl. the Health and Wellbeing Board)"
T4 = "Capacity and managing resources"
T5 = "Vision, strategy and leadership"

S, C, R, P, A, N = ("strength", "area_for_consideration", "recommendation", "priority_action",
                    "area_for_improvement", "improvement_notice_requirement")

# path -> list of (ref, kind, theme, text)
FINDINGS = {}

FINDINGS["windsor-maidenhead/2016-peer"] = [
    ("S1.1", S, T1, "Evidence of innovative practice resulting in very good outcomes in Youth Service."),
    ("S1.2", S, T1, "Evidence that child protection plans are increasingly SMART and timely."),
    ("S1.3", S, T1, "Strong safeguarding practices across all areas of health."),
    ("S1.4", S, T1, "Pod working is improving consistency for children and young people and their families, and is "
                    "experienced positively by staff with some evidence of good social work practice."),
    ("1.1", C, T1, "Clarity needed about the totality of the Early Help offer and the system to access it needs "
                   "further development."),
    ("1.2", C, T1, "Improve the quality, frequency and recording of supervision."),
    ("1.3", C, T1, "Better understanding of children's needs at point of entry to Front Door in light of potential "
                   "over-intervention (as a consequence of the introduction of the MASH)."),
    ("1.4", C, T1, "Improve quality of referral information to MASH and early help hub (Front Door) through "
                   "multi-agency training."),
    ("S2.1", S, T2, "Commitment to ensuring stability in management roles."),
    ("S2.2", S, T2, "Evidence of routine performance data being available and increasing member focus on performance."),
    ("S2.3", S, T2, "Senior management commitment to improve performance."),
    ("S2.4", S, T2, "Evidence of child protection plans being increasingly SMART and child outcome focussed."),
    ("2.1", C, T2, "Stronger focus on outcomes for children."),
    ("2.2", C, T2, "Compliance with performance and practice expectations is inconsistent and lacks supervisory "
                   "enforcement."),
    ("2.3", C, T2, "Need to ensure consistent application of quality assurance framework and escalation policy."),
    ("2.4", C, T2, "Need to develop a robust learning loop from performance, audits, reflective supervision and "
                   "appraisal."),
    ("S3.1", S, T3, "Excellent examples of collaborative and transparent working with Health and Police."),
    ("S3.2", S, T3, "Evidence of shared report and planning activity across Local Safeguarding Children Board, "
                    "Safeguarding Adults Board, Health and Wellbeing Board and Community Safety Partnership."),
    ("S3.3", S, T3, "Strong relationship across the school family with the local authority."),
    ("S3.4", S, T3, "Training from SCRs valued by partners."),
    ("3.1", C, T3, "Anxiety from partners around transfer to Achieving for Children will need continued attention."),
    ("3.2", C, T3, "Progress shared ownership and contribution from partner organisations into the Front Door."),
    ("3.3", C, T3, "Local Safeguarding Children Board multi-agency training needs to be refreshed."),
    ("3.4", C, T3, "Child Sexual Exploitation and Missing operational group needs to be developed in the context of "
                   "wider partnership governance and the complexity of geographical and organisational arrangements."),
    ("S4.1", S, T4, "Long term sustainability and resilience for children's services actively addressed by plans for "
                    "Achieving for Children."),
    ("S4.2", S, T4, "Commissioning framework for the Authority (2016-2020) sets out clear principles, and confirms "
                    "intention to jointly commission with partners."),
    ("S4.3", S, T4, "Continued investment in universal and early help resources."),
    ("S4.4", S, T4, "Commitment to invest in social work capacity to support manageable caseloads."),
    ("4.1", C, T4, "Funding arrangements and capacity for the voluntary sector needs to be considered alongside the "
                   "intention to commission future services."),
    ("4.2", C, T4, "Clarity in operating model as you move towards Achieving for Children of the roles, "
                   "responsibilities and delegations."),
    ("4.3", C, T4, "Assurance around managing finances within new financial and contract management arrangements "
                   "e.g. demand-led services."),
    ("S5.1", S, T5, "Ambitious and innovative senior political leadership, together with confidence in senior "
                    "managerial leadership in the council."),
    ("S5.2", S, T5, "Leaders are visible and accessible."),
    ("S5.3", S, T5, "Corporate openness to explore new ways of working as part of a longer term plan."),
    ("S5.4", S, T5, "Corporate Parenting agenda is developing."),
    ("5.1", C, T5, "Voice of the child needs to have a high profile and exert more influence, eg consultation on "
                   "transfer to Achieving for Children."),
    ("5.2", C, T5, "Continue development of the role and function of the integrated front door."),
    ("5.3", C, T5, "Continued promotion of stability across people and processes during this time of change."),
]

EH, OP, EC = "Early Help", "Operational practice", "Edge of care, LAC and permanency"
FINDINGS["herefordshire/2018-peer"] = [
    ("S1", S, EH, "Step down process is reported to be working well. Social workers reported 'smooth' stepdown to "
                  "Early Help due to the regular co-working with the early help co-ordinator and the closure form "
                  "from social care sets out actions for further support via Early Help."),
    ("S2", S, EH, "Proportionate responses to MASH enquiries, appropriate consent being sought from parents and "
                  "signposting to suitable support."),
    ("S3", S, OP, "Improvements in casework, evident in files, quality of assessments - \u201cWhen it\u2019s there "
                  "it\u2019s accurate, factual and concise\u201d"),
    ("S4", S, EC, "Good practice in LAC teams; the virtual school is good."),
    ("S5", S, T4, "Significant reduction in agency staff."),
    ("S6", S, T5, "Clear and agreed sense of key priorities for the next stage of improvement within the Head of "
                  "Service group."),
    ("1", C, EH, "Early Help needs investment if it is going to help manage demand into social work services - there "
                 "needs to be a whole system approach to investment and impact across Early Help, Children in Need "
                 "(CIN) and Child Protection (CP)/LAC."),
    ("2", C, EH, "There needs to be a bespoke Outcome Framework for Early Help, designed with partners, that also "
                 "incorporates the Troubled Families Plan. Cycle of audits instituted, monthly quarterly reports "
                 "evidence outcomes."),
    ("3", C, EH, "MASH processes for step down to Early Help and step up need review and further work."),
    ("4", C, EH, "MASH and Early Help (EH) interface - strengthen and develop more integrated work flows and remits, "
                 "processes require further development (in conjunction with your partners and the safeguarding "
                 "board) to ensure effective Working Together arrangements and appropriate referral through to "
                 "either EH, CIN or CP."),
    ("5", C, OP, "Approach to CIN under developed and unclear. Should be a specific focus for next 6 months: review "
                 "CIN work being undertaken, develop a narrative of what CIN is for, review policies and practice "
                 "guidance on CIN cases, review guidance on timescales and trust professional judgement more, review "
                 "where CIN cases are best held, direct audit capacity to CIN Plans and step downs from CIN, "
                 "introduce management and performance information on CIN."),
    ("6", C, OP, "Get on with adopting a social work model; don't underestimate the task."),
    ("7", C, OP, "Recording of management oversight and supervision is inconsistent."),
    ("8", C, T4, "Focus on retention, career development opportunities \u2013 make Herefordshire \u201cthe right "
                 "place for me\u201d"),
    ("9", C, EC, "Lack of differentiated edge of care service, high numbers of LAC and as a result high demand on "
                 "resources in the short to medium term; work needed on the plan to address this legacy, need to "
                 "create a culture of permanency."),
    ("10", C, EC, "Lack of provision for 16 + service in health."),
    ("11", C, T2, "Audits were completed but felt they lacked evidence of change \u201cthe so what question or "
                  "seeing improvements embedded\u201d"),
    ("12", C, T3, "HSCB - \u2018felt things were done to you rather than with partners\u2019"),
    ("13", C, T5, "Prioritise and put in place realistic timescales for what you want to move towards."),
]

FINDINGS["leicester/2015-ofsted"] = [
    ("1", A, "Children who need help and protection",
     "Particular concerns regarding the effectiveness of services for children in need of help and protection."),
    ("2", A, "Leadership, management and governance",
     "Weaknesses in performance management, quality assurance and the lack of impact of strategic partnership "
     "working on frontline practice (in common with those found in the LSCB)."),
]

LPM, LAC_, LLI = ("Performance management and quality assurance", "Accountability and challenge",
                  "Learning and improvement")
LVS, LWT, LEN = (T5, "Working Together 2015 compliance", "Engagement of practitioners, children and young people")
FINDINGS["leicester/2015-ofsted-lscb"] = [
    ("P1", P, LPM, "Establish and implement a robust performance management framework and dataset to enable the "
                   "Board to scrutinise service effectiveness and outcomes for children."),
    ("P2", P, LPM, "Monitor the effectiveness of statutory services and practice provided to children in need of help."),
    ("P3", P, LAC_, "Establish a clear line of sight and reporting from frontline practice to the Board so that "
                    "concerns and challenges can be promptly addressed."),
    ("A1", A, LVS, "Information to the Board should contain challenging analysis to enable members to identify key "
                   "priority areas for improvement and generate an effective Business Plan."),
    ("A2", A, LPM, "Increase the number and frequency of multi-agency audits."),
    ("A3", A, LEN, "Establish a clear line of sight from frontline practice to the Board so challenges are more "
                   "swiftly and accurately identified."),
    ("A4", A, LWT, "Produce an Annual Report in line with statutory requirements."),
    ("A5", A, LWT, "Evaluate the early help offer: partners' understanding and implementation of their "
                   "responsibilities and understanding and application of thresholds."),
    ("A6", A, LVS, "Evaluate the impact of CSE initiatives and make sure CSE strategy covers key areas: prevention, "
                   "protection, prosecution and disruption."),
]

FINDINGS["leicester/2016-effectiveness"] = [
    ("1", A, LVS, "There are many positive elements of the Leicester LSCB...but in order to ensure continued "
                  "improvement it should focus more on evidence of the impact and difference the local safeguarding "
                  "services are making to children's lives...and those children and their families who require "
                  "early help."),
]

FINDINGS["leicester/2017-peer"] = [
    ("S1", S, LVS, "The new Chair has demonstrated rigour, challenge, highly effective leadership of change and is "
                   "making a real difference through personal impact and increasingly dispersed leadership."),
    ("S2", S, LWT, "Business support for the work of the Board has improved markedly. There is good tracking and "
                   "follow-up from meetings. There is a sense of pace, purpose and operational grip."),
    ("S3", S, LAC_, "Board members report a stronger culture of accountability through Board meetings, the Chairs' "
                    "Executive Group and the work in sub-groups."),
    ("S4", S, LPM, "There is an increasingly rigorous multi-agency audit programme."),
    ("S5", S, LLI, "There is a well-established and systematic framework for multi-agency safeguarding training "
                   "across the LLR area."),
    ("S6", S, LEN, "The Board has commissioned Young Advisers for specific pieces of work, including a critique of the "
                   "new Board website, producing a guide for young people on the role of the LSCB and a young "
                   "people's version of the Business Plan."),
    ("R1", R, LVS, "Revise and update the Business Plan with a more streamlined set of activities linked to the "
                   "Board's core purpose, a clearer set of outcome measures and sharper evaluation of impact."),
    ("R2", R, LLI, "Strengthen the evaluation of the impact of Learning and Development, drawing on findings from "
                   "single and multi-agency audits."),
    ("R3", R, LPM, "Bring together evidence of the Board's impact through the development of quality matrices linked "
                   "to the Business Plan priorities, and prepare a sample evaluative case studies to show the impact "
                   "of the Board's work from the perspective of practitioners, children and families, and partner "
                   "agencies."),
    ("R4", R, LVS, "The LCCIB should remit a key theme to the LSCB for it to demonstrate its proven capacity to "
                   "improve and assume full system-wide responsibilities."),
    ("R5", R, LPM, "Establish system-wide impact measures for the work of the Board using, for example, standing "
                   "quality assurance questions relating to key processes (e.g. understanding and application of "
                   "thresholds) or key safeguarding risks (e.g. CSE, Neglect, Domestic Abuse)."),
    ("C1", C, LWT, "As part of the transfer of responsibilities from the LCCIB, the LSCB needs to have its own "
                   "evidence about the understanding and application of thresholds and the effectiveness of early "
                   "help."),
    ("C2", C, LLI, "It will be essential for the Board to ensure that the various component processes do operate as "
                   "part of an assurance cycle rather than learning and improvement 'episodes'."),
    ("C3", C, LEN, "The Board's Engagement and Participation Group has suffered from inconsistent attendance; a "
                   "Children and Young People's Summit linked to the Board's safeguarding priorities is planned "
                   "later in the year."),
    ("C4", C, LVS, "It will be important to ensure that the scale and pace of work continues to be sustainable; "
                   "prioritisation is therefore essential."),
]

TO, TV, TW, TS, TM, TSUM, TFB = ("Outcomes", T5, "Working together and the TSCB",
                                  "Service delivery and effective practice", "Managing resources", "Summary",
                                  "Feedback session, 25 May 2012")
FINDINGS["torbay/improvement-notice"] = [
    ("1", N, TS, "Continue to improve the quality, timeliness and consistency of assessments, taking appropriate "
                 "account of risk and recording the views of key agencies of the council and children and young "
                 "people, where appropriate, to inform decision making and planning in line with statutory guidance."),
    ("2", N, TW, "With partner agencies, ensure that a common and locally agreed shared assessment is used by all "
                 "agencies to improve the service provided to children and families outside of social care."),
    ("3", N, TW, "Work with relevant partner agencies to ensure that they actively participate in strategy "
                 "discussions and risk assessment and actively contribute to all child protection and children in "
                 "need plans."),
    ("4", N, TM, "Ensure that performance information and evidence from quality assurance audits are carried out, "
                 "analysed and reported to the Improvement Board and Torbay Safeguarding Children Board (TSCB) in "
                 "accordance with Ofsted 'local safeguarding children board good practice'. Analysis should be used "
                 "to inform action taken by the Council and its partners to drive improvements in safeguarding and "
                 "the Council should report on the impact of such actions to the aforementioned boards."),
    ("5", N, TM, "Agree with the Improvement Board and the LSCB the frequency, scope and number of quality assurance "
                 "audits. Ensure that the quality assurance audits are carried out and the performance information "
                 "and evidence from the audits are analysed and reported to the improvement Board and the TSCB in "
                 "accordance with Ofsted 'local safeguarding Children board good practice'. Analysis should be used "
                 "to inform action taken by the Council and its partners to drive improvements in safeguarding and "
                 "significantly reduce the number of cases judged to be inadequate. The Council should also report "
                 "on the impact of such actions to the improvement board and TSCB."),
    ("6", N, TV, "Ensure that the contribution of key partner agencies to the agreed improvement strategy, and that "
                 "the leadership and accountability for the work of safeguarding children is clearly identified "
                 "within existing and new organisational structures."),
    ("7", N, TV, "Ensure that the partners on the improvement board work with the Council to agree objectives and "
                 "targets for improvement in the delivery of children's safeguarding services with timescales and "
                 "that these are communicated and implemented with staff and partners so that they understand their "
                 "roles and responsibilities in delivering these objectives, targets and improvements."),
    ("8", N, TM, "Continue to monitor social worker workloads (including caseloads) to ensure that responsibilities "
                 "for tasks are clearly defined, there is adequate reflective supervision and support and that no "
                 "practitioner carries a workload which is excessive and prevents effective social work practice."),
    ("9", N, TS, "Continue the development of effective reflective supervision of social work practice is in place "
                 "with rigorous management oversight and decision making on individual cases, which will identify "
                 "strengths and areas for development in practice with a view of further improving the quality of "
                 "social work practice."),
    ("10", N, TS, "Continue to implement the comprehensive programme of induction, training, mentoring and "
                  "continuous professional development for all social care staff and work to ensure that shared "
                  "learning opportunities with partners are exploited. The council should report the impact the "
                  "work has on improving outcomes for children to the improvement board."),
]

FINDINGS["torbay/2012-peer"] = [
    ("S1", S, TO, "Outcomes for teenagers \u2013 low offending rates; numbers in education employment and training "
                  "at 16; significantly improved educational outcomes for children in care"),
    ("S2", S, TO, "TellUs Survey (2011) \u2013 most children feel very safe at home"),
    ("S3", S, TV, "Strong, clear vision and actions in the Children\u2019s Partnership Improvement Plan"),
    ("S4", S, TV, "Confidence in the stable \u2018top team\u2019 leadership"),
    ("S5", S, TW, "Child\u2019s Journey/Threshold Matrix \u2013 clear, strong roll out and visible support"),
    ("S6", S, TS, "Front-line relationships/co-location"),
    ("S7", S, TS, "NQSW/Grow your own/Training and Development"),
    ("S8", S, TM, "Evidence of some decisive action regarding poor performance"),
    ("1.1", C, TO, "Evidence of impact of the changes made so far should be available now but must be in future"),
    ("1.2", C, TO, "How is impact on outcomes evidenced \u2013 the \u2018so what\u2019 question?"),
    ("1.3", C, TO, "High numbers of children with Child Protection Plans and in the care system is not sustainable "
                   "and is likely to impact on outcomes and safety"),
    ("2.1", C, TV, "How will you secure more effective challenge and a faster pace of action, for example "
                   "recruitment and retention"),
    ("2.2", C, TV, "Children as a long-term political priority against competing demands: economic development, "
                   "tourism, link road"),
    ("2.3", C, TV, "Other partners understanding, engagement with and shared leadership of both the Improvement Plan "
                   "and the future strategy/use of resources"),
    ("2.4", C, TV, "Clarify and communicate the early help strategy and offer in order to secure on-going investment "
                   "in the right places"),
    ("3.1", C, TW, "Demonstrate consistent involvement and challenge of all agencies"),
    ("3.2", C, TW, "Resolve the lack of clarity about ownership of SCR/IMR actions and learning between TSCB and the IB"),
    ("3.3", C, TW, "Develop capability and capacity through further learning and joint work with other LSCBs"),
    ("3.4", C, TW, "Case audit framework needs further development to demonstrate an impact on practice/outcomes"),
    ("3.5", C, TW, "Draw upon the strengths and expertise of the Voluntary Sector"),
    ("4.1", C, TS, "Ensure that positive developments (Hub/IFSS/CAF) are not swamped because the overall strategy is "
                   "not clear."),
    ("4.2", C, TS, "Achieving a better balance between assessment and intervention"),
    ("4.3", C, TS, "Delivering on your commitment to reduce caseloads"),
    ("4.4", C, TS, "Equality and Diversity issues \u2013 not well understood and embedded"),
    ("4.5", C, TS, "CWD services geographically and structurally too separate from social care"),
    ("4.6", C, TS, "Decide and communicate the level of partner access to PARIS"),
    ("5.1", C, TM, "Develop systematic approaches throughout the partnership (including the IB and TSCB) and at every "
                   "level which ask the \u2018so what\u2019 question and rigorously look at the impact of changes"),
    ("5.2", C, TM, "Raise awareness of Children's Safeguarding performance information and strengthen use of hard and "
                   "soft data to understand issues and target improvement"),
    ("5.3", C, TM, "Consider how good performance is identified and communicated"),
    ("5.4", C, TM, "Evidence the impact of improved, reflective supervision and developing peer support"),
    ("5.5", C, TM, "Developing a sustainable strategy to reduce the number of children in the social care system"),
    ("A1", C, TSUM, "Increasing pace, improving consistency and demonstrating impact on children and families"),
    ("A2", C, TSUM, "Sell your strengths, talk about your improvements and impact, focus on the future, don't be "
                    "frightened of your past"),
    ("A3", C, TSUM, "Moving from control to empowered decision making"),
    ("A4", C, TSUM, "Recruitment and retention of safeguarding social work staff \u2013 be brave; market 'the brand'; "
                    "use your staff as advocates; work with others to develop the career offer"),
    ("A5", C, TSUM, "Sustainability \u2013 you can't afford to stay as you are, make more use of the whole system "
                    "working with your partners and other councils."),
    ("F1", C, TFB, "The turnover levels in social work staff are concerning. This may indicate improvements are "
                   "required in the selection process e.g. the use of psychometric tests. However it is essential to "
                   "understand the reasons people leave, through for example exit interviews and to respond urgently "
                   "to the issues identified."),
    ("F2", C, TFB, "Improved measurement of impact will provide evidence to support external communications. There "
                   "was recognition of the need to be \"brave\" to demonstrate achievements and to ensure that all "
                   "members of the partnership were included in and aware of communications"),
    ("F3", C, TFB, "It was recognised that more needed to be done to promote and address equalities and diversity. "
                   "This is not just about ethnicity and a greater awareness amongst all partners of issues of "
                   "identity and disability is required"),
]

PPM, PQP, PFW, PCP, PVS, PCL, PLC = ("Performance management information", "Ensuring consistent quality of practice",
                                     "Procedural, policy and strategy frameworks",
                                     "Children's participation and corporate parenting",
                                     "The Virtual School for children and young people in care", "Care leavers",
                                     "Learning from complaints")
FINDINGS["peterborough/2015-ofsted"] = [
    ("S1", S, "Early help and prevention", "Significant areas of strength in relation to early help and prevention "
                                           "services."),
    ("S2", S, "Adoption", "Adoption services in Peterborough were assessed as already being 'Good'."),
    ("S3", S, "Leadership and management", "Inspectors expressed confidence in the leadership and management of the "
                                           "service to deliver continuing improvements."),
    ("S4", S, PCL, "Care leavers felt safe in their accommodation, felt that they had been able to make choices about "
                   "accommodation, and the service supported 'Staying Put' arrangements well."),
    ("1", R, PPM, "Performance management information is not available to managers in or close to 'real time'; "
                  "managers need timely performance information so that they can efficiently track the performance "
                  "of plans and activities relating to individual children and young people."),
    ("2", R, PQP, "Children's Social Care is not yet delivering consistently good outcomes for children and young "
                  "people, and not yet consistently recording and evidencing the quality of its work; the consistency "
                  "of practice and management oversight must improve."),
    ("3", R, PFW, "Peterborough City Council and the Local Safeguarding Children Board should develop neglect "
                  "strategies."),
    ("4", R, PCP, "Do more to secure effective participation of children and young people in care and, with a more "
                  "robust approach to corporate parenting, support elected Members and senior leaders to hear and act "
                  "upon the views and experiences of children and young people."),
    ("5", R, PVS, "Review the capacity of the Virtual School to ensure that there is sufficient capacity to meet need, "
                  "including support for young people in education beyond the age of sixteen."),
    ("6", R, PCL, "Improve the support offered to care leavers (a number of specific recommendations)."),
    ("7", R, PLC, "Evidence that the service learns from the findings of complaints and that practice changes as a "
                  "result of complaints."),
]

# name -> team
OWNERS = [
    # Torbay
    ("Director of Children's Services", "Torbay Council, Children's Services"),
    ("Chief Executive (Torbay)", "Torbay Council"),
    ("Head of Children's Social Care (Torbay)", "Torbay Council, Children's Social Care"),
    ("Head of Early Intervention (Torbay)", "Torbay Council, Children's Services"),
    ("Safeguarding and Reviewing Service Manager (Torbay)", "Torbay Council, Children's Social Care"),
    ("Performance and Quality Assurance Manager (Torbay)", "Torbay Council, Children's Services"),
    ("PARIS Systems Manager (Torbay)", "Torbay Council, Children's Services"),
    ("Workforce Development Manager (Torbay)", "Torbay Council, Workforce Development"),
    ("Head of Human Resources (Torbay)", "Torbay Council, Human Resources"),
    ("TSCB Business Manager", "Torbay Safeguarding Children Board"),
    ("Voluntary Sector CPIP Lead", "Children's Partnership Improvement Plan (Torbay)"),
    # Windsor and Maidenhead
    ("Head of Commissioning \u2013 Adults, Children and Health", "Royal Borough of Windsor and Maidenhead"),
    ("Managing Director/Strategic Director Adult, Children and Health Services",
     "Royal Borough of Windsor and Maidenhead"),
    ("Head of Children's Social Care (RBWM)", "RBWM Children's Services (Achieving for Children from April 2017)"),
    ("Principal Social Worker", "RBWM Children's Services (Achieving for Children from April 2017)"),
    ("Early Help and Front Door Service Leader (RBWM)",
     "RBWM Children's Services (Achieving for Children from April 2017)"),
    ("Quality Assurance Manager (RBWM)", "RBWM Children's Services (Achieving for Children from April 2017)"),
    ("Participation Lead (RBWM)", "RBWM Children's Services (Achieving for Children from April 2017)"),
    ("Head of Finance (RBWM)", "Royal Borough of Windsor and Maidenhead, Finance"),
    ("LSCB Business Manager (RBWM)", "Windsor and Maidenhead Local Safeguarding Children Board"),
    # Leicester
    ("LSCB Independent Chair", "Leicester Safeguarding Children Board"),
    ("LSCB Business Manager", "Leicester Safeguarding Children Board, Business Team"),
    ("Chair of the Performance Analysis and Assurance Group", "Leicester Safeguarding Children Board"),
    ("Chair of the Engagement and Participation Group", "Leicester Safeguarding Children Board"),
    ("LLR Learning and Development Sub-group Chair", "Leicester, Leicestershire and Rutland LSCBs"),
    ("CSE Strategic Lead (LLR)", "Leicester, Leicestershire and Rutland LSCBs"),
    ("Director of Children's Services (Leicester)", "Leicester City Council, Children's Services"),
    # Peterborough
    ("Corporate Director for People and Communities", "Peterborough City Council"),
    ("Service Director for Children and Safeguarding", "Peterborough City Council, Children's Services"),
    ("Head of Service for Safeguarding and Quality Assurance", "Peterborough City Council, Children's Social Care"),
    ("Performance Team Manager (Peterborough)", "Peterborough City Council, Performance Team"),
    ("LSCB Business Manager (Peterborough)", "Peterborough Safeguarding Children Board"),
    ("Participation Manager (Peterborough)", "Peterborough City Council, Children in Care"),
    ("Virtual School Head (Peterborough)", "Peterborough Virtual School"),
    ("Care Leavers Service Manager (Peterborough)", "Peterborough City Council, Children in Care"),
    ("Complaints and Quality Assurance Manager (Peterborough)", "Peterborough City Council, Quality Assurance"),
    # Herefordshire
    ("Head of Early Help", "Herefordshire Council, Children's Wellbeing"),
    ("Head of Children's Social Care (Herefordshire)", "Herefordshire Council, Children's Wellbeing"),
    ("Principal Social Worker (Herefordshire)", "Herefordshire Council, Children's Wellbeing"),
]
