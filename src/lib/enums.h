/*
 * Internal: the action status lifecycle.
 *
 *   not_started -> in_progress -> complete -> signed_off
 *   complete -> in_progress            (reopened: the work was not done)
 *   not_started | in_progress -> transferred | withdrawn
 *
 * Nothing else: no self-transitions, no skipping straight from not_started
 * to complete (work is recorded as started first, so the history shows
 * it), and signed_off, transferred and withdrawn are final.
 *
 * Each function accepts any spelling sp_enum_word("status", ...) accepts.
 */
#ifndef SP_ENUMS_H
#define SP_ENUMS_H

#include <stdbool.h>

/* True for the open states (not_started, in_progress); false otherwise,
 * including NULL and unknown words. */
bool sp_status_open(const char *status);

/* True if an action may move from `from` to `to`. */
bool sp_status_transition_ok(const char *from, const char *to);

/* The states `from` may move to, comma-separated ("in_progress, transferred,
 * withdrawn"), or "none" for a final or unknown state. Static; never NULL. */
const char *sp_status_next(const char *from);

#endif
