-- Version 18: the index of themes without regard to case, unused since the
-- summary by theme counts into groups.

-- Version 3 made finding_theme_nocase so that `safeplan summary` could walk
-- the findings in theme order and count each theme's actions as they came.
-- The summary now counts every action into a hash table of groups
-- (rag_tally_groups, src/lib/rag.c), which needs no order; the --theme
-- filter matches a theme's spellings (src/lib/names.c, through
-- finding_theme) and looks the findings up by finding_theme. EXPLAIN QUERY
-- PLAN of every statement that the tests and the bench's commands prepared
-- (6 December 2026) named it only for counting the findings (demo/rows),
-- which finding_theme serves as well. Each new finding and each change of
-- a theme no longer writes it.
DROP INDEX IF EXISTS finding_theme_nocase;
