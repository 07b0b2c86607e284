/*
 * libzip and expat, loaded when a workbook is read rather than linked.
 *
 * Linking them put libzip, libbz2, zlib, libcrypto and expat into every
 * process: with the web service's libmicrohttpd (src/web/mhd_api.h) they
 * made the dynamic loader most of the CPU of a narrow report or one update
 * (perf: 32% of `overdue --owner` in ld.so relocating libraries it never
 * calls, and most of the kernel's page faults). Only an .xlsx import reads
 * workbooks, so xlsx.c and xlsx_sheet.c call them through this table,
 * filled by dlopen of the sonames the build read from the libraries
 * (CMakeLists.txt) when the first workbook is opened. Same scheme as
 * xlsx_api.h (libxlsxwriter): the #defines below turn the calls into calls
 * through the table; the pointers take the headers' own types.
 */
#ifndef SP_XLSX_READ_API_H
#define SP_XLSX_READ_API_H

#include <expat.h>
#include <stddef.h>
#include <zip.h>

#define SP_ZIP_FUNCTIONS(X)                                                                    \
    X(zip_discard) X(zip_error_code_zip) X(zip_error_fini) X(zip_error_init)                   \
    X(zip_error_strerror) X(zip_fclose) X(zip_file_get_error) X(zip_fopen_index) X(zip_fread)  \
    X(zip_get_error) X(zip_name_locate) X(zip_open_from_source) X(zip_source_buffer_create)    \
    X(zip_source_filep_create) X(zip_source_free) X(zip_stat_index)
#define SP_EXPAT_FUNCTIONS(X)                                                                  \
    X(XML_ErrorString) X(XML_GetCurrentLineNumber) X(XML_GetErrorCode) X(XML_Parse)            \
    X(XML_ParserCreateNS) X(XML_ParserFree) X(XML_SetCharacterDataHandler)                     \
    X(XML_SetElementHandler) X(XML_SetStartDoctypeDeclHandler) X(XML_SetUserData)             \
    X(XML_StopParser)

#define SP_XREAD_POINTER(name) __typeof__(&name) name;
typedef struct sp_xread_api {
    SP_ZIP_FUNCTIONS(SP_XREAD_POINTER)
    SP_EXPAT_FUNCTIONS(SP_XREAD_POINTER)
} sp_xread_api;
#undef SP_XREAD_POINTER

/* The table, filled by sp_xread_load. */
extern sp_xread_api sp_xread;

/* Loads both libraries once per process (thread-safe): NULL, or why they
 * could not be loaded (a static string). */
const char *sp_xread_load(void);

#ifndef SP_XREAD_LOADER
#define zip_discard sp_xread.zip_discard
#define zip_error_code_zip sp_xread.zip_error_code_zip
#define zip_error_fini sp_xread.zip_error_fini
#define zip_error_init sp_xread.zip_error_init
#define zip_error_strerror sp_xread.zip_error_strerror
#define zip_fclose sp_xread.zip_fclose
#define zip_file_get_error sp_xread.zip_file_get_error
#define zip_fopen_index sp_xread.zip_fopen_index
#define zip_fread sp_xread.zip_fread
#define zip_get_error sp_xread.zip_get_error
#define zip_name_locate sp_xread.zip_name_locate
#define zip_open_from_source sp_xread.zip_open_from_source
#define zip_source_buffer_create sp_xread.zip_source_buffer_create
#define zip_source_filep_create sp_xread.zip_source_filep_create
#define zip_source_free sp_xread.zip_source_free
#define zip_stat_index sp_xread.zip_stat_index
#define XML_ErrorString sp_xread.XML_ErrorString
#define XML_GetCurrentLineNumber sp_xread.XML_GetCurrentLineNumber
#define XML_GetErrorCode sp_xread.XML_GetErrorCode
#define XML_Parse sp_xread.XML_Parse
#define XML_ParserCreateNS sp_xread.XML_ParserCreateNS
#define XML_ParserFree sp_xread.XML_ParserFree
#define XML_SetCharacterDataHandler sp_xread.XML_SetCharacterDataHandler
#define XML_SetElementHandler sp_xread.XML_SetElementHandler
#define XML_SetStartDoctypeDeclHandler sp_xread.XML_SetStartDoctypeDeclHandler
#define XML_SetUserData sp_xread.XML_SetUserData
#define XML_StopParser sp_xread.XML_StopParser
#endif

#endif
