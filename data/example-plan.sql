-- example-plan.sql -- the example plan bundled with safeplan (`safeplan demo`, sp_demo_load).
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

-- ------------------------------------------------------------------ authorities

INSERT OR IGNORE INTO authority (code, name, kind) VALUES ('windsor-maidenhead', 'Royal Borough of Windsor and Maidenhead', 'council');
INSERT OR IGNORE INTO authority (code, name, kind) VALUES ('herefordshire', 'Herefordshire Council', 'council');
INSERT OR IGNORE INTO authority (code, name, kind) VALUES ('leicester', 'Leicester City Council', 'council');
INSERT OR IGNORE INTO authority (code, name, kind) VALUES ('torbay', 'Torbay Council', 'council');
INSERT OR IGNORE INTO authority (code, name, kind) VALUES ('peterborough', 'Peterborough City Council', 'council');

-- ------------------------------------------------------------------ reviews

-- windsor-maidenhead/2015-ofsted: Seed 000, para 1.1: inspected March 2015 (no exact days given).
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'windsor-maidenhead'), '2015-ofsted', 'ofsted_inspection',
        'Ofsted inspection of services for children in need of help and protection, children in care and care leavers (single ' ||
        'inspection framework), March 2015',
        NULL, NULL, NULL, 'Requires Improvement');
-- windsor-maidenhead/2016-peer: Seed 000: on site 5-9 December 2016; feedback presentation on the Friday,
-- written report due January 2017 (date not given), briefing note to scrutiny 3 January 2017.
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'windsor-maidenhead'), '2016-peer', 'lga_peer_review',
        'LGA safeguarding peer review of children''s services',
        '2016-12-05', '2016-12-09', NULL, NULL);
-- herefordshire/2018-peer: Seed 001 gives "26 February - 1 March" without a year. The year is 2018: the deck
-- says the team "saw progress since LGA carried out the casework review in June 2017", and 26 February 2018 is a
-- Monday. This review is AFTER the demo's default as-of date (2017-07-01): its actions are not started.
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'herefordshire'), '2018-peer', 'lga_peer_review',
        'LGA safeguarding children peer review (Early Help; operational practice; edge of care, LAC and permanency)',
        '2018-02-26', '2018-03-01', NULL, NULL);
-- leicester/2015-ofsted: Seed 002, para 8: March 2015, inadequate overall (no exact days given).
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'leicester'), '2015-ofsted', 'ofsted_inspection',
        'Ofsted single inspection of children''s services, March 2015',
        NULL, NULL, NULL, 'Inadequate');
-- leicester/2015-ofsted-lscb: Seed 002, paras 6-7. Ofsted numbered its priorities I-III and areas for
-- improvement i-vi; they are P1-P3 and A1-A6 here (refs differing only in case would be confusing). Ofsted's
-- list has no headings: themes are the 2017 peer review's headings, assigned by us.
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'leicester'), '2015-ofsted-lscb', 'ofsted_lscb_review',
        'Ofsted review of the effectiveness of Leicester Safeguarding Children Board, March 2015',
        NULL, NULL, NULL, 'Inadequate');
-- leicester/2016-effectiveness: Seed 002, paras 11-14: June 2016; its ten-point action plan was implemented from
-- July 2016.
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'leicester'), '2016-effectiveness', 'self_assessment',
        'LSCB Effectiveness Review led by the Independent Chair, June 2016',
        NULL, NULL, NULL, NULL);
-- leicester/2017-peer: Seed 002: commissioned by the Chief Executive; reviewer appointed January 2017; final
-- report April 2017 (no day given). Not an LGA-run review, so kind 'other'.
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'leicester'), '2017-peer', 'other',
        'Peer review of Leicester Safeguarding Children Board (final report April 2017; covers June 2016 - March 2017)',
        NULL, NULL, NULL, NULL);
-- torbay/improvement-notice: Seed 003 quotes the notice's requirements but not its date. Requirements are
-- numbered 1-10 in the order quoted; themes are the 2012 peer review's, assigned by us.
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'torbay'), 'improvement-notice', 'improvement_notice',
        'DfE improvement notice: children''s safeguarding (requirements as quoted in the July 2012 response)',
        NULL, NULL, NULL, NULL);
-- torbay/2012-peer: Seed 003: on site 21-25 May 2012, feedback 25 May, final letter dated 26 June 2012. A peer
-- review gives no judgement.
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'torbay'), '2012-peer', 'lga_peer_review',
        'LGA children''s services safeguarding peer review',
        '2012-05-21', '2012-05-25', '2012-06-26', NULL);
-- peterborough/2015-ofsted: Seed 004, paras 1.1 and 4.1: report published September 2015 (no exact dates given).
-- The Ofsted report itself is not among the seeds: findings are taken from how the March 2017 progress report
-- describes them.
INSERT OR IGNORE INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES ((SELECT id FROM authority WHERE code = 'peterborough'), '2015-ofsted', 'ofsted_inspection',
        'Ofsted inspection of services for children in need of help and protection, children in care and care leavers (report ' ||
        'published September 2015)',
        NULL, NULL, NULL, 'Requires improvement to be good (adoption: Good)');

-- Short lookups by reference path (CODE/REVIEW, CODE/REVIEW/FINDING, CODE/REVIEW/FINDING/ACTION),
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

-- ------------------------------------------------------------------ findings

-- windsor-maidenhead/2016-peer
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S1.1', 'strength', 'Effective practice, service delivery and the voice of the child',
       'Evidence of innovative practice resulting in very good outcomes in Youth Service.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S1.2', 'strength', 'Effective practice, service delivery and the voice of the child',
       'Evidence that child protection plans are increasingly SMART and timely.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S1.3', 'strength', 'Effective practice, service delivery and the voice of the child',
       'Strong safeguarding practices across all areas of health.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S1.4', 'strength', 'Effective practice, service delivery and the voice of the child',
       'Pod working is improving consistency for children and young people and their families, and is experienced positively by ' ||
       'staff with some evidence of good social work practice.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1.1', 'area_for_consideration', 'Effective practice, service delivery and the voice of the child',
       'Clarity needed about the totality of the Early Help offer and the system to access it needs further development.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1.2', 'area_for_consideration', 'Effective practice, service delivery and the voice of the child',
       'Improve the quality, frequency and recording of supervision.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1.3', 'area_for_consideration', 'Effective practice, service delivery and the voice of the child',
       'Better understanding of children''s needs at point of entry to Front Door in light of potential over-intervention (as a ' ||
       'consequence of the introduction of the MASH).'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1.4', 'area_for_consideration', 'Effective practice, service delivery and the voice of the child',
       'Improve quality of referral information to MASH and early help hub (Front Door) through multi-agency training.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S2.1', 'strength', 'Outcomes, impact and performance management',
       'Commitment to ensuring stability in management roles.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S2.2', 'strength', 'Outcomes, impact and performance management',
       'Evidence of routine performance data being available and increasing member focus on performance.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S2.3', 'strength', 'Outcomes, impact and performance management',
       'Senior management commitment to improve performance.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S2.4', 'strength', 'Outcomes, impact and performance management',
       'Evidence of child protection plans being increasingly SMART and child outcome focussed.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2.1', 'area_for_consideration', 'Outcomes, impact and performance management',
       'Stronger focus on outcomes for children.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2.2', 'area_for_consideration', 'Outcomes, impact and performance management',
       'Compliance with performance and practice expectations is inconsistent and lacks supervisory enforcement.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2.3', 'area_for_consideration', 'Outcomes, impact and performance management',
       'Need to ensure consistent application of quality assurance framework and escalation policy.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2.4', 'area_for_consideration', 'Outcomes, impact and performance management',
       'Need to develop a robust learning loop from performance, audits, reflective supervision and appraisal.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S3.1', 'strength', 'Working together (incl. the Health and Wellbeing Board)',
       'Excellent examples of collaborative and transparent working with Health and Police.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S3.2', 'strength', 'Working together (incl. the Health and Wellbeing Board)',
       'Evidence of shared report and planning activity across Local Safeguarding Children Board, Safeguarding Adults Board, ' ||
       'Health and Wellbeing Board and Community Safety Partnership.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S3.3', 'strength', 'Working together (incl. the Health and Wellbeing Board)',
       'Strong relationship across the school family with the local authority.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S3.4', 'strength', 'Working together (incl. the Health and Wellbeing Board)',
       'Training from SCRs valued by partners.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.1', 'area_for_consideration', 'Working together (incl. the Health and Wellbeing Board)',
       'Anxiety from partners around transfer to Achieving for Children will need continued attention.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.2', 'area_for_consideration', 'Working together (incl. the Health and Wellbeing Board)',
       'Progress shared ownership and contribution from partner organisations into the Front Door.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.3', 'area_for_consideration', 'Working together (incl. the Health and Wellbeing Board)',
       'Local Safeguarding Children Board multi-agency training needs to be refreshed.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.4', 'area_for_consideration', 'Working together (incl. the Health and Wellbeing Board)',
       'Child Sexual Exploitation and Missing operational group needs to be developed in the context of wider partnership ' ||
       'governance and the complexity of geographical and organisational arrangements.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S4.1', 'strength', 'Capacity and managing resources',
       'Long term sustainability and resilience for children''s services actively addressed by plans for Achieving for Children.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S4.2', 'strength', 'Capacity and managing resources',
       'Commissioning framework for the Authority (2016-2020) sets out clear principles, and confirms intention to jointly ' ||
       'commission with partners.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S4.3', 'strength', 'Capacity and managing resources',
       'Continued investment in universal and early help resources.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S4.4', 'strength', 'Capacity and managing resources',
       'Commitment to invest in social work capacity to support manageable caseloads.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.1', 'area_for_consideration', 'Capacity and managing resources',
       'Funding arrangements and capacity for the voluntary sector needs to be considered alongside the intention to commission ' ||
       'future services.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.2', 'area_for_consideration', 'Capacity and managing resources',
       'Clarity in operating model as you move towards Achieving for Children of the roles, responsibilities and delegations.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.3', 'area_for_consideration', 'Capacity and managing resources',
       'Assurance around managing finances within new financial and contract management arrangements e.g. demand-led services.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S5.1', 'strength', 'Vision, strategy and leadership',
       'Ambitious and innovative senior political leadership, together with confidence in senior managerial leadership in the ' ||
       'council.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S5.2', 'strength', 'Vision, strategy and leadership',
       'Leaders are visible and accessible.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S5.3', 'strength', 'Vision, strategy and leadership',
       'Corporate openness to explore new ways of working as part of a longer term plan.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S5.4', 'strength', 'Vision, strategy and leadership',
       'Corporate Parenting agenda is developing.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5.1', 'area_for_consideration', 'Vision, strategy and leadership',
       'Voice of the child needs to have a high profile and exert more influence, eg consultation on transfer to Achieving for ' ||
       'Children.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5.2', 'area_for_consideration', 'Vision, strategy and leadership',
       'Continue development of the role and function of the integrated front door.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5.3', 'area_for_consideration', 'Vision, strategy and leadership',
       'Continued promotion of stability across people and processes during this time of change.'
FROM example_plan_review WHERE path = 'windsor-maidenhead/2016-peer';

-- herefordshire/2018-peer
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S1', 'strength', 'Early Help',
       'Step down process is reported to be working well. Social workers reported ''smooth'' stepdown to Early Help due to the ' ||
       'regular co-working with the early help co-ordinator and the closure form from social care sets out actions for further ' ||
       'support via Early Help.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S2', 'strength', 'Early Help',
       'Proportionate responses to MASH enquiries, appropriate consent being sought from parents and signposting to suitable ' ||
       'support.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S3', 'strength', 'Operational practice',
       'Improvements in casework, evident in files, quality of assessments - “When it’s there it’s accurate, factual and ' ||
       'concise”'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S4', 'strength', 'Edge of care, LAC and permanency',
       'Good practice in LAC teams; the virtual school is good.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S5', 'strength', 'Capacity and managing resources',
       'Significant reduction in agency staff.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S6', 'strength', 'Vision, strategy and leadership',
       'Clear and agreed sense of key priorities for the next stage of improvement within the Head of Service group.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1', 'area_for_consideration', 'Early Help',
       'Early Help needs investment if it is going to help manage demand into social work services - there needs to be a whole ' ||
       'system approach to investment and impact across Early Help, Children in Need (CIN) and Child Protection (CP)/LAC.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2', 'area_for_consideration', 'Early Help',
       'There needs to be a bespoke Outcome Framework for Early Help, designed with partners, that also incorporates the ' ||
       'Troubled Families Plan. Cycle of audits instituted, monthly quarterly reports evidence outcomes.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3', 'area_for_consideration', 'Early Help',
       'MASH processes for step down to Early Help and step up need review and further work.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4', 'area_for_consideration', 'Early Help',
       'MASH and Early Help (EH) interface - strengthen and develop more integrated work flows and remits, processes require ' ||
       'further development (in conjunction with your partners and the safeguarding board) to ensure effective Working Together ' ||
       'arrangements and appropriate referral through to either EH, CIN or CP.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5', 'area_for_consideration', 'Operational practice',
       'Approach to CIN under developed and unclear. Should be a specific focus for next 6 months: review CIN work being ' ||
       'undertaken, develop a narrative of what CIN is for, review policies and practice guidance on CIN cases, review guidance ' ||
       'on timescales and trust professional judgement more, review where CIN cases are best held, direct audit capacity to CIN ' ||
       'Plans and step downs from CIN, introduce management and performance information on CIN.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '6', 'area_for_consideration', 'Operational practice',
       'Get on with adopting a social work model; don''t underestimate the task.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '7', 'area_for_consideration', 'Operational practice',
       'Recording of management oversight and supervision is inconsistent.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '8', 'area_for_consideration', 'Capacity and managing resources',
       'Focus on retention, career development opportunities – make Herefordshire “the right place for me”'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '9', 'area_for_consideration', 'Edge of care, LAC and permanency',
       'Lack of differentiated edge of care service, high numbers of LAC and as a result high demand on resources in the short ' ||
       'to medium term; work needed on the plan to address this legacy, need to create a culture of permanency.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '10', 'area_for_consideration', 'Edge of care, LAC and permanency',
       'Lack of provision for 16 + service in health.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '11', 'area_for_consideration', 'Outcomes, impact and performance management',
       'Audits were completed but felt they lacked evidence of change “the so what question or seeing improvements embedded”'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '12', 'area_for_consideration', 'Working together (incl. the Health and Wellbeing Board)',
       'HSCB - ‘felt things were done to you rather than with partners’'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '13', 'area_for_consideration', 'Vision, strategy and leadership',
       'Prioritise and put in place realistic timescales for what you want to move towards.'
FROM example_plan_review WHERE path = 'herefordshire/2018-peer';

-- leicester/2015-ofsted
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1', 'area_for_improvement', 'Children who need help and protection',
       'Particular concerns regarding the effectiveness of services for children in need of help and protection.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2', 'area_for_improvement', 'Leadership, management and governance',
       'Weaknesses in performance management, quality assurance and the lack of impact of strategic partnership working on ' ||
       'frontline practice (in common with those found in the LSCB).'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted';

-- leicester/2015-ofsted-lscb
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'P1', 'priority_action', 'Performance management and quality assurance',
       'Establish and implement a robust performance management framework and dataset to enable the Board to scrutinise service ' ||
       'effectiveness and outcomes for children.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'P2', 'priority_action', 'Performance management and quality assurance',
       'Monitor the effectiveness of statutory services and practice provided to children in need of help.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'P3', 'priority_action', 'Accountability and challenge',
       'Establish a clear line of sight and reporting from frontline practice to the Board so that concerns and challenges can ' ||
       'be promptly addressed.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A1', 'area_for_improvement', 'Vision, strategy and leadership',
       'Information to the Board should contain challenging analysis to enable members to identify key priority areas for ' ||
       'improvement and generate an effective Business Plan.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A2', 'area_for_improvement', 'Performance management and quality assurance',
       'Increase the number and frequency of multi-agency audits.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A3', 'area_for_improvement', 'Engagement of practitioners, children and young people',
       'Establish a clear line of sight from frontline practice to the Board so challenges are more swiftly and accurately ' ||
       'identified.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A4', 'area_for_improvement', 'Working Together 2015 compliance',
       'Produce an Annual Report in line with statutory requirements.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A5', 'area_for_improvement', 'Working Together 2015 compliance',
       'Evaluate the early help offer: partners'' understanding and implementation of their responsibilities and understanding ' ||
       'and application of thresholds.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A6', 'area_for_improvement', 'Vision, strategy and leadership',
       'Evaluate the impact of CSE initiatives and make sure CSE strategy covers key areas: prevention, protection, prosecution ' ||
       'and disruption.'
FROM example_plan_review WHERE path = 'leicester/2015-ofsted-lscb';

-- leicester/2016-effectiveness
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1', 'area_for_improvement', 'Vision, strategy and leadership',
       'There are many positive elements of the Leicester LSCB...but in order to ensure continued improvement it should focus ' ||
       'more on evidence of the impact and difference the local safeguarding services are making to children''s lives...and those ' ||
       'children and their families who require early help.'
FROM example_plan_review WHERE path = 'leicester/2016-effectiveness';

-- leicester/2017-peer
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S1', 'strength', 'Vision, strategy and leadership',
       'The new Chair has demonstrated rigour, challenge, highly effective leadership of change and is making a real difference ' ||
       'through personal impact and increasingly dispersed leadership.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S2', 'strength', 'Working Together 2015 compliance',
       'Business support for the work of the Board has improved markedly. There is good tracking and follow-up from meetings. ' ||
       'There is a sense of pace, purpose and operational grip.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S3', 'strength', 'Accountability and challenge',
       'Board members report a stronger culture of accountability through Board meetings, the Chairs'' Executive Group and the ' ||
       'work in sub-groups.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S4', 'strength', 'Performance management and quality assurance',
       'There is an increasingly rigorous multi-agency audit programme.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S5', 'strength', 'Learning and improvement',
       'There is a well-established and systematic framework for multi-agency safeguarding training across the LLR area.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S6', 'strength', 'Engagement of practitioners, children and young people',
       'The Board has commissioned Young Advisers for specific pieces of work, including a critique of the new Board website, ' ||
       'producing a guide for young people on the role of the LSCB and a young people''s version of the Business Plan.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'R1', 'recommendation', 'Vision, strategy and leadership',
       'Revise and update the Business Plan with a more streamlined set of activities linked to the Board''s core purpose, a ' ||
       'clearer set of outcome measures and sharper evaluation of impact.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'R2', 'recommendation', 'Learning and improvement',
       'Strengthen the evaluation of the impact of Learning and Development, drawing on findings from single and multi-agency ' ||
       'audits.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'R3', 'recommendation', 'Performance management and quality assurance',
       'Bring together evidence of the Board''s impact through the development of quality matrices linked to the Business Plan ' ||
       'priorities, and prepare a sample evaluative case studies to show the impact of the Board''s work from the perspective of ' ||
       'practitioners, children and families, and partner agencies.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'R4', 'recommendation', 'Vision, strategy and leadership',
       'The LCCIB should remit a key theme to the LSCB for it to demonstrate its proven capacity to improve and assume full ' ||
       'system-wide responsibilities.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'R5', 'recommendation', 'Performance management and quality assurance',
       'Establish system-wide impact measures for the work of the Board using, for example, standing quality assurance questions ' ||
       'relating to key processes (e.g. understanding and application of thresholds) or key safeguarding risks (e.g. CSE, ' ||
       'Neglect, Domestic Abuse).'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'C1', 'area_for_consideration', 'Working Together 2015 compliance',
       'As part of the transfer of responsibilities from the LCCIB, the LSCB needs to have its own evidence about the ' ||
       'understanding and application of thresholds and the effectiveness of early help.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'C2', 'area_for_consideration', 'Learning and improvement',
       'It will be essential for the Board to ensure that the various component processes do operate as part of an assurance ' ||
       'cycle rather than learning and improvement ''episodes''.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'C3', 'area_for_consideration', 'Engagement of practitioners, children and young people',
       'The Board''s Engagement and Participation Group has suffered from inconsistent attendance; a Children and Young People''s ' ||
       'Summit linked to the Board''s safeguarding priorities is planned later in the year.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'C4', 'area_for_consideration', 'Vision, strategy and leadership',
       'It will be important to ensure that the scale and pace of work continues to be sustainable; prioritisation is therefore ' ||
       'essential.'
FROM example_plan_review WHERE path = 'leicester/2017-peer';

-- torbay/improvement-notice
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1', 'improvement_notice_requirement', 'Service delivery and effective practice',
       'Continue to improve the quality, timeliness and consistency of assessments, taking appropriate account of risk and ' ||
       'recording the views of key agencies of the council and children and young people, where appropriate, to inform decision ' ||
       'making and planning in line with statutory guidance.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2', 'improvement_notice_requirement', 'Working together and the TSCB',
       'With partner agencies, ensure that a common and locally agreed shared assessment is used by all agencies to improve the ' ||
       'service provided to children and families outside of social care.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3', 'improvement_notice_requirement', 'Working together and the TSCB',
       'Work with relevant partner agencies to ensure that they actively participate in strategy discussions and risk assessment ' ||
       'and actively contribute to all child protection and children in need plans.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4', 'improvement_notice_requirement', 'Managing resources',
       'Ensure that performance information and evidence from quality assurance audits are carried out, analysed and reported to ' ||
       'the Improvement Board and Torbay Safeguarding Children Board (TSCB) in accordance with Ofsted ''local safeguarding ' ||
       'children board good practice''. Analysis should be used to inform action taken by the Council and its partners to drive ' ||
       'improvements in safeguarding and the Council should report on the impact of such actions to the aforementioned boards.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5', 'improvement_notice_requirement', 'Managing resources',
       'Agree with the Improvement Board and the LSCB the frequency, scope and number of quality assurance audits. Ensure that ' ||
       'the quality assurance audits are carried out and the performance information and evidence from the audits are analysed ' ||
       'and reported to the improvement Board and the TSCB in accordance with Ofsted ''local safeguarding Children board good ' ||
       'practice''. Analysis should be used to inform action taken by the Council and its partners to drive improvements in ' ||
       'safeguarding and significantly reduce the number of cases judged to be inadequate. The Council should also report on the ' ||
       'impact of such actions to the improvement board and TSCB.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '6', 'improvement_notice_requirement', 'Vision, strategy and leadership',
       'Ensure that the contribution of key partner agencies to the agreed improvement strategy, and that the leadership and ' ||
       'accountability for the work of safeguarding children is clearly identified within existing and new organisational ' ||
       'structures.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '7', 'improvement_notice_requirement', 'Vision, strategy and leadership',
       'Ensure that the partners on the improvement board work with the Council to agree objectives and targets for improvement ' ||
       'in the delivery of children''s safeguarding services with timescales and that these are communicated and implemented with ' ||
       'staff and partners so that they understand their roles and responsibilities in delivering these objectives, targets and ' ||
       'improvements.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '8', 'improvement_notice_requirement', 'Managing resources',
       'Continue to monitor social worker workloads (including caseloads) to ensure that responsibilities for tasks are clearly ' ||
       'defined, there is adequate reflective supervision and support and that no practitioner carries a workload which is ' ||
       'excessive and prevents effective social work practice.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '9', 'improvement_notice_requirement', 'Service delivery and effective practice',
       'Continue the development of effective reflective supervision of social work practice is in place with rigorous ' ||
       'management oversight and decision making on individual cases, which will identify strengths and areas for development in ' ||
       'practice with a view of further improving the quality of social work practice.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '10', 'improvement_notice_requirement', 'Service delivery and effective practice',
       'Continue to implement the comprehensive programme of induction, training, mentoring and continuous professional ' ||
       'development for all social care staff and work to ensure that shared learning opportunities with partners are exploited. ' ||
       'The council should report the impact the work has on improving outcomes for children to the improvement board.'
FROM example_plan_review WHERE path = 'torbay/improvement-notice';

-- torbay/2012-peer
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S1', 'strength', 'Outcomes',
       'Outcomes for teenagers – low offending rates; numbers in education employment and training at 16; significantly improved ' ||
       'educational outcomes for children in care'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S2', 'strength', 'Outcomes',
       'TellUs Survey (2011) – most children feel very safe at home'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S3', 'strength', 'Vision, strategy and leadership',
       'Strong, clear vision and actions in the Children’s Partnership Improvement Plan'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S4', 'strength', 'Vision, strategy and leadership',
       'Confidence in the stable ‘top team’ leadership'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S5', 'strength', 'Working together and the TSCB',
       'Child’s Journey/Threshold Matrix – clear, strong roll out and visible support'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S6', 'strength', 'Service delivery and effective practice',
       'Front-line relationships/co-location'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S7', 'strength', 'Service delivery and effective practice',
       'NQSW/Grow your own/Training and Development'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S8', 'strength', 'Managing resources',
       'Evidence of some decisive action regarding poor performance'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1.1', 'area_for_consideration', 'Outcomes',
       'Evidence of impact of the changes made so far should be available now but must be in future'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1.2', 'area_for_consideration', 'Outcomes',
       'How is impact on outcomes evidenced – the ‘so what’ question?'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1.3', 'area_for_consideration', 'Outcomes',
       'High numbers of children with Child Protection Plans and in the care system is not sustainable and is likely to impact ' ||
       'on outcomes and safety'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2.1', 'area_for_consideration', 'Vision, strategy and leadership',
       'How will you secure more effective challenge and a faster pace of action, for example recruitment and retention'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2.2', 'area_for_consideration', 'Vision, strategy and leadership',
       'Children as a long-term political priority against competing demands: economic development, tourism, link road'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2.3', 'area_for_consideration', 'Vision, strategy and leadership',
       'Other partners understanding, engagement with and shared leadership of both the Improvement Plan and the future ' ||
       'strategy/use of resources'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2.4', 'area_for_consideration', 'Vision, strategy and leadership',
       'Clarify and communicate the early help strategy and offer in order to secure on-going investment in the right places'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.1', 'area_for_consideration', 'Working together and the TSCB',
       'Demonstrate consistent involvement and challenge of all agencies'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.2', 'area_for_consideration', 'Working together and the TSCB',
       'Resolve the lack of clarity about ownership of SCR/IMR actions and learning between TSCB and the IB'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.3', 'area_for_consideration', 'Working together and the TSCB',
       'Develop capability and capacity through further learning and joint work with other LSCBs'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.4', 'area_for_consideration', 'Working together and the TSCB',
       'Case audit framework needs further development to demonstrate an impact on practice/outcomes'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3.5', 'area_for_consideration', 'Working together and the TSCB',
       'Draw upon the strengths and expertise of the Voluntary Sector'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.1', 'area_for_consideration', 'Service delivery and effective practice',
       'Ensure that positive developments (Hub/IFSS/CAF) are not swamped because the overall strategy is not clear.'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.2', 'area_for_consideration', 'Service delivery and effective practice',
       'Achieving a better balance between assessment and intervention'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.3', 'area_for_consideration', 'Service delivery and effective practice',
       'Delivering on your commitment to reduce caseloads'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.4', 'area_for_consideration', 'Service delivery and effective practice',
       'Equality and Diversity issues – not well understood and embedded'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.5', 'area_for_consideration', 'Service delivery and effective practice',
       'CWD services geographically and structurally too separate from social care'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4.6', 'area_for_consideration', 'Service delivery and effective practice',
       'Decide and communicate the level of partner access to PARIS'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5.1', 'area_for_consideration', 'Managing resources',
       'Develop systematic approaches throughout the partnership (including the IB and TSCB) and at every level which ask the ' ||
       '‘so what’ question and rigorously look at the impact of changes'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5.2', 'area_for_consideration', 'Managing resources',
       'Raise awareness of Children''s Safeguarding performance information and strengthen use of hard and soft data to ' ||
       'understand issues and target improvement'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5.3', 'area_for_consideration', 'Managing resources',
       'Consider how good performance is identified and communicated'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5.4', 'area_for_consideration', 'Managing resources',
       'Evidence the impact of improved, reflective supervision and developing peer support'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5.5', 'area_for_consideration', 'Managing resources',
       'Developing a sustainable strategy to reduce the number of children in the social care system'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A1', 'area_for_consideration', 'Summary',
       'Increasing pace, improving consistency and demonstrating impact on children and families'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A2', 'area_for_consideration', 'Summary',
       'Sell your strengths, talk about your improvements and impact, focus on the future, don''t be frightened of your past'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A3', 'area_for_consideration', 'Summary',
       'Moving from control to empowered decision making'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A4', 'area_for_consideration', 'Summary',
       'Recruitment and retention of safeguarding social work staff – be brave; market ''the brand''; use your staff as advocates; ' ||
       'work with others to develop the career offer'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'A5', 'area_for_consideration', 'Summary',
       'Sustainability – you can''t afford to stay as you are, make more use of the whole system working with your partners and ' ||
       'other councils.'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'F1', 'area_for_consideration', 'Feedback session, 25 May 2012',
       'The turnover levels in social work staff are concerning. This may indicate improvements are required in the selection ' ||
       'process e.g. the use of psychometric tests. However it is essential to understand the reasons people leave, through for ' ||
       'example exit interviews and to respond urgently to the issues identified.'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'F2', 'area_for_consideration', 'Feedback session, 25 May 2012',
       'Improved measurement of impact will provide evidence to support external communications. There was recognition of the ' ||
       'need to be "brave" to demonstrate achievements and to ensure that all members of the partnership were included in and ' ||
       'aware of communications'
FROM example_plan_review WHERE path = 'torbay/2012-peer';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'F3', 'area_for_consideration', 'Feedback session, 25 May 2012',
       'It was recognised that more needed to be done to promote and address equalities and diversity. This is not just about ' ||
       'ethnicity and a greater awareness amongst all partners of issues of identity and disability is required'
FROM example_plan_review WHERE path = 'torbay/2012-peer';

-- peterborough/2015-ofsted
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S1', 'strength', 'Early help and prevention',
       'Significant areas of strength in relation to early help and prevention services.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S2', 'strength', 'Adoption',
       'Adoption services in Peterborough were assessed as already being ''Good''.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S3', 'strength', 'Leadership and management',
       'Inspectors expressed confidence in the leadership and management of the service to deliver continuing improvements.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, 'S4', 'strength', 'Care leavers',
       'Care leavers felt safe in their accommodation, felt that they had been able to make choices about accommodation, and the ' ||
       'service supported ''Staying Put'' arrangements well.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '1', 'recommendation', 'Performance management information',
       'Performance management information is not available to managers in or close to ''real time''; managers need timely ' ||
       'performance information so that they can efficiently track the performance of plans and activities relating to ' ||
       'individual children and young people.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '2', 'recommendation', 'Ensuring consistent quality of practice',
       'Children''s Social Care is not yet delivering consistently good outcomes for children and young people, and not yet ' ||
       'consistently recording and evidencing the quality of its work; the consistency of practice and management oversight must ' ||
       'improve.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '3', 'recommendation', 'Procedural, policy and strategy frameworks',
       'Peterborough City Council and the Local Safeguarding Children Board should develop neglect strategies.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '4', 'recommendation', 'Children''s participation and corporate parenting',
       'Do more to secure effective participation of children and young people in care and, with a more robust approach to ' ||
       'corporate parenting, support elected Members and senior leaders to hear and act upon the views and experiences of ' ||
       'children and young people.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '5', 'recommendation', 'The Virtual School for children and young people in care',
       'Review the capacity of the Virtual School to ensure that there is sufficient capacity to meet need, including support ' ||
       'for young people in education beyond the age of sixteen.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '6', 'recommendation', 'Care leavers',
       'Improve the support offered to care leavers (a number of specific recommendations).'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';
INSERT OR IGNORE INTO finding (review_id, ref, kind, theme, text)
SELECT id, '7', 'recommendation', 'Learning from complaints',
       'Evidence that the service learns from the findings of complaints and that practice changes as a result of complaints.'
FROM example_plan_review WHERE path = 'peterborough/2015-ofsted';

-- ------------------------------------------------------------------ owners (roles, not people)

INSERT OR IGNORE INTO owner (name, team) VALUES ('Director of Children''s Services', 'Torbay Council, Children''s Services');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Chief Executive (Torbay)', 'Torbay Council');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Children''s Social Care (Torbay)', 'Torbay Council, Children''s Social Care');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Early Intervention (Torbay)', 'Torbay Council, Children''s Services');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Safeguarding and Reviewing Service Manager (Torbay)', 'Torbay Council, Children''s Social Care');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Performance and Quality Assurance Manager (Torbay)', 'Torbay Council, Children''s Services');
INSERT OR IGNORE INTO owner (name, team) VALUES ('PARIS Systems Manager (Torbay)', 'Torbay Council, Children''s Services');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Workforce Development Manager (Torbay)', 'Torbay Council, Workforce Development');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Human Resources (Torbay)', 'Torbay Council, Human Resources');
INSERT OR IGNORE INTO owner (name, team) VALUES ('TSCB Business Manager', 'Torbay Safeguarding Children Board');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Voluntary Sector CPIP Lead', 'Children''s Partnership Improvement Plan (Torbay)');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Commissioning – Adults, Children and Health', 'Royal Borough of Windsor and Maidenhead');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Managing Director/Strategic Director Adult, Children and Health Services', 'Royal Borough of Windsor and Maidenhead');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Children''s Social Care (RBWM)', 'RBWM Children''s Services (Achieving for Children from April 2017)');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Principal Social Worker', 'RBWM Children''s Services (Achieving for Children from April 2017)');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Early Help and Front Door Service Leader (RBWM)', 'RBWM Children''s Services (Achieving for Children from April 2017)');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Quality Assurance Manager (RBWM)', 'RBWM Children''s Services (Achieving for Children from April 2017)');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Participation Lead (RBWM)', 'RBWM Children''s Services (Achieving for Children from April 2017)');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Finance (RBWM)', 'Royal Borough of Windsor and Maidenhead, Finance');
INSERT OR IGNORE INTO owner (name, team) VALUES ('LSCB Business Manager (RBWM)', 'Windsor and Maidenhead Local Safeguarding Children Board');
INSERT OR IGNORE INTO owner (name, team) VALUES ('LSCB Independent Chair', 'Leicester Safeguarding Children Board');
INSERT OR IGNORE INTO owner (name, team) VALUES ('LSCB Business Manager', 'Leicester Safeguarding Children Board, Business Team');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Chair of the Performance Analysis and Assurance Group', 'Leicester Safeguarding Children Board');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Chair of the Engagement and Participation Group', 'Leicester Safeguarding Children Board');
INSERT OR IGNORE INTO owner (name, team) VALUES ('LLR Learning and Development Sub-group Chair', 'Leicester, Leicestershire and Rutland LSCBs');
INSERT OR IGNORE INTO owner (name, team) VALUES ('CSE Strategic Lead (LLR)', 'Leicester, Leicestershire and Rutland LSCBs');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Director of Children''s Services (Leicester)', 'Leicester City Council, Children''s Services');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Corporate Director for People and Communities', 'Peterborough City Council');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Service Director for Children and Safeguarding', 'Peterborough City Council, Children''s Services');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Service for Safeguarding and Quality Assurance', 'Peterborough City Council, Children''s Social Care');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Performance Team Manager (Peterborough)', 'Peterborough City Council, Performance Team');
INSERT OR IGNORE INTO owner (name, team) VALUES ('LSCB Business Manager (Peterborough)', 'Peterborough Safeguarding Children Board');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Participation Manager (Peterborough)', 'Peterborough City Council, Children in Care');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Virtual School Head (Peterborough)', 'Peterborough Virtual School');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Care Leavers Service Manager (Peterborough)', 'Peterborough City Council, Children in Care');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Complaints and Quality Assurance Manager (Peterborough)', 'Peterborough City Council, Quality Assurance');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Early Help', 'Herefordshire Council, Children''s Wellbeing');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Head of Children''s Social Care (Herefordshire)', 'Herefordshire Council, Children''s Wellbeing');
INSERT OR IGNORE INTO owner (name, team) VALUES ('Principal Social Worker (Herefordshire)', 'Herefordshire Council, Children''s Wellbeing');

-- ------------------------------------------------------------------ actions
-- Inserted not started, due on the original due date; the updates below move them on.

INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Streamline paperwork/PARIS system to make it more user friendly and release time for social workers to spend with ' ||
       'families: remove all unnecessary ICS fields on core and initial assessments during July.',
       o.id, '2012-07-02', '2012-07-31', '2012-07-31', 'not_started',
       'Unnecessary ICS fields removed; case file audit shows shorter, more analytical assessments',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/1' AND o.name = 'Head of Children''s Social Care (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Pilot a multi-agency enquiry form (based on the Child''s Journey) starting in July.',
       o.id, '2012-07-02', '2012-09-30', '2012-09-30', 'not_started',
       'Partner enquiries arrive on the form and are answered within timescale',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/1' AND o.name = 'Head of Children''s Social Care (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '3',
       'Develop more shared workforce development opportunities with partners, from induction onward.',
       o.id, '2012-07-02', '2013-03-31', '2013-03-31', 'not_started',
       'Joint induction and training with partner agencies in place and evaluated',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/1' AND o.name = 'Workforce Development Manager (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Agree the vision and broader strategy for early help and children in need: engage managers across Children''s Services ' ||
       '(27 June) and produce an outline framework (16 July).',
       o.id, '2012-06-27', '2012-07-16', '2012-07-16', 'not_started',
       'Outline framework agreed by managers across Children''s Services',
       '2012-06-27T12:00:00Z', '2012-06-27T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/2' AND o.name = 'Head of Early Intervention (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Publish and communicate the early help strategy and offer to partners.',
       o.id, '2012-07-17', '2012-12-31', '2012-12-31', 'not_started',
       'Partners can describe the early help offer; CAF activity rising',
       '2012-07-17T12:00:00Z', '2012-07-17T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/2.4' AND o.name = 'Head of Early Intervention (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Continue the review of child protection plans.',
       o.id, '2012-06-01', '2013-03-31', '2013-03-31', 'not_started',
       'Fewer children subject to child protection plans, with no rise in repeat plans',
       '2012-06-01T12:00:00Z', '2012-06-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/3' AND o.name = 'Safeguarding and Reviewing Service Manager (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'New simplified and shared format for auditing cases, based on the Ofsted inspectors'' check list; piloting by CSLT mid ' ||
       'July.',
       o.id, '2012-06-27', '2012-07-15', '2012-07-15', 'not_started',
       'Audit tool in use; audit findings reported to the Improvement Board and TSCB',
       '2012-06-27T12:00:00Z', '2012-06-27T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/4' AND o.name = 'Performance and Quality Assurance Manager (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Core business: a performance management approach that links all elements of the personal and organisational performance ' ||
       'cycle, ready for promotion to Children''s Services managers on 27 June.',
       o.id, '2012-06-01', '2012-06-27', '2012-06-27', 'not_started',
       'Every manager''s objectives linked to Children''s Partnership Improvement Plan targets',
       '2012-06-01T12:00:00Z', '2012-06-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/4' AND o.name = 'Director of Children''s Services';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Voluntary sector CPIP lead to take on the work package lead for TSCB promotion and awareness raising.',
       o.id, '2012-07-02', '2012-12-31', '2012-12-31', 'not_started',
       'Fewer "don''t know" answers about the TSCB in the next partner survey',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/6' AND o.name = 'Voluntary Sector CPIP Lead';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Continue the routine of briefings to staff and partners on the improvement plan.',
       o.id, '2012-07-02', '2013-03-31', '2013-03-31', 'not_started',
       'Staff and partners briefed after every Improvement Board meeting',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/7' AND o.name = 'Director of Children''s Services';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Cultural change programme (commissioned): complete the first phase on 17-18 July.',
       o.id, '2012-06-27', '2012-07-18', '2012-07-18', 'not_started',
       'First phase delivered; staff report clearer roles and more confidence to make decisions',
       '2012-06-27T12:00:00Z', '2012-06-27T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/7' AND o.name = 'Workforce Development Manager (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Implement the council-approved recruitment and retention package.',
       o.id, '2012-06-27', '2012-12-31', '2012-12-31', 'not_started',
       'Social worker vacancy and turnover rates fall; less reliance on agency staff',
       '2012-06-27T12:00:00Z', '2012-06-27T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/8' AND o.name = 'Head of Human Resources (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Recruitment of Principal Social Worker.',
       o.id, '2012-06-27', '2012-10-31', '2012-10-31', 'not_started',
       'Principal Social Worker in post and leading practice development',
       '2012-06-27T12:00:00Z', '2012-06-27T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/9' AND o.name = 'Director of Children''s Services';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Commissioning E&D approach (equality and diversity) for social care staff and partners.',
       o.id, '2012-07-02', '2012-12-31', '2012-12-31', 'not_started',
       'Equality and diversity training delivered; identity and disability recorded in assessments',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/improvement-notice/10' AND o.name = 'Workforce Development Manager (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Recruit an independent chair for the Children''s Improvement Board, to ensure ongoing external challenge and support to ' ||
       'the improvement programme during changes to senior leadership.',
       o.id, '2012-06-27', '2012-09-30', '2012-09-30', 'not_started',
       'Independent chair in post',
       '2012-06-27T12:00:00Z', '2012-06-27T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/2.1' AND o.name = 'Chief Executive (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Enhanced relocation package that competes with the best regionally, with hosts to help those needing information about ' ||
       'housing, schools, childcare, local GPs etc.',
       o.id, '2012-07-02', '2012-09-30', '2012-09-30', 'not_started',
       'Social workers recruited from outside the area take up the package',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/A4' AND o.name = 'Head of Human Resources (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Retention payments for staff in key services and a finder''s fee for staff who introduce social workers to the authority.',
       o.id, '2012-07-02', '2012-09-30', '2012-09-30', 'not_started',
       'Turnover in key services falls',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/A4' AND o.name = 'Head of Human Resources (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '3',
       'Introduce a career structure that removes the reliance on market supplements and supports progression (as developed ' ||
       'through CPIP project 1).',
       o.id, '2012-07-02', '2013-03-31', '2013-03-31', 'not_started',
       'Career structure in place; market supplements removed',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/A4' AND o.name = 'Head of Human Resources (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '4',
       'Employ a leading national recruitment agency to head hunt suitable managers and position the authority better through ' ||
       'national advertisements and better branding.',
       o.id, '2012-07-02', '2012-12-31', '2012-12-31', 'not_started',
       'Permanent managers appointed to vacant posts',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/A4' AND o.name = 'Head of Human Resources (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '5',
       'National recruitment fairs, targeted advertisements and a revamp of the recruitment pages including video testimonials ' ||
       'from staff.',
       o.id, '2012-07-02', '2012-10-31', '2012-10-31', 'not_started',
       'Applications per advertised social work post rise',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/A4' AND o.name = 'Head of Human Resources (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Exit interviews for every social worker who leaves, with the reasons analysed and reported to the Improvement Board.',
       o.id, '2012-07-02', '2012-10-31', '2012-10-31', 'not_started',
       'Reasons for leaving understood and acted on',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/F1' AND o.name = 'Head of Human Resources (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Agree a protocol between the TSCB and the Improvement Board on ownership of SCR/IMR actions and learning.',
       o.id, '2012-07-02', '2012-10-31', '2012-10-31', 'not_started',
       'Every SCR/IMR action has one owning board',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/3.2' AND o.name = 'TSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Decide and communicate the level of partner access to PARIS, piloting partnership access from July so professionals can ' ||
       'see whether a child is already known and who the allocated worker is.',
       o.id, '2012-07-02', '2012-10-31', '2012-10-31', 'not_started',
       'Access levels agreed and published to partners',
       '2012-07-02T12:00:00Z', '2012-07-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/4.6' AND o.name = 'PARIS Systems Manager (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Develop the case audit framework so that it demonstrates impact on practice and outcomes.',
       o.id, '2012-07-17', '2013-03-31', '2013-03-31', 'not_started',
       'Audit reports show change in practice and outcomes, not only compliance',
       '2012-07-17T12:00:00Z', '2012-07-17T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/3.4' AND o.name = 'Performance and Quality Assurance Manager (Torbay)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Develop with partners a sustainable strategy to reduce the number of children in the social care system through better ' ||
       'early help.',
       o.id, '2012-09-03', '2013-03-31', '2013-03-31', 'not_started',
       'Fewer children subject to child protection plans and looked after, safely',
       '2012-09-03T12:00:00Z', '2012-09-03T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'torbay/2012-peer/5.5' AND o.name = 'Director of Children''s Services';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Set out the whole early help offer and the route into it, and align the early help hub with the MASH.',
       o.id, '2017-01-09', '2017-03-31', '2017-03-31', 'not_started',
       'Partners can describe the early help offer and how to reach it; more early help assessments started by partners',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/1.1' AND o.name = 'Early Help and Front Door Service Leader (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Introduce a supervision recording template and a monthly audit of supervision frequency and quality in every Pod.',
       o.id, '2017-01-09', '2017-02-28', '2017-02-28', 'not_started',
       'Monthly audit shows supervision on time and recorded to standard in every Pod',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/1.2' AND o.name = 'Principal Social Worker';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Audit a sample of contacts to the Front Door to test whether threshold decisions since the MASH began show ' ||
       'over-intervention.',
       o.id, '2017-01-16', '2017-04-28', '2017-04-28', 'not_started',
       'Audit finds threshold decisions proportionate, or changes are made',
       '2017-01-16T12:00:00Z', '2017-01-16T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/1.3' AND o.name = 'Head of Children''s Social Care (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Deliver multi-agency training on the quality of referral information to the MASH and early help hub.',
       o.id, '2017-01-16', '2017-06-30', '2017-06-30', 'not_started',
       'More MASH referrals hold enough information to decide (monthly Front Door sample)',
       '2017-01-16T12:00:00Z', '2017-01-16T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/1.4' AND o.name = 'LSCB Business Manager (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Add outcome measures for children to the service improvement plan scorecard.',
       o.id, '2017-01-09', '2017-03-31', '2017-03-31', 'not_started',
       'Scorecard reports outcomes for children, not only activity',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/2.1' AND o.name = 'Head of Commissioning – Adults, Children and Health';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Monthly performance clinics in which team managers account for compliance with practice expectations.',
       o.id, '2017-01-09', '2017-03-31', '2017-03-31', 'not_started',
       'Compliance with visiting, supervision and recording standards improves',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/2.2' AND o.name = 'Head of Children''s Social Care (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Relaunch the quality assurance framework and escalation policy with all teams and partners.',
       o.id, '2017-02-01', '2017-06-15', '2017-06-15', 'not_started',
       'Audits follow the framework; escalations logged and resolved',
       '2017-02-01T12:00:00Z', '2017-02-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/2.3' AND o.name = 'Quality Assurance Manager (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Produce a quarterly learning report that draws together performance, audit, reflective supervision and appraisal ' ||
       'findings.',
       o.id, '2017-02-01', '2017-07-20', '2017-07-20', 'not_started',
       'Each report names the practice changes made since the last one',
       '2017-02-01T12:00:00Z', '2017-02-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/2.4' AND o.name = 'Quality Assurance Manager (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Briefings for partner agencies on the transfer of children''s services to Achieving for Children.',
       o.id, '2017-01-09', '2017-03-31', '2017-03-31', 'not_started',
       'Partners report they understand what changes and what does not',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/3.1' AND o.name = 'Managing Director/Strategic Director Adult, Children and Health Services';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Agree partner contributions (staff time and information sharing) to the Front Door.',
       o.id, '2017-01-16', '2017-05-19', '2017-05-19', 'not_started',
       'Written agreement with each partner; partner staff present in the Front Door',
       '2017-01-16T12:00:00Z', '2017-01-16T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/3.2' AND o.name = 'Early Help and Front Door Service Leader (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Refresh the LSCB multi-agency training programme.',
       o.id, '2017-02-01', '2017-09-30', '2017-09-30', 'not_started',
       'Refreshed programme published; evaluations show learning used in practice',
       '2017-02-01T12:00:00Z', '2017-02-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/3.3' AND o.name = 'LSCB Business Manager (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Review the terms of reference and governance of the CSE and Missing operational group within the wider partnership ' ||
       'arrangements.',
       o.id, '2017-01-09', '2017-02-28', '2017-02-28', 'not_started',
       'Group reports to one strategic board; partners attend regularly',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/3.4' AND o.name = 'Head of Children''s Social Care (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Review funding arrangements and capacity of the voluntary sector ahead of future commissioning.',
       o.id, '2017-01-09', '2017-06-30', '2017-06-30', 'not_started',
       NULL,
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/4.1' AND o.name = 'Head of Commissioning – Adults, Children and Health';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Agree the roles, responsibilities and delegations of the operating model for Achieving for Children.',
       o.id, '2017-01-09', '2017-03-31', '2017-03-31', 'not_started',
       'Roles, responsibilities and delegations written down and in force',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/4.2' AND o.name = 'Managing Director/Strategic Director Adult, Children and Health Services';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Put in place contract management and budget monitoring for demand-led services under the new financial arrangements.',
       o.id, '2017-02-01', '2017-07-14', '2017-07-14', 'not_started',
       'Monthly demand-led spend report to the contract board',
       '2017-02-01T12:00:00Z', '2017-02-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/4.3' AND o.name = 'Head of Finance (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Consult children and young people on the transfer to Achieving for Children.',
       o.id, '2017-01-09', '2017-03-17', '2017-03-17', 'not_started',
       'Young people''s views reported and acted on',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/5.1' AND o.name = 'Participation Lead (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Review the role and function of the integrated front door after the transfer to Achieving for Children.',
       o.id, '2017-04-03', '2017-10-31', '2017-10-31', 'not_started',
       'Front door role agreed with partners',
       '2017-04-03T12:00:00Z', '2017-04-03T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/5.2' AND o.name = 'Early Help and Front Door Service Leader (RBWM)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Workforce stability plan: recruitment and retention, caseloads, supervision and management development.',
       o.id, '2017-01-09', '2017-12-31', '2017-12-31', 'not_started',
       'Lower turnover and agency use; caseloads within agreed limits',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'windsor-maidenhead/2016-peer/5.3' AND o.name = 'Managing Director/Strategic Director Adult, Children and Health Services';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Change the LSCB Constitution, sub-groups and Terms of Reference for sub-groups.',
       o.id, '2016-07-01', '2016-09-30', '2016-09-30', 'not_started',
       'Constitution in force; sub-groups meeting to their terms of reference',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Revise the Business Plan, linked to a clear work programme through the LSCB Executive Chairs Group and the Joint LLR ' ||
       'Executive, with progress reports to the strategic Board.',
       o.id, '2016-07-01', '2016-09-30', '2016-09-30', 'not_started',
       'Business Plan agreed; highlight reports to every Board meeting',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '3',
       'Update the Learning and Improvement Framework in line with Working Together 2015, linking SIRG with performance data, ' ||
       'audit and quality assurance from the PAAG.',
       o.id, '2016-07-01', '2016-12-31', '2016-12-31', 'not_started',
       'Framework agreed and operating as one assurance cycle',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '4',
       'Board membership to mirror the seniority of the LCCIB, so that the LSCB can take on responsibilities from the LCCIB.',
       o.id, '2016-07-01', '2016-10-31', '2016-10-31', 'not_started',
       'Senior members from every statutory partner; attendance good',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Independent Chair';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '5',
       'A wider group of Board members to take responsibility for specific work streams from the business plan.',
       o.id, '2016-07-01', '2016-12-31', '2016-12-31', 'not_started',
       'Each work stream led by a named Board member',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Independent Chair';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '6',
       'Manage and coordinate Board administration more effectively, with tracking of actions from Board meetings and sub-groups ' ||
       'and timely progress reports.',
       o.id, '2016-07-01', '2016-10-31', '2016-10-31', 'not_started',
       'Action log up to date; reports issued on time',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '7',
       'An improved Board website.',
       o.id, '2016-07-01', '2017-01-31', '2017-01-31', 'not_started',
       'Website up to date; young people find it usable',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '8',
       'Review the role and job description of the Board Business Team policy officer to reflect new and future Board priorities ' ||
       'and demands.',
       o.id, '2016-07-01', '2016-10-31', '2016-10-31', 'not_started',
       'Role revised and filled',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '9',
       'Recruit a permanent Business Manager.',
       o.id, '2016-07-01', '2016-12-31', '2016-12-31', 'not_started',
       'Permanent Business Manager in post',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Independent Chair';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '10',
       'Commission a Peer Review to assess progress and impact of changes following the Effectiveness Review.',
       o.id, '2016-07-01', '2017-03-31', '2017-03-31', 'not_started',
       'Independent view of progress and impact received by the Board',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2016-effectiveness/1' AND o.name = 'LSCB Independent Chair';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Establish the Performance Analysis and Assurance Group (PAAG) to review a quarterly multi-agency dataset with evaluative ' ||
       'commentary.',
       o.id, '2016-07-01', '2016-12-31', '2016-12-31', 'not_started',
       'Board scrutinises a quarterly dataset and acts on it',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/P1' AND o.name = 'Chair of the Performance Analysis and Assurance Group';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'PAAG to consider agency highlight reports on key safeguarding processes at every meeting, with feedback and escalation ' ||
       'to service managers.',
       o.id, '2016-09-01', '2017-03-31', '2017-03-31', 'not_started',
       'Practice concerns raised at the PAAG reach service managers within a month',
       '2016-09-01T12:00:00Z', '2016-09-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/P2' AND o.name = 'Chair of the Performance Analysis and Assurance Group';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'A summary of themes from partners'' updated Section 11 audits to be considered by the PAAG in May.',
       o.id, '2017-03-01', '2017-05-26', '2017-05-26', 'not_started',
       'Themes reported and agency actions agreed',
       '2017-03-01T12:00:00Z', '2017-03-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/P2' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Relaunch the Multi-Agency Safeguarding Practitioner Forum, with feedback to the Chairs'' Executive Group and to service ' ||
       'managers.',
       o.id, '2016-07-01', '2017-01-31', '2017-01-31', 'not_started',
       'Practitioners'' concerns reach the Board and get answers',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/P3' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Expand the multi-agency audit programme (larger case samples, topics drawn from performance reports) and publish audit ' ||
       'summaries for practitioners.',
       o.id, '2016-07-01', '2017-03-31', '2017-03-31', 'not_started',
       'More audits, each leading to systemic recommendations',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/A2' AND o.name = 'Chair of the Performance Analysis and Assurance Group';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Publish the 2016 Annual Report in line with statutory requirements.',
       o.id, '2016-07-01', '2016-09-30', '2016-09-30', 'not_started',
       'Annual Report compliant with Working Together 2015',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/A4' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Prepare the 2017 Annual Report, reflecting the Board''s understanding of strengths and areas for development.',
       o.id, '2017-04-03', '2017-09-29', '2017-09-29', 'not_started',
       'A rigorous assessment of achievements, weaknesses and their causes',
       '2017-04-03T12:00:00Z', '2017-04-03T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/A4' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'The LSCB to gather its own evidence on the understanding and application of thresholds and the effectiveness of early ' ||
       'help, ready for the transfer of responsibilities from the LCCIB.',
       o.id, '2016-10-03', '2017-03-31', '2017-03-31', 'not_started',
       'Thresholds and early help covered by the LSCB''s own audit and data',
       '2016-10-03T12:00:00Z', '2016-10-03T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/A5' AND o.name = 'Chair of the Performance Analysis and Assurance Group';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Re-align Executive and Operational groups for the LLR CSE strategy, with the LSCBs in a scrutiny and assurance role.',
       o.id, '2016-07-01', '2016-12-31', '2016-12-31', 'not_started',
       'Clear lead responsibilities for CSE across LLR',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/A6' AND o.name = 'CSE Strategic Lead (LLR)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Evaluate the impact of the CSE Hub arrangements against prevention, protection, prosecution and disruption.',
       o.id, '2016-11-01', '2017-04-28', '2017-04-28', 'not_started',
       'Evaluation report to the Board with agreed changes',
       '2016-11-01T12:00:00Z', '2016-11-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted-lscb/A6' AND o.name = 'CSE Strategic Lead (LLR)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Streamline the Business Plan: fewer objectives (especially under Priority 1), a clearer set of outcome measures and ' ||
       'sharper evaluation of impact.',
       o.id, '2017-05-08', '2017-07-27', '2017-07-27', 'not_started',
       'Revised plan agreed by the Board',
       '2017-05-08T12:00:00Z', '2017-05-08T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2017-peer/R1' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Draw on single and multi-agency audit findings when evaluating the impact of learning and development.',
       o.id, '2017-05-08', '2017-09-29', '2017-09-29', 'not_started',
       'Training evaluations cite audit evidence of changed practice',
       '2017-05-08T12:00:00Z', '2017-05-08T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2017-peer/R2' AND o.name = 'LLR Learning and Development Sub-group Chair';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Develop quality matrices for each of the four Business Plan priorities.',
       o.id, '2017-05-08', '2017-09-29', '2017-09-29', 'not_started',
       'One matrix per priority, reported quarterly',
       '2017-05-08T12:00:00Z', '2017-05-08T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2017-peer/R3' AND o.name = 'Chair of the Performance Analysis and Assurance Group';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Prepare a sample of evaluative case studies showing the impact of the Board''s work from the perspective of ' ||
       'practitioners, children and families, and partner agencies.',
       o.id, '2017-05-08', '2017-12-22', '2017-12-22', 'not_started',
       'Case studies presented to the Board',
       '2017-05-08T12:00:00Z', '2017-05-08T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2017-peer/R3' AND o.name = 'LSCB Business Manager';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Agree with the LCCIB a key theme to remit to the LSCB, and a phased plan for the transfer of its responsibilities.',
       o.id, '2017-05-08', '2018-03-30', '2018-03-30', 'not_started',
       'Theme remitted; LSCB reports on it to the LCCIB',
       '2017-05-08T12:00:00Z', '2017-05-08T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2017-peer/R4' AND o.name = 'LSCB Independent Chair';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Set standing quality assurance questions on thresholds, CSE, neglect and domestic abuse.',
       o.id, '2017-05-08', '2017-10-31', '2017-10-31', 'not_started',
       'Questions answered at every PAAG meeting',
       '2017-05-08T12:00:00Z', '2017-05-08T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2017-peer/R5' AND o.name = 'Chair of the Performance Analysis and Assurance Group';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Hold a Children and Young People''s Summit linked to the Board''s safeguarding priorities.',
       o.id, '2017-04-03', '2017-11-30', '2017-11-30', 'not_started',
       'Young people''s priorities reflected in the Business Plan',
       '2017-04-03T12:00:00Z', '2017-04-03T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2017-peer/C3' AND o.name = 'Chair of the Engagement and Participation Group';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Revise and update the Improvement Plan ahead of the re-inspection expected early in the summer of 2017.',
       o.id, '2017-01-09', '2017-03-31', '2017-03-31', 'not_started',
       'Improvement Plan agreed by the LCCIB',
       '2017-01-09T12:00:00Z', '2017-01-09T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'leicester/2015-ofsted/2' AND o.name = 'Director of Children''s Services (Leicester)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Design with partners a bespoke Early Help outcome framework that incorporates the Troubled Families Plan, with a cycle ' ||
       'of audits and monthly and quarterly outcome reports.',
       o.id, '2018-03-12', '2018-06-12', '2018-06-12', 'not_started',
       'Outcome reports show change for families, not only activity',
       '2018-03-12T12:00:00Z', '2018-03-12T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'herefordshire/2018-peer/2' AND o.name = 'Head of Early Help';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Review MASH processes for step down to Early Help and step up to social care.',
       o.id, '2018-03-12', '2018-06-12', '2018-06-12', 'not_started',
       'Step-up and step-down decisions timely and consistent on audit',
       '2018-03-12T12:00:00Z', '2018-03-12T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'herefordshire/2018-peer/3' AND o.name = 'Head of Early Help';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Review children in need work: what CIN is for, policy and practice guidance, timescales, where CIN cases are held, audit ' ||
       'of CIN plans and step downs, and CIN performance information.',
       o.id, '2018-03-12', '2018-09-12', '2018-09-12', 'not_started',
       'Audits of CIN plans show purposeful, timely plans; CIN performance report in place',
       '2018-03-12T12:00:00Z', '2018-03-12T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'herefordshire/2018-peer/5' AND o.name = 'Head of Children''s Social Care (Herefordshire)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Choose a social work practice model and plan its implementation.',
       o.id, '2018-03-12', '2018-09-12', '2018-09-12', 'not_started',
       'Model chosen with staff; implementation plan agreed',
       '2018-03-12T12:00:00Z', '2018-03-12T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'herefordshire/2018-peer/6' AND o.name = 'Principal Social Worker (Herefordshire)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Upgrade the Children''s Social Care client database (Liquid Logic) to the most recent version.',
       o.id, '2015-10-05', '2016-03-31', '2016-03-31', 'not_started',
       'Upgrade live without loss of data',
       '2015-10-05T12:00:00Z', '2015-10-05T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/1' AND o.name = 'Performance Team Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Purchase Business Objects and ClickView and build self-serve performance dashboards for managers from Liquid Logic data.',
       o.id, '2015-10-05', '2016-10-31', '2016-10-31', 'not_started',
       'Managers see performance for their teams in or close to real time',
       '2015-10-05T12:00:00Z', '2015-10-05T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/1' AND o.name = 'Performance Team Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Alternatively qualified worker pilot to keep caseloads for qualified social workers at an average of around 20 or below.',
       o.id, '2015-11-02', '2016-09-30', '2016-09-30', 'not_started',
       'Average caseload for qualified social workers around 20 or below',
       '2015-11-02T12:00:00Z', '2015-11-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/2' AND o.name = 'Service Director for Children and Safeguarding';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Bespoke training and development programme for team managers, and practice workshops on SMART plans, impact, risk and ' ||
       'resilience in assessments, and chronologies.',
       o.id, '2015-11-02', '2016-12-31', '2016-12-31', 'not_started',
       'Audits show consistently good plans, assessments and chronologies',
       '2015-11-02T12:00:00Z', '2015-11-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/2' AND o.name = 'Head of Service for Safeguarding and Quality Assurance';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '3',
       'Fortnightly meetings of all team managers, chaired by the Head of Service for Safeguarding and Quality Assurance, moving ' ||
       'from compliance to peer support.',
       o.id, '2016-09-05', '2016-11-30', '2016-11-30', 'not_started',
       'Team managers use the meetings to solve shared practice problems',
       '2016-09-05T12:00:00Z', '2016-09-05T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/2' AND o.name = 'Head of Service for Safeguarding and Quality Assurance';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '4',
       'Senior management team skills audit, used to design a specialist coaching, mentoring and development programme for team ' ||
       'managers.',
       o.id, '2016-12-01', '2017-01-31', '2017-01-31', 'not_started',
       'Programme designed from the audit',
       '2016-12-01T12:00:00Z', '2016-12-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/2' AND o.name = 'Service Director for Children and Safeguarding';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '5',
       'Deliver the coaching, mentoring and development programme for team managers, with team by team coaching and training, ' ||
       'from April 2017.',
       o.id, '2017-02-01', '2018-03-31', '2018-03-31', 'not_started',
       'Consistent quality of practice in audits across teams',
       '2017-02-01T12:00:00Z', '2017-02-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/2' AND o.name = 'Head of Service for Safeguarding and Quality Assurance';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '6',
       'Reduce reliance on agency social workers, especially in the family support service.',
       o.id, '2015-10-05', '2016-09-30', '2016-09-30', 'not_started',
       'Stable management structure; fewer agency social workers',
       '2015-10-05T12:00:00Z', '2015-10-05T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/2' AND o.name = 'Service Director for Children and Safeguarding';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Multi-agency task and finish group to develop linked neglect strategies for the Safeguarding Children Board and the ' ||
       'Council.',
       o.id, '2015-11-02', '2016-09-30', '2016-09-30', 'not_started',
       'Both strategies launched; partners use the neglect tools',
       '2015-11-02T12:00:00Z', '2015-11-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/3' AND o.name = 'LSCB Business Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Launch new multi-agency guidance on thresholds for accessing services.',
       o.id, '2016-01-04', '2016-09-30', '2016-09-30', 'not_started',
       'Referrals at the right level of need',
       '2016-01-04T12:00:00Z', '2016-01-04T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/3' AND o.name = 'LSCB Business Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '3',
       'Multi-agency unborn baby protocol setting out each key agency''s role where there are significant concerns about an ' ||
       'unborn baby.',
       o.id, '2016-02-01', '2016-12-31', '2016-12-31', 'not_started',
       'Parenting and risk assessments completed before birth',
       '2016-02-01T12:00:00Z', '2016-02-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/3' AND o.name = 'Head of Service for Safeguarding and Quality Assurance';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Elevate the Corporate Parenting Panel to a formal Committee.',
       o.id, '2015-10-05', '2016-06-30', '2016-06-30', 'not_started',
       'Children in care attend and influence the Committee',
       '2015-10-05T12:00:00Z', '2015-10-05T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/4' AND o.name = 'Corporate Director for People and Communities';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Training and development programme through the Local Government Association for Corporate Parenting Committee Members.',
       o.id, '2016-07-01', '2016-12-31', '2016-12-31', 'not_started',
       'Members scrutinise, challenge and support officers',
       '2016-07-01T12:00:00Z', '2016-07-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/4' AND o.name = 'Corporate Director for People and Communities';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '3',
       'Invest in additional capacity to support engagement and participation of children in care through the Children in Care ' ||
       'Council.',
       o.id, '2015-11-02', '2016-12-31', '2016-12-31', 'not_started',
       'More children in care take part regularly in the Children in Care Council',
       '2015-11-02T12:00:00Z', '2015-11-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/4' AND o.name = 'Participation Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '4',
       'Explore links between Peterborough''s Children in Care Council and those in the Eastern Region.',
       o.id, '2017-03-13', '2017-09-29', '2017-09-29', 'not_started',
       'Regular joint activity with other Children in Care Councils',
       '2017-03-13T12:00:00Z', '2017-03-13T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/4' AND o.name = 'Participation Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '5',
       'Partnership with TACT to revitalise participation among children in care.',
       o.id, '2016-11-01', '2017-06-30', '2017-06-30', 'not_started',
       'Participation by children in care increases',
       '2016-11-01T12:00:00Z', '2016-11-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/4' AND o.name = 'Participation Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Review the capacity of the Virtual School to meet need.',
       o.id, '2015-10-05', '2016-03-31', '2016-03-31', 'not_started',
       'Capacity matched to need, including post-16',
       '2015-10-05T12:00:00Z', '2015-10-05T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/5' AND o.name = 'Virtual School Head (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'Introduce electronic Personal Education Plans (e-PEPs).',
       o.id, '2015-11-02', '2016-09-30', '2016-09-30', 'not_started',
       'Education targets and Pupil Premium use monitored for every child in care',
       '2015-11-02T12:00:00Z', '2015-11-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/5' AND o.name = 'Virtual School Head (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '3',
       'A dedicated post-16 coordinator role in the Virtual School by the end of the 2016/17 financial year.',
       o.id, '2016-10-03', '2017-03-31', '2017-03-31', 'not_started',
       'Post-16 young people on the Virtual School roll supported',
       '2016-10-03T12:00:00Z', '2016-10-03T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/5' AND o.name = 'Virtual School Head (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '4',
       'Appoint a fixed-term Education Advisor for primary-aged children in care, funded by Pupil Premium.',
       o.id, '2016-12-01', '2017-02-28', '2017-02-28', 'not_started',
       'Key Stage 1 and 2 progress improves',
       '2016-12-01T12:00:00Z', '2016-12-01T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/5' AND o.name = 'Virtual School Head (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Health passports for care leavers detailing their medical histories.',
       o.id, '2015-11-02', '2016-06-30', '2016-06-30', 'not_started',
       'Every care leaver has a health passport',
       '2015-11-02T12:00:00Z', '2015-11-02T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/6' AND o.name = 'Care Leavers Service Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '2',
       'More care leavers in apprenticeships, working with Peterborough City College.',
       o.id, '2016-01-04', '2017-03-31', '2017-03-31', 'not_started',
       'Rising number of care leavers in apprenticeships',
       '2016-01-04T12:00:00Z', '2016-01-04T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/6' AND o.name = 'Care Leavers Service Manager (Peterborough)';
INSERT OR IGNORE INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
                             measure, created_at, updated_at)
SELECT f.id, '1',
       'Quarterly fact sheets on complaint themes feeding practice workshops and management meetings, and a running register of ' ||
       'practice changes resulting from complaints.',
       o.id, '2015-10-05', '2016-06-30', '2016-06-30', 'not_started',
       'Practice changes recorded for complaints; fewer complaints out of timescale',
       '2015-10-05T12:00:00Z', '2015-10-05T12:00:00Z'
FROM example_plan_finding f, owner o
WHERE f.path = 'peterborough/2015-ofsted/7' AND o.name = 'Complaints and Quality Assurance Manager (Peterborough)';

-- ------------------------------------------------------------------ progress history (append-only)
-- Each update is added once: skipped if the action already has one with the same date and author.

-- torbay/improvement-notice/1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Head of Children''s Social Care (Torbay)',
       'Review of ICS fields on core and initial assessments started with practitioners.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Head of Children''s Social Care (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-31',
       '2012-07-31T12:00:00Z',
       'Head of Children''s Social Care (Torbay)',
       'All unnecessary ICS fields removed from the core and initial assessment templates.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-31' AND u.author = 'Head of Children''s Social Care (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-10-31',
       '2012-10-31T12:00:00Z',
       'Director of Children''s Services',
       'Signed off at the Children''s Services leadership team.',
       'October 2012 case file audit: assessments shorter, with clearer analysis and the child''s view recorded.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-31' AND u.author = 'Director of Children''s Services');
-- torbay/improvement-notice/1/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-16',
       '2012-07-16T12:00:00Z',
       'Head of Children''s Social Care (Torbay)',
       'Pilot started with the Safeguarding Hub and two partner agencies.',
       25,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-16' AND u.author = 'Head of Children''s Social Care (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-09-28',
       '2012-09-28T12:00:00Z',
       'Head of Children''s Social Care (Torbay)',
       'Pilot complete; evaluation reported to the Improvement Board.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-28' AND u.author = 'Head of Children''s Social Care (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status, reason)
SELECT a.id,
       '2012-11-14',
       '2012-11-14T12:00:00Z',
       'Head of Children''s Social Care (Torbay)',
       'Reopened before roll-out.',
       80,
       'complete',
       'in_progress',
       'Partners asked for the form to follow the Threshold Matrix levels before it is used by all agencies.'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-11-14' AND u.author = 'Head of Children''s Social Care (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2013-01-31',
       '2013-01-31T12:00:00Z',
       'Head of Children''s Social Care (Torbay)',
       'Revised form rolled out to all partner agencies.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-01-31' AND u.author = 'Head of Children''s Social Care (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-03-27',
       '2013-03-27T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Safeguarding Hub monitoring, Q4 2012/13: most partner enquiries received on the form.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-03-27' AND u.author = 'Director of Children''s Services');
-- torbay/improvement-notice/1/3
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-09-03',
       '2012-09-03T12:00:00Z',
       'Workforce Development Manager (Torbay)',
       'Joint induction module designed with health and police colleagues.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-03' AND u.author = 'Workforce Development Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2013-01-15',
       '2013-01-15T12:00:00Z',
       'Workforce Development Manager (Torbay)',
       'Two joint induction cohorts delivered.',
       70
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-01-15' AND u.author = 'Workforce Development Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2013-03-28',
       '2013-03-28T12:00:00Z',
       'Workforce Development Manager (Torbay)',
       'Shared induction and training calendar agreed with partners for 2013/14.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-03-28' AND u.author = 'Workforce Development Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-05-22',
       '2013-05-22T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Training evaluations in the TSCB training report 2012/13.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/1/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-05-22' AND u.author = 'Director of Children''s Services');
-- torbay/improvement-notice/2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-06-27',
       '2012-06-27T12:00:00Z',
       'Head of Early Intervention (Torbay)',
       'Engagement of managers across Children''s Services.',
       40,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-06-27' AND u.author = 'Head of Early Intervention (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-16',
       '2012-07-16T12:00:00Z',
       'Head of Early Intervention (Torbay)',
       'Outline framework produced.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-16' AND u.author = 'Head of Early Intervention (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-09-19',
       '2012-09-19T12:00:00Z',
       'Director of Children''s Services',
       'Signed off; full strategy followed under peer review area 2.4.',
       'Outline framework for early help and children in need agreed by the leadership team.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-19' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/2.4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-08-01',
       '2012-08-01T12:00:00Z',
       'Head of Early Intervention (Torbay)',
       'Drafting started from the outline framework.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/2.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-08-01' AND u.author = 'Head of Early Intervention (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2012-12-14',
       '2012-12-14T12:00:00Z',
       'Head of Early Intervention (Torbay)',
       'Draft strategy consulted on with schools, health and the voluntary sector.',
       80
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/2.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-12-14' AND u.author = 'Head of Early Intervention (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2013-02-08',
       '2013-02-08T12:00:00Z',
       'Head of Early Intervention (Torbay)',
       'Early help strategy and offer published and briefed to partners (six weeks late).',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/2.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-02-08' AND u.author = 'Head of Early Intervention (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-04-24',
       '2013-04-24T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'CAF activity report to the Improvement Board, Q4 2012/13.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/2.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-04-24' AND u.author = 'Director of Children''s Services');
-- torbay/improvement-notice/3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-06-01',
       '2012-06-01T12:00:00Z',
       'Safeguarding and Reviewing Service Manager (Torbay)',
       'Review of all plans started.',
       10,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-06-01' AND u.author = 'Safeguarding and Reviewing Service Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2012-07-18',
       '2012-07-18T12:00:00Z',
       'Safeguarding and Reviewing Service Manager (Torbay)',
       'CP plans number reduced since April – now 50 lower.',
       40
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-18' AND u.author = 'Safeguarding and Reviewing Service Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2013-03-28',
       '2013-03-28T12:00:00Z',
       'Safeguarding and Reviewing Service Manager (Torbay)',
       'All plans reviewed; review now part of routine conference chairing.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-03-28' AND u.author = 'Safeguarding and Reviewing Service Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-06-26',
       '2013-06-26T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Monthly child protection plan numbers and repeat-plan rate reported to the TSCB.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-06-26' AND u.author = 'Director of Children''s Services');
-- torbay/improvement-notice/4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-06-27',
       '2012-06-27T12:00:00Z',
       'Performance and Quality Assurance Manager (Torbay)',
       'Format drafted from the Ofsted inspectors'' check list.',
       50,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-06-27' AND u.author = 'Performance and Quality Assurance Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-20',
       '2012-07-20T12:00:00Z',
       'Performance and Quality Assurance Manager (Torbay)',
       'Pilot by the Children''s Services leadership team completed, five days after mid July.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-20' AND u.author = 'Performance and Quality Assurance Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-10-17',
       '2012-10-17T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'First quarterly audit report in the new format to the Improvement Board and TSCB, October 2012.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-17' AND u.author = 'Director of Children''s Services');
-- torbay/improvement-notice/4/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-06-01',
       '2012-06-01T12:00:00Z',
       'Director of Children''s Services',
       'Approach drafted with HR.',
       50,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-06-01' AND u.author = 'Director of Children''s Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-06-27',
       '2012-06-27T12:00:00Z',
       'Director of Children''s Services',
       'Approach promoted to Children''s Services managers.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-06-27' AND u.author = 'Director of Children''s Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-09-26',
       '2012-09-26T12:00:00Z',
       'Independent Chair, Children''s Improvement Board (Torbay)',
       'Signed off by the Improvement Board.',
       'Appraisal objectives for all managers linked to plan targets (HR report, September 2012).',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-26' AND u.author = 'Independent Chair, Children''s Improvement Board (Torbay)');
-- torbay/improvement-notice/6/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Voluntary Sector CPIP Lead',
       'Work package agreed with the TSCB Business Manager.',
       10,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Voluntary Sector CPIP Lead');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2012-10-10',
       '2012-10-10T12:00:00Z',
       'Voluntary Sector CPIP Lead',
       'TSCB newsletter launched; awareness sessions for voluntary and community groups.',
       60
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-10' AND u.author = 'Voluntary Sector CPIP Lead');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-12-19',
       '2012-12-19T12:00:00Z',
       'Voluntary Sector CPIP Lead',
       'Awareness programme delivered.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-12-19' AND u.author = 'Voluntary Sector CPIP Lead');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-07-17',
       '2013-07-17T12:00:00Z',
       'TSCB Business Manager',
       'Signed off by the TSCB.',
       'Attendance at TSCB awareness sessions and newsletter circulation figures.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-07-17' AND u.author = 'TSCB Business Manager');
-- torbay/improvement-notice/7/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Director of Children''s Services',
       'Briefings booked with partners and elected members.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/7/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Director of Children''s Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2013-03-28',
       '2013-03-28T12:00:00Z',
       'Director of Children''s Services',
       'Briefings held after every Improvement Board meeting in 2012/13.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/7/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-03-28' AND u.author = 'Director of Children''s Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-04-24',
       '2013-04-24T12:00:00Z',
       'Independent Chair, Children''s Improvement Board (Torbay)',
       'Signed off.',
       'Briefing schedule and attendance, 2012/13.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/7/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-04-24' AND u.author = 'Independent Chair, Children''s Improvement Board (Torbay)');
-- torbay/improvement-notice/7/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-06-27',
       '2012-06-27T12:00:00Z',
       'Workforce Development Manager (Torbay)',
       'Programme commissioned; first phase scheduled.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/7/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-06-27' AND u.author = 'Workforce Development Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-18',
       '2012-07-18T12:00:00Z',
       'Workforce Development Manager (Torbay)',
       'First phase delivered on 17-18 July.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/7/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-18' AND u.author = 'Workforce Development Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-09-26',
       '2012-09-26T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Participant evaluations of the first phase.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/7/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-26' AND u.author = 'Director of Children''s Services');
-- torbay/improvement-notice/8/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Package approved by the council; implementation started.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/8/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2012-10-31',
       '2012-10-31T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Relocation package, retention payments and finder''s fee in place.',
       60
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/8/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-31' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-12-20',
       '2012-12-20T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'All elements of the package in place.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/8/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-12-20' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-06-26',
       '2013-06-26T12:00:00Z',
       'Independent Chair, Children''s Improvement Board (Torbay)',
       'Signed off.',
       'Vacancy and turnover figures reported to the Improvement Board, June 2013.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/8/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-06-26' AND u.author = 'Independent Chair, Children''s Improvement Board (Torbay)');
-- torbay/improvement-notice/9/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Director of Children''s Services',
       'Post advertised nationally.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/9/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Director of Children''s Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-10-15',
       '2012-10-15T12:00:00Z',
       'Director of Children''s Services',
       'Principal Social Worker appointed.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/9/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-15' AND u.author = 'Director of Children''s Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-12-12',
       '2012-12-12T12:00:00Z',
       'Independent Chair, Children''s Improvement Board (Torbay)',
       'Signed off.',
       'Principal Social Worker leading the practice forum from November 2012.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/9/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-12-12' AND u.author = 'Independent Chair, Children''s Improvement Board (Torbay)');
-- torbay/improvement-notice/10/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-08-01',
       '2012-08-01T12:00:00Z',
       'Workforce Development Manager (Torbay)',
       'Specification agreed with partners.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/10/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-08-01' AND u.author = 'Workforce Development Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2013-01-31',
       '2013-01-31T12:00:00Z',
       'Workforce Development Manager (Torbay)',
       'Provider commissioned; first sessions delivered.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/10/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-01-31' AND u.author = 'Workforce Development Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-04-24',
       '2013-04-24T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Case file audit, March 2013: identity recorded in most assessments.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/improvement-notice/10/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-04-24' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/2.1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-06-27',
       '2012-06-27T12:00:00Z',
       'Chief Executive (Torbay)',
       'Recruitment under way.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/2.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-06-27' AND u.author = 'Chief Executive (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-09-14',
       '2012-09-14T12:00:00Z',
       'Chief Executive (Torbay)',
       'Independent chair appointed.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/2.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-14' AND u.author = 'Chief Executive (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-10-17',
       '2012-10-17T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Independent chair chaired the CIB from September 2012.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/2.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-17' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/A4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Package drafted; hosts identified in each team.',
       40,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-09-28',
       '2012-09-28T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Relocation package live.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-28' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-01-16',
       '2013-01-16T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Take-up of the relocation package by new starters, Q3 2012/13.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-01-16' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/A4/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Scheme rules agreed with unions.',
       40,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-09-28',
       '2012-09-28T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Retention payments and finder''s fee in place.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-28' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-01-16',
       '2013-01-16T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Turnover in key services, Q3 2012/13, reported to the Improvement Board.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-01-16' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/A4/3
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-09-03',
       '2012-09-03T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Draft career structure consulted on.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-03' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2013-01-30',
       '2013-01-30T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Job evaluation of the new grades complete.',
       70
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-01-30' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2013-03-27',
       '2013-03-27T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Career structure in place from 1 April 2013.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-03-27' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-06-26',
       '2013-06-26T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Market supplements removed; progression panel in operation.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-06-26' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/A4/4
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-16',
       '2012-07-16T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Agency appointed.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-16' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-12-14',
       '2012-12-14T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'National campaign run; appointments made to vacant manager posts.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-12-14' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-03-27',
       '2013-03-27T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Permanent appointments to team manager posts, December 2012.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-03-27' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/A4/5
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Recruitment pages redesign started; staff volunteers filmed.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/5'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-10-26',
       '2012-10-26T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'New recruitment pages with video testimonials live.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/5'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-26' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-01-16',
       '2013-01-16T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Applications per post, July-December 2012.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/A4/5'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-01-16' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/F1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'Exit interview form agreed.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/F1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-10-31',
       '2012-10-31T12:00:00Z',
       'Head of Human Resources (Torbay)',
       'First quarterly analysis reported to the Improvement Board.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/F1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-31' AND u.author = 'Head of Human Resources (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-12-12',
       '2012-12-12T12:00:00Z',
       'Independent Chair, Children''s Improvement Board (Torbay)',
       'Signed off.',
       'Quarterly exit interview analysis to the Improvement Board.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/F1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-12-12' AND u.author = 'Independent Chair, Children''s Improvement Board (Torbay)');
-- torbay/2012-peer/3.2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'TSCB Business Manager',
       'Draft protocol prepared.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/3.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'TSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-10-24',
       '2012-10-24T12:00:00Z',
       'TSCB Business Manager',
       'Protocol agreed by both boards.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/3.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-24' AND u.author = 'TSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2012-12-12',
       '2012-12-12T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Protocol agreed by the TSCB and the Improvement Board.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/3.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-12-12' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/4.6/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-02',
       '2012-07-02T12:00:00Z',
       'PARIS Systems Manager (Torbay)',
       'Partnership access pilot started.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/4.6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-02' AND u.author = 'PARIS Systems Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-10-26',
       '2012-10-26T12:00:00Z',
       'PARIS Systems Manager (Torbay)',
       'Access levels agreed by the TSCB.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/4.6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-10-26' AND u.author = 'PARIS Systems Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2013-01-16',
       '2013-01-16T12:00:00Z',
       'Director of Children''s Services',
       'Signed off.',
       'Access levels published to partners, December 2012.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/4.6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-01-16' AND u.author = 'Director of Children''s Services');
-- torbay/2012-peer/3.4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-07-17',
       '2012-07-17T12:00:00Z',
       'Performance and Quality Assurance Manager (Torbay)',
       'Impact questions added to the audit tool.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/3.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-07-17' AND u.author = 'Performance and Quality Assurance Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2012-12-12',
       '2012-12-12T12:00:00Z',
       'Performance and Quality Assurance Manager (Torbay)',
       'Re-audit of cases three months after first audit being tested.',
       50
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/3.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-12-12' AND u.author = 'Performance and Quality Assurance Manager (Torbay)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, old_status, new_status, transferred_to)
SELECT a.id,
       '2013-04-17',
       '2013-04-17T12:00:00Z',
       'Performance and Quality Assurance Manager (Torbay)',
       'Outstanding work on impact measures moved to the TSCB quality assurance sub-group.',
       'in_progress',
       'transferred',
       'TSCB Business Plan 2013/14'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/3.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-04-17' AND u.author = 'Performance and Quality Assurance Manager (Torbay)');
-- torbay/2012-peer/5.5/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2012-09-03',
       '2012-09-03T12:00:00Z',
       'Director of Children''s Services',
       'Demand analysis started with health and the police.',
       10,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/5.5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2012-09-03' AND u.author = 'Director of Children''s Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_due_on, new_due_on, reason)
SELECT a.id,
       '2013-03-20',
       '2013-03-20T12:00:00Z',
       'Director of Children''s Services',
       'Due date revised.',
       25,
       '2013-03-31',
       '2013-09-30',
       'Strategy to be aligned with the new early help strategy and the 2013/14 budget.'
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/5.5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-03-20' AND u.author = 'Director of Children''s Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2013-10-16',
       '2013-10-16T12:00:00Z',
       'Director of Children''s Services',
       'Draft strategy discussed at the Improvement Board; partners asked for more work on the costs of care.',
       40
FROM example_plan_action a WHERE a.path = 'torbay/2012-peer/5.5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2013-10-16' AND u.author = 'Director of Children''s Services');
-- windsor-maidenhead/2016-peer/1.1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-31',
       '2017-01-31T12:00:00Z',
       'Early Help and Front Door Service Leader (RBWM)',
       'Mapping of the current early help offer across council, schools and voluntary sector.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-31' AND u.author = 'Early Help and Front Door Service Leader (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_due_on, new_due_on, reason)
SELECT a.id,
       '2017-03-24',
       '2017-03-24T12:00:00Z',
       'Early Help and Front Door Service Leader (RBWM)',
       'Due date revised.',
       35,
       '2017-03-31',
       '2017-09-30',
       'Early help hub redesign folded into the Achieving for Children business plan from 1 April 2017.'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-24' AND u.author = 'Early Help and Front Door Service Leader (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-21',
       '2017-06-21T12:00:00Z',
       'Early Help and Front Door Service Leader (RBWM)',
       'Draft early help offer shared with partners for comment.',
       60
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-21' AND u.author = 'Early Help and Front Door Service Leader (RBWM)');
-- windsor-maidenhead/2016-peer/1.2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-16',
       '2017-01-16T12:00:00Z',
       'Principal Social Worker',
       'Template drafted with Pod managers.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-16' AND u.author = 'Principal Social Worker');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_due_on, new_due_on, reason)
SELECT a.id,
       '2017-02-20',
       '2017-02-20T12:00:00Z',
       'Principal Social Worker',
       'Due date revised.',
       40,
       '2017-02-28',
       '2017-03-31',
       'Template redrafted after consultation with Pod managers.'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-20' AND u.author = 'Principal Social Worker');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-05-10',
       '2017-05-10T12:00:00Z',
       'Principal Social Worker',
       'Template in use in four Pods; audit shows frequency improving but recording still variable.',
       70
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-05-10' AND u.author = 'Principal Social Worker');
-- windsor-maidenhead/2016-peer/1.3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-02-01',
       '2017-02-01T12:00:00Z',
       'Head of Children''s Social Care (RBWM)',
       'Audit sample drawn with MASH partners.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-01' AND u.author = 'Head of Children''s Social Care (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'Head of Children''s Social Care (RBWM)',
       'Audit complete; threshold guidance for the Front Door updated.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'Head of Children''s Social Care (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-06-05',
       '2017-06-05T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Signed off.',
       'Front Door threshold audit report, April 2017, and the updated guidance.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-05' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
-- windsor-maidenhead/2016-peer/1.4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-02-06',
       '2017-02-06T12:00:00Z',
       'LSCB Business Manager (RBWM)',
       'Course designed with the MASH team.',
       15,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-06' AND u.author = 'LSCB Business Manager (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-04-10',
       '2017-04-10T12:00:00Z',
       'LSCB Business Manager (RBWM)',
       'Two sessions delivered.',
       50
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-10' AND u.author = 'LSCB Business Manager (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-12',
       '2017-06-12T12:00:00Z',
       'LSCB Business Manager (RBWM)',
       'Four of five sessions delivered; the last is booked for July.',
       80
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/1.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-12' AND u.author = 'LSCB Business Manager (RBWM)');
-- windsor-maidenhead/2016-peer/2.1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-09',
       '2017-01-09T12:00:00Z',
       'Head of Commissioning – Adults, Children and Health',
       'Draft measures discussed with heads of service.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-09' AND u.author = 'Head of Commissioning – Adults, Children and Health');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-20',
       '2017-03-20T12:00:00Z',
       'Head of Commissioning – Adults, Children and Health',
       'Outcome measures added to the plan presented to Cabinet in March 2017.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-20' AND u.author = 'Head of Commissioning – Adults, Children and Health');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-25',
       '2017-04-25T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Signed off.',
       'Improvement plan scorecard, March 2017.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-25' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
-- windsor-maidenhead/2016-peer/2.2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-23',
       '2017-01-23T12:00:00Z',
       'Head of Children''s Social Care (RBWM)',
       'First clinic held.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-23' AND u.author = 'Head of Children''s Social Care (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-29',
       '2017-03-29T12:00:00Z',
       'Head of Children''s Social Care (RBWM)',
       'Clinics running monthly for all teams.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-29' AND u.author = 'Head of Children''s Social Care (RBWM)');
-- windsor-maidenhead/2016-peer/2.3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-02-13',
       '2017-02-13T12:00:00Z',
       'Quality Assurance Manager (RBWM)',
       'Framework revised.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-13' AND u.author = 'Quality Assurance Manager (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-04-18',
       '2017-04-18T12:00:00Z',
       'Quality Assurance Manager (RBWM)',
       'Escalation policy agreed by the LSCB.',
       50
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-18' AND u.author = 'Quality Assurance Manager (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-02',
       '2017-06-02T12:00:00Z',
       'Quality Assurance Manager (RBWM)',
       'Relaunch sessions for teams delayed by the move to Achieving for Children.',
       75
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-02' AND u.author = 'Quality Assurance Manager (RBWM)');
-- windsor-maidenhead/2016-peer/2.4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-01',
       '2017-03-01T12:00:00Z',
       'Quality Assurance Manager (RBWM)',
       'Report structure agreed.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-01' AND u.author = 'Quality Assurance Manager (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, old_owner_id, new_owner_id, reason)
SELECT a.id,
       '2017-04-03',
       '2017-04-03T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Owner changed.',
       (SELECT id FROM owner WHERE name = 'Quality Assurance Manager (RBWM)'),
       (SELECT id FROM owner WHERE name = 'Principal Social Worker'),
       'Learning loop led by the Principal Social Worker in the Achieving for Children structure from 1 April 2017.'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-03' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-26',
       '2017-06-26T12:00:00Z',
       'Principal Social Worker',
       'First report drafted from Q4 2016/17 audits and supervision records.',
       60
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/2.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-26' AND u.author = 'Principal Social Worker');
-- windsor-maidenhead/2016-peer/3.1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-09',
       '2017-01-09T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Briefing programme agreed with the LSCB.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-09' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-31',
       '2017-03-31T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Briefings held with health, police, schools and the voluntary sector.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-31' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-05-15',
       '2017-05-15T12:00:00Z',
       'Head of Commissioning – Adults, Children and Health',
       'Signed off.',
       'Partner feedback at the April 2017 LSCB meeting.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-05-15' AND u.author = 'Head of Commissioning – Adults, Children and Health');
-- windsor-maidenhead/2016-peer/3.2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-02-01',
       '2017-02-01T12:00:00Z',
       'Early Help and Front Door Service Leader (RBWM)',
       'Proposals sent to partners.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-01' AND u.author = 'Early Help and Front Door Service Leader (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-04-20',
       '2017-04-20T12:00:00Z',
       'Early Help and Front Door Service Leader (RBWM)',
       'Police and health contributions agreed.',
       50
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-20' AND u.author = 'Early Help and Front Door Service Leader (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-14',
       '2017-06-14T12:00:00Z',
       'Early Help and Front Door Service Leader (RBWM)',
       'Schools and voluntary sector contributions still under discussion.',
       65
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-14' AND u.author = 'Early Help and Front Door Service Leader (RBWM)');
-- windsor-maidenhead/2016-peer/3.3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-02-20',
       '2017-02-20T12:00:00Z',
       'LSCB Business Manager (RBWM)',
       'Training needs analysis with partners.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-20' AND u.author = 'LSCB Business Manager (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-28',
       '2017-06-28T12:00:00Z',
       'LSCB Business Manager (RBWM)',
       'New programme drafted; SCR learning modules updated.',
       55
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-28' AND u.author = 'LSCB Business Manager (RBWM)');
-- windsor-maidenhead/2016-peer/3.4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-25',
       '2017-01-25T12:00:00Z',
       'Head of Children''s Social Care (RBWM)',
       'Review started with the police.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-25' AND u.author = 'Head of Children''s Social Care (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-03-15',
       '2017-03-15T12:00:00Z',
       'Head of Children''s Social Care (RBWM)',
       'Draft terms of reference circulated; governance across the wider partnership not yet agreed.',
       30
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/3.4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-15' AND u.author = 'Head of Children''s Social Care (RBWM)');
-- windsor-maidenhead/2016-peer/4.1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-02-01',
       '2017-02-01T12:00:00Z',
       'Head of Commissioning – Adults, Children and Health',
       'Scoping started.',
       10,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/4.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-01' AND u.author = 'Head of Commissioning – Adults, Children and Health');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, old_status, new_status, reason)
SELECT a.id,
       '2017-04-12',
       '2017-04-12T12:00:00Z',
       'Head of Commissioning – Adults, Children and Health',
       'Withdrawn.',
       'in_progress',
       'withdrawn',
       'Superseded: voluntary sector funding and capacity are covered by the Achieving for Children commissioning plan from 1 ' ||
       'April 2017.'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/4.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-12' AND u.author = 'Head of Commissioning – Adults, Children and Health');
-- windsor-maidenhead/2016-peer/4.2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-09',
       '2017-01-09T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Draft scheme of delegation prepared.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/4.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-09' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-28',
       '2017-03-28T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Roles, responsibilities and delegations agreed.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/4.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-28' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-10',
       '2017-04-10T12:00:00Z',
       'Head of Commissioning – Adults, Children and Health',
       'Signed off.',
       'Scheme of delegation in force from 1 April 2017.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/4.2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-10' AND u.author = 'Head of Commissioning – Adults, Children and Health');
-- windsor-maidenhead/2016-peer/4.3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-01',
       '2017-03-01T12:00:00Z',
       'Head of Finance (RBWM)',
       'Demand-led budgets identified.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/4.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-01' AND u.author = 'Head of Finance (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-19',
       '2017-06-19T12:00:00Z',
       'Head of Finance (RBWM)',
       'First monthly report produced; forecasting method to be agreed.',
       70
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/4.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-19' AND u.author = 'Head of Finance (RBWM)');
-- windsor-maidenhead/2016-peer/5.1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-16',
       '2017-01-16T12:00:00Z',
       'Participation Lead (RBWM)',
       'Sessions with the Children in Care Council and youth groups.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/5.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-16' AND u.author = 'Participation Lead (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-10',
       '2017-03-10T12:00:00Z',
       'Participation Lead (RBWM)',
       'Consultation complete; summary reported.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/5.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-10' AND u.author = 'Participation Lead (RBWM)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-25',
       '2017-04-25T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Signed off.',
       'Consultation summary; young people''s priorities reflected in the Achieving for Children business plan.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/5.1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-25' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
-- windsor-maidenhead/2016-peer/5.3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-09',
       '2017-01-09T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Plan agreed as part of the service improvement plan.',
       15,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/5.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-09' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-28',
       '2017-06-28T12:00:00Z',
       'Managing Director/Strategic Director Adult, Children and Health Services',
       'Recruitment campaign under Achieving for Children; caseload monitoring monthly.',
       45
FROM example_plan_action a WHERE a.path = 'windsor-maidenhead/2016-peer/5.3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-28' AND u.author = 'Managing Director/Strategic Director Adult, Children and Health Services');
-- leicester/2016-effectiveness/1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-01',
       '2016-07-01T12:00:00Z',
       'LSCB Business Manager',
       'Draft constitution prepared with the Independent Chair.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-01' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-08-22',
       '2016-08-22T12:00:00Z',
       'LSCB Business Manager',
       'Constitution version 5.0 approved by the Board.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-08-22' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2016-10-12',
       '2016-10-12T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'LSCB Constitution 2016, version 5.0 (22 August 2016).',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-10-12' AND u.author = 'LSCB Independent Chair');
-- leicester/2016-effectiveness/1/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-04',
       '2016-07-04T12:00:00Z',
       'LSCB Business Manager',
       'Business Plan drafted around four priorities.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-04' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-28',
       '2016-09-28T12:00:00Z',
       'LSCB Business Manager',
       'Business Plan September 2016 - March 2018 approved.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-28' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off after the peer review.',
       'Peer review, April 2017, para 21: a clear, outcome-focused, child-centred vision in the new Business Plan.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2016-effectiveness/1/3
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-11',
       '2016-07-11T12:00:00Z',
       'LSCB Business Manager',
       'Redrafting started with the LLR partners.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-11' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_due_on, new_due_on, reason)
SELECT a.id,
       '2016-12-07',
       '2016-12-07T12:00:00Z',
       'LSCB Business Manager',
       'Due date revised.',
       60,
       '2016-12-31',
       '2017-03-31',
       'The framework is single across LLR and needs the agreement of the Leicestershire and Rutland LSCB.'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-07' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-29',
       '2017-03-29T12:00:00Z',
       'LSCB Business Manager',
       'LLR Learning and Improvement Framework agreed.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-29' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'Peer review, April 2017, paras 27 and 37.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2016-effectiveness/1/4
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-01',
       '2016-07-01T12:00:00Z',
       'LSCB Independent Chair',
       'Partners asked to nominate senior members.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-01' AND u.author = 'LSCB Independent Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-10-19',
       '2016-10-19T12:00:00Z',
       'LSCB Independent Chair',
       'Membership changes in place.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-10-19' AND u.author = 'LSCB Independent Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'Chief Executive (Leicester)',
       'Signed off.',
       'Peer review, April 2017, para 24: attendance by partner agencies is now good.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'Chief Executive (Leicester)');
-- leicester/2016-effectiveness/1/5
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-07',
       '2016-09-07T12:00:00Z',
       'LSCB Independent Chair',
       'Work stream leads proposed.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/5'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-07' AND u.author = 'LSCB Independent Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-25',
       '2017-01-25T12:00:00Z',
       'LSCB Independent Chair',
       'Every work stream has a Board member lead.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/5'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-25' AND u.author = 'LSCB Independent Chair');
-- leicester/2016-effectiveness/1/6
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-01',
       '2016-07-01T12:00:00Z',
       'LSCB Business Manager',
       'Action log and highlight report template introduced.',
       40,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/6'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-01' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-10-26',
       '2016-10-26T12:00:00Z',
       'LSCB Business Manager',
       'Tracking in place for the Board and all sub-groups.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/6'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-10-26' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'Peer review, April 2017, para 25: good tracking and follow-up from meetings.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/6'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2016-effectiveness/1/7
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-05',
       '2016-09-05T12:00:00Z',
       'LSCB Business Manager',
       'Redesign commissioned.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/7'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-05' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-02-15',
       '2017-02-15T12:00:00Z',
       'LSCB Business Manager',
       'New website live after a critique by Young Advisers.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/7'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-15' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'Young Advisers'' critique of the new Board website.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/7'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2016-effectiveness/1/8
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-12',
       '2016-09-12T12:00:00Z',
       'LSCB Business Manager',
       'Review of the role started.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/8'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-12' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2016-11-14',
       '2016-11-14T12:00:00Z',
       'LSCB Business Manager',
       'Draft job description prepared; awaiting job evaluation.',
       40
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/8'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-11-14' AND u.author = 'LSCB Business Manager');
-- leicester/2016-effectiveness/1/9
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-18',
       '2016-07-18T12:00:00Z',
       'LSCB Independent Chair',
       'Post advertised.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/9'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-18' AND u.author = 'LSCB Independent Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-12-05',
       '2016-12-05T12:00:00Z',
       'LSCB Independent Chair',
       'Permanent Business Manager appointed.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/9'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-05' AND u.author = 'LSCB Independent Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-01-11',
       '2017-01-11T12:00:00Z',
       'Chief Executive (Leicester)',
       'Signed off.',
       'Appointment confirmed.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/9'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-11' AND u.author = 'Chief Executive (Leicester)');
-- leicester/2016-effectiveness/1/10
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-09',
       '2017-01-09T12:00:00Z',
       'LSCB Independent Chair',
       'Peer reviewer appointed.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/10'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-09' AND u.author = 'LSCB Independent Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-04-28',
       '2017-04-28T12:00:00Z',
       'LSCB Independent Chair',
       'Final report received, April 2017.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/10'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-28' AND u.author = 'LSCB Independent Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-05-24',
       '2017-05-24T12:00:00Z',
       'Chief Executive (Leicester)',
       'Signed off.',
       'Peer Review of Leicester Safeguarding Children Board, final report, April 2017.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2016-effectiveness/1/10'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-05-24' AND u.author = 'Chief Executive (Leicester)');
-- leicester/2015-ofsted-lscb/P1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-20',
       '2016-07-20T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'PAAG terms of reference agreed; dataset drafted.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-20' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-12-14',
       '2016-12-14T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Quarterly dataset and performance report in place.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-14' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'Peer review, April 2017, para 32: the PAAG reviews a quarterly multi-agency dataset with increasingly evaluative ' ||
       'commentaries.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2015-ofsted-lscb/P2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-14',
       '2016-09-14T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Highlight report template agreed with agencies.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-14' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-15',
       '2017-03-15T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Highlight reports received from every agency.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-15' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
-- leicester/2015-ofsted-lscb/P2/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-06',
       '2017-03-06T12:00:00Z',
       'LSCB Business Manager',
       'Updated Section 11 audits received from partner agencies.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P2/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-06' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-09',
       '2017-06-09T12:00:00Z',
       'LSCB Business Manager',
       'Summary drafted; PAAG consideration moved to the July meeting.',
       70
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P2/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-09' AND u.author = 'LSCB Business Manager');
-- leicester/2015-ofsted-lscb/P3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-13',
       '2016-07-13T12:00:00Z',
       'LSCB Business Manager',
       'Forum relaunched.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-13' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-24',
       '2017-01-24T12:00:00Z',
       'LSCB Business Manager',
       'Forum meeting regularly with feedback to the Chairs'' Executive Group.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-24' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'Peer review, April 2017, para 46.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/P3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2015-ofsted-lscb/A2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-20',
       '2016-07-20T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Audit programme for 2016/17 agreed.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-20' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-22',
       '2017-03-22T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Programme delivered; summaries published.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-22' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'Peer review, April 2017, para 34.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2015-ofsted-lscb/A4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-01',
       '2016-07-01T12:00:00Z',
       'LSCB Business Manager',
       'Drafting started.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-01' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-27',
       '2016-09-27T12:00:00Z',
       'LSCB Business Manager',
       'Annual Report 2016 published.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-27' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'Peer review, April 2017, para 28: the 2016 Annual Report is compliant.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2015-ofsted-lscb/A4/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-05-02',
       '2017-05-02T12:00:00Z',
       'LSCB Business Manager',
       'Contributions requested from partners.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-05-02' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-20',
       '2017-06-20T12:00:00Z',
       'LSCB Business Manager',
       'First draft of the performance section.',
       35
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-20' AND u.author = 'LSCB Business Manager');
-- leicester/2015-ofsted-lscb/A5/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-10-03',
       '2016-10-03T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Threshold questions added to the multi-agency audit plan.',
       10,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-10-03' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_due_on, new_due_on, reason)
SELECT a.id,
       '2017-03-22',
       '2017-03-22T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Due date revised.',
       25,
       '2017-03-31',
       '2017-10-31',
       'Thresholds and early help stay with the Improvement Board (LCCIB) until responsibilities transfer.'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-22' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-21',
       '2017-06-21T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Threshold audit agreed for September.',
       40
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-21' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
-- leicester/2015-ofsted-lscb/A6/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-20',
       '2016-07-20T12:00:00Z',
       'CSE Strategic Lead (LLR)',
       'Proposals to the Joint Executive.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-20' AND u.author = 'CSE Strategic Lead (LLR)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-12-07',
       '2016-12-07T12:00:00Z',
       'CSE Strategic Lead (LLR)',
       'Executive and Operational Groups in place.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-07' AND u.author = 'CSE Strategic Lead (LLR)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-26',
       '2017-04-26T12:00:00Z',
       'LSCB Independent Chair',
       'Signed off.',
       'Peer review, April 2017, paras 22 and 31.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-26' AND u.author = 'LSCB Independent Chair');
-- leicester/2015-ofsted-lscb/A6/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-11-15',
       '2016-11-15T12:00:00Z',
       'CSE Strategic Lead (LLR)',
       'Evaluation framework agreed.',
       15,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A6/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-11-15' AND u.author = 'CSE Strategic Lead (LLR)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-02-20',
       '2017-02-20T12:00:00Z',
       'CSE Strategic Lead (LLR)',
       'Hub data for the first two quarters collected.',
       40
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A6/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-20' AND u.author = 'CSE Strategic Lead (LLR)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-05-22',
       '2017-05-22T12:00:00Z',
       'CSE Strategic Lead (LLR)',
       'Case sample still awaited from two agencies.',
       60
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted-lscb/A6/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-05-22' AND u.author = 'CSE Strategic Lead (LLR)');
-- leicester/2017-peer/R1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-05-08',
       '2017-05-08T12:00:00Z',
       'LSCB Business Manager',
       'Objectives reviewed with sub-group chairs.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/R1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-05-08' AND u.author = 'LSCB Business Manager');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-23',
       '2017-06-23T12:00:00Z',
       'LSCB Business Manager',
       'Draft revised plan to the Chairs'' Executive Group.',
       65
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/R1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-23' AND u.author = 'LSCB Business Manager');
-- leicester/2017-peer/R2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-05-17',
       '2017-05-17T12:00:00Z',
       'LLR Learning and Development Sub-group Chair',
       'Audit findings mapped to courses.',
       15,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/R2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-05-17' AND u.author = 'LLR Learning and Development Sub-group Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-15',
       '2017-06-15T12:00:00Z',
       'LLR Learning and Development Sub-group Chair',
       'Method agreed with the PAAG.',
       30
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/R2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-15' AND u.author = 'LLR Learning and Development Sub-group Chair');
-- leicester/2017-peer/R3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-05-24',
       '2017-05-24T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Indicators drawn from the Board dataset.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/R3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-05-24' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-06-28',
       '2017-06-28T12:00:00Z',
       'Chair of the Performance Analysis and Assurance Group',
       'Draft matrices for priorities 1 and 2.',
       45
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/R3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-28' AND u.author = 'Chair of the Performance Analysis and Assurance Group');
-- leicester/2017-peer/R4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-06-07',
       '2017-06-07T12:00:00Z',
       'LSCB Independent Chair',
       'First discussion with the LCCIB chair; thresholds and early help proposed.',
       10,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/R4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-07' AND u.author = 'LSCB Independent Chair');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, rag_override, reason)
SELECT a.id,
       '2017-06-21',
       '2017-06-21T12:00:00Z',
       'Chief Executive (Leicester)',
       'RAG set to amber at the Chief Executive''s review.',
       'amber',
       'the LCCIB has not yet decided which theme to remit, so the transfer plan cannot be fixed'
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/R4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-06-21' AND u.author = 'Chief Executive (Leicester)');
-- leicester/2017-peer/C3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-04-19',
       '2017-04-19T12:00:00Z',
       'Chair of the Engagement and Participation Group',
       'Young Advisers commissioned to plan the summit.',
       10,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2017-peer/C3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-19' AND u.author = 'Chair of the Engagement and Participation Group');
-- leicester/2015-ofsted/2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-09',
       '2017-01-09T12:00:00Z',
       'Director of Children''s Services (Leicester)',
       'Review of the plan after the January 2017 monitoring visit.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-09' AND u.author = 'Director of Children''s Services (Leicester)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-24',
       '2017-03-24T12:00:00Z',
       'Director of Children''s Services (Leicester)',
       'Revised Improvement Plan agreed.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-24' AND u.author = 'Director of Children''s Services (Leicester)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-04-19',
       '2017-04-19T12:00:00Z',
       'Independent Chair, Leicester City Children''s Improvement Board',
       'Signed off.',
       'Revised Improvement Plan approved by the LCCIB.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'leicester/2015-ofsted/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-19' AND u.author = 'Independent Chair, Leicester City Children''s Improvement Board');
-- peterborough/2015-ofsted/1/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-10-05',
       '2015-10-05T12:00:00Z',
       'Performance Team Manager (Peterborough)',
       'Upgrade planned with the supplier.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-10-05' AND u.author = 'Performance Team Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-03-24',
       '2016-03-24T12:00:00Z',
       'Performance Team Manager (Peterborough)',
       'Liquid Logic upgraded.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-03-24' AND u.author = 'Performance Team Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2016-05-16',
       '2016-05-16T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Upgrade live; data checks passed.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/1/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-05-16' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/1/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-01-11',
       '2016-01-11T12:00:00Z',
       'Performance Team Manager (Peterborough)',
       'Business Objects and ClickView purchased.',
       15,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-01-11' AND u.author = 'Performance Team Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2016-07-18',
       '2016-07-18T12:00:00Z',
       'Performance Team Manager (Peterborough)',
       'First dashboard in testing.',
       40
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-18' AND u.author = 'Performance Team Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_due_on, new_due_on, reason)
SELECT a.id,
       '2016-11-21',
       '2016-11-21T12:00:00Z',
       'Performance Team Manager (Peterborough)',
       'Due date revised.',
       50,
       '2016-10-31',
       '2017-01-31',
       'Very complex interrelated issues; the Performance Team now expects the dashboards in December 2016/January 2017.'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-11-21' AND u.author = 'Performance Team Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Performance Team Manager (Peterborough)',
       'Not all data is yet self-serve; some is still a day, week or month in arrears.',
       60
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Performance Team Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, old_status, new_status, transferred_to)
SELECT a.id,
       '2017-03-31',
       '2017-03-31T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Action plan closed at the end of 2016/17; outstanding work transferred.',
       'in_progress',
       'transferred',
       'Children''s Services service plan 2017/18'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/1/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-31' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/2/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-11-02',
       '2015-11-02T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Pilot started in the family support service.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-11-02' AND u.author = 'Service Director for Children and Safeguarding');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-26',
       '2016-09-26T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Pilot complete and made permanent.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-26' AND u.author = 'Service Director for Children and Safeguarding');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Corporate Director for People and Communities',
       'Signed off.',
       'Caseloads for qualified social workers average around 20 or just below, lower than at the inspection (report to ' ||
       'scrutiny, 13 March 2017, para 4.12).',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Corporate Director for People and Communities');
-- peterborough/2015-ofsted/2/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-11-16',
       '2015-11-16T12:00:00Z',
       'Head of Service for Safeguarding and Quality Assurance',
       'Programme commissioned.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-11-16' AND u.author = 'Head of Service for Safeguarding and Quality Assurance');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2016-06-13',
       '2016-06-13T12:00:00Z',
       'Head of Service for Safeguarding and Quality Assurance',
       'Workshops on SMART plans and chronologies delivered to all teams.',
       60
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-06-13' AND u.author = 'Head of Service for Safeguarding and Quality Assurance');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-12-16',
       '2016-12-16T12:00:00Z',
       'Head of Service for Safeguarding and Quality Assurance',
       'Programme delivered.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-16' AND u.author = 'Head of Service for Safeguarding and Quality Assurance');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Not signed off: overall quality of practice remains too inconsistent.'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/2/3
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-05',
       '2016-09-05T12:00:00Z',
       'Head of Service for Safeguarding and Quality Assurance',
       'First meeting held.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-05' AND u.author = 'Head of Service for Safeguarding and Quality Assurance');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-11-28',
       '2016-11-28T12:00:00Z',
       'Head of Service for Safeguarding and Quality Assurance',
       'Meetings established fortnightly.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-11-28' AND u.author = 'Head of Service for Safeguarding and Quality Assurance');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Meeting notes show shared practice issues raised and followed up.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/2/4
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-12-01',
       '2016-12-01T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Audit tool agreed.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-01' AND u.author = 'Service Director for Children and Safeguarding');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-01-27',
       '2017-01-27T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Skills audit completed in January 2017.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-27' AND u.author = 'Service Director for Children and Safeguarding');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Corporate Director for People and Communities',
       'Signed off.',
       'Coaching and development programme specification, February 2017.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Corporate Director for People and Communities');
-- peterborough/2015-ofsted/2/5
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, old_status, new_status, transferred_to)
SELECT a.id,
       '2017-03-31',
       '2017-03-31T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Action plan closed; programme starts under the service plan.',
       'not_started',
       'transferred',
       'Children''s Services service plan 2017/18'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/5'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-31' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/2/6
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-10-05',
       '2015-10-05T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Recruitment drive for permanent social workers.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/6'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-10-05' AND u.author = 'Service Director for Children and Safeguarding');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-28',
       '2016-09-28T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Agency numbers reduced.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/6'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-28' AND u.author = 'Service Director for Children and Safeguarding');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Corporate Director for People and Communities',
       'Signed off.',
       'Management structure stable and reliance on agency social workers reduced since the inspection (report to scrutiny, 13 ' ||
       'March 2017).',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/2/6'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Corporate Director for People and Communities');
-- peterborough/2015-ofsted/3/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-01-18',
       '2016-01-18T12:00:00Z',
       'LSCB Business Manager (Peterborough)',
       'Task and finish group set up.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-01-18' AND u.author = 'LSCB Business Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2016-06-20',
       '2016-06-20T12:00:00Z',
       'LSCB Business Manager (Peterborough)',
       'Two-part approach agreed with the Council.',
       60
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-06-20' AND u.author = 'LSCB Business Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-10-17',
       '2016-10-17T12:00:00Z',
       'LSCB Business Manager (Peterborough)',
       'Neglect strategies launched in autumn 2016.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-10-17' AND u.author = 'LSCB Business Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-01-16',
       '2017-01-16T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Launched strategies and their multi-agency impact measures.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-16' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/3/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-01-04',
       '2016-01-04T12:00:00Z',
       'LSCB Business Manager (Peterborough)',
       'Drafting with partners.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-01-04' AND u.author = 'LSCB Business Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-26',
       '2016-09-26T12:00:00Z',
       'LSCB Business Manager (Peterborough)',
       'Thresholds guidance launched in September 2016.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-26' AND u.author = 'LSCB Business Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-01-16',
       '2017-01-16T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Thresholds guidance, September 2016.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-16' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/3/3
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-02-01',
       '2016-02-01T12:00:00Z',
       'Head of Service for Safeguarding and Quality Assurance',
       'Protocol drafted with midwifery and health visiting.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-02-01' AND u.author = 'Head of Service for Safeguarding and Quality Assurance');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-11-21',
       '2016-11-21T12:00:00Z',
       'Head of Service for Safeguarding and Quality Assurance',
       'Protocol agreed.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-11-21' AND u.author = 'Head of Service for Safeguarding and Quality Assurance');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Protocol in use; pre-birth assessments completed in time.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/3/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/4/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-10-05',
       '2015-10-05T12:00:00Z',
       'Corporate Director for People and Communities',
       'Proposal to Council.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-10-05' AND u.author = 'Corporate Director for People and Communities');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-06-27',
       '2016-06-27T12:00:00Z',
       'Corporate Director for People and Communities',
       'Corporate Parenting Committee established.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-06-27' AND u.author = 'Corporate Director for People and Communities');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Young people give positive feedback on the informal Committee meetings; they had called the old panel a ''snooze-zone''.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/4/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-07-04',
       '2016-07-04T12:00:00Z',
       'Corporate Director for People and Communities',
       'Programme agreed with the LGA.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-07-04' AND u.author = 'Corporate Director for People and Communities');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-12-12',
       '2016-12-12T12:00:00Z',
       'Corporate Director for People and Communities',
       'Programme delivered; Committee work programme agreed.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-12' AND u.author = 'Corporate Director for People and Communities');
-- peterborough/2015-ofsted/4/3
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-11-02',
       '2015-11-02T12:00:00Z',
       'Participation Manager (Peterborough)',
       'Post created.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-11-02' AND u.author = 'Participation Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-12-19',
       '2016-12-19T12:00:00Z',
       'Participation Manager (Peterborough)',
       'Additional capacity in place.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-19' AND u.author = 'Participation Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, no_evidence_reason, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Capacity is in place, but participation by children in care remains low; the population is small and not stable. Impact ' ||
       'is followed in the service plan.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/4/4
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, old_status, new_status, transferred_to)
SELECT a.id,
       '2017-03-31',
       '2017-03-31T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Action plan closed at the end of 2016/17.',
       'not_started',
       'transferred',
       'Children''s Services service plan 2017/18'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-31' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/4/5
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-11-14',
       '2016-11-14T12:00:00Z',
       'Participation Manager (Peterborough)',
       'Partnership agreed.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/5'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-11-14' AND u.author = 'Participation Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, old_status, new_status, transferred_to)
SELECT a.id,
       '2017-04-21',
       '2017-04-21T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Transferred; delayed until the outcome of the Family Safeguarding bid was known.',
       'in_progress',
       'transferred',
       'Change Together for Children'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/4/5'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-04-21' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/5/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-10-05',
       '2015-10-05T12:00:00Z',
       'Virtual School Head (Peterborough)',
       'Review started.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-10-05' AND u.author = 'Virtual School Head (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-03-21',
       '2016-03-21T12:00:00Z',
       'Virtual School Head (Peterborough)',
       'Review complete.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-03-21' AND u.author = 'Virtual School Head (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2016-05-16',
       '2016-05-16T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Virtual School capacity review, March 2016.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-05-16' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/5/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-11-02',
       '2015-11-02T12:00:00Z',
       'Virtual School Head (Peterborough)',
       'e-PEP system procured.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-11-02' AND u.author = 'Virtual School Head (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-09-12',
       '2016-09-12T12:00:00Z',
       'Virtual School Head (Peterborough)',
       'e-PEPs in use for all children in care.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-12' AND u.author = 'Virtual School Head (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-01-16',
       '2017-01-16T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'e-PEP completion and Pupil Premium monitoring reports.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-01-16' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/5/3
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-10-03',
       '2016-10-03T12:00:00Z',
       'Virtual School Head (Peterborough)',
       'Post-16 group added to the Virtual School roll.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-10-03' AND u.author = 'Virtual School Head (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-03-31',
       '2017-03-31T12:00:00Z',
       'Virtual School Head (Peterborough)',
       'Coordinator role in place.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/3'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-31' AND u.author = 'Virtual School Head (Peterborough)');
-- peterborough/2015-ofsted/5/4
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-12-01',
       '2016-12-01T12:00:00Z',
       'Virtual School Head (Peterborough)',
       'Post approved.',
       30,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-12-01' AND u.author = 'Virtual School Head (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2017-02-20',
       '2017-02-20T12:00:00Z',
       'Virtual School Head (Peterborough)',
       'Education Advisor appointed in February 2017.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-02-20' AND u.author = 'Virtual School Head (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Appointment made.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/5/4'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/6/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-11-02',
       '2015-11-02T12:00:00Z',
       'Care Leavers Service Manager (Peterborough)',
       'Passport agreed with the looked after children health team.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-11-02' AND u.author = 'Care Leavers Service Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-06-20',
       '2016-06-20T12:00:00Z',
       'Care Leavers Service Manager (Peterborough)',
       'Health passports issued.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-06-20' AND u.author = 'Care Leavers Service Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2016-09-19',
       '2016-09-19T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'All care leavers offered a health passport.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/6/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-09-19' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/6/2
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-01-04',
       '2016-01-04T12:00:00Z',
       'Care Leavers Service Manager (Peterborough)',
       'Work with Peterborough City College started.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/6/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-01-04' AND u.author = 'Care Leavers Service Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Care Leavers Service Manager (Peterborough)',
       'Five young people on apprenticeships and three more considering this route.',
       60
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/6/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Care Leavers Service Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, old_status, new_status, transferred_to)
SELECT a.id,
       '2017-03-31',
       '2017-03-31T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Action plan closed at the end of 2016/17.',
       'in_progress',
       'transferred',
       'Children''s Services service plan 2017/18'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/6/2'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-31' AND u.author = 'Service Director for Children and Safeguarding');
-- peterborough/2015-ofsted/7/1
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2015-10-05',
       '2015-10-05T12:00:00Z',
       'Complaints and Quality Assurance Manager (Peterborough)',
       'Fact sheet format agreed.',
       20,
       'not_started',
       'in_progress'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/7/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2015-10-05' AND u.author = 'Complaints and Quality Assurance Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, percent, old_status, new_status)
SELECT a.id,
       '2016-06-27',
       '2016-06-27T12:00:00Z',
       'Complaints and Quality Assurance Manager (Peterborough)',
       'Quarterly fact sheets and register in place.',
       100,
       'in_progress',
       'complete'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/7/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2016-06-27' AND u.author = 'Complaints and Quality Assurance Manager (Peterborough)');
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, old_status, new_status)
SELECT a.id,
       '2017-03-13',
       '2017-03-13T12:00:00Z',
       'Service Director for Children and Safeguarding',
       'Signed off.',
       'Fewer complaints go out of timescale or escalate; register of practice changes maintained.',
       'complete',
       'signed_off'
FROM example_plan_action a WHERE a.path = 'peterborough/2015-ofsted/7/1'
  AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id
                  AND u.on_date = '2017-03-13' AND u.author = 'Service Director for Children and Safeguarding');

DROP VIEW IF EXISTS temp.example_plan_action;
DROP VIEW IF EXISTS temp.example_plan_finding;
DROP VIEW IF EXISTS temp.example_plan_review;
