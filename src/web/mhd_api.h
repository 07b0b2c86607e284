/*
 * libmicrohttpd, loaded by `safeplan serve` rather than linked.
 *
 * Linked, it brought GnuTLS, nettle, gmp, p11-kit, libidn2, libunistring
 * and libtasn1 into every command: relocating them was most of the CPU of
 * a narrow report or of one `action update` (perf: ld.so 32% of `overdue
 * --owner`, and most of the page faults). Only `serve` needs it, so the
 * web code calls it through this table, filled by dlopen of the soname
 * the build read from the library (CMakeLists.txt) when the service
 * starts. The #defines turn the calls into calls through the table; the
 * pointers take the header's own types. (src/lib/xlsx_api.h and
 * xlsx_read_api.h do the same for the workbook libraries.)
 */
#ifndef SP_WEB_MHD_API_H
#define SP_WEB_MHD_API_H

#include <microhttpd.h>

#define SP_MHD_FUNCTIONS(X)                                                                    \
    X(MHD_add_response_header) X(MHD_create_response_from_buffer)                              \
    X(MHD_create_response_from_fd) X(MHD_destroy_response)                                     \
    X(MHD_get_connection_info) X(MHD_get_connection_values) X(MHD_get_daemon_info)             \
    X(MHD_lookup_connection_value) X(MHD_queue_response) X(MHD_start_daemon)                   \
    X(MHD_stop_daemon)

#define SP_MHD_POINTER(name) __typeof__(&name) name;
typedef struct web_mhd_api {
    SP_MHD_FUNCTIONS(SP_MHD_POINTER)
} web_mhd_api;
#undef SP_MHD_POINTER

/* The table, filled by web_mhd_load. */
extern web_mhd_api web_mhd;

/* Loads libmicrohttpd once: NULL, or why it could not be loaded. */
const char *web_mhd_load(void);

#ifndef SP_MHD_LOADER
#define MHD_add_response_header web_mhd.MHD_add_response_header
#define MHD_create_response_from_buffer web_mhd.MHD_create_response_from_buffer
#define MHD_create_response_from_fd web_mhd.MHD_create_response_from_fd
#define MHD_destroy_response web_mhd.MHD_destroy_response
#define MHD_get_connection_info web_mhd.MHD_get_connection_info
#define MHD_get_connection_values web_mhd.MHD_get_connection_values
#define MHD_get_daemon_info web_mhd.MHD_get_daemon_info
#define MHD_lookup_connection_value web_mhd.MHD_lookup_connection_value
#define MHD_queue_response web_mhd.MHD_queue_response
#define MHD_start_daemon web_mhd.MHD_start_daemon
#define MHD_stop_daemon web_mhd.MHD_stop_daemon
#endif

#endif
