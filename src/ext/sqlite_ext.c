/*
 * safeplan_hash: a SQLite loadable extension with the history chain's hash
 * functions, sp_entry_hash() and sp_chain_hash(), for the sqlite3 shell:
 *     sqlite3 -cmd '.load ./safeplan_hash sqlite3_safeplan_init' plan.db
 * The database's triggers need them to add history, so a tool working on a
 * plan file outside safeplan (the benchmark's baselines, an auditor's own
 * queries) writes history that verifies. It grants nothing: anyone can hash,
 * and a rewritten history still fails `safeplan verify --checkpoint`.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

int sp_chain_register(sqlite3 *sql);

int sqlite3_safeplan_init(sqlite3 *db, char **err, const sqlite3_api_routines *api);

int sqlite3_safeplan_init(sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    (void)err;
    return sp_chain_register(db);
}
