/* Loading libxlsxwriter on first use (xlsx_api.h says why). */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define SP_XLSX_LOADER
#include "xlsx_api.h"

/* The run-time name of the library, from the build (CMakeLists.txt reads
 * it from the library it found), e.g. "libxlsxwriter.so.4". */
#ifndef SP_XLSXWRITER_SONAME
#error "SP_XLSXWRITER_SONAME is set by the build"
#endif

sp_xlsx_api sp_xlsx;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[256]; /* empty once loaded */

/* Stores dlsym's address into a function pointer: ISO C has no cast from
 * an object pointer to a function pointer, POSIX guarantees the bytes. */
static void set(void *fn, void *sym)
{
    memcpy(fn, &sym, sizeof sym);
}

static void load(void)
{
    /* Kept loaded for the life of the process: a pack may be made again. */
    void *lib = dlopen(SP_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
    void *sym;
    if (!lib) {
        snprintf(failure, sizeof failure, "%s", dlerror());
        return;
    }
#define SP_XLSX_LOOKUP(name)                                                                   \
    if (!failure[0]) {                                                                       \
        if ((sym = dlsym(lib, #name)))                                                       \
            set(&sp_xlsx.name, sym);                                                         \
        else                                                                                 \
            snprintf(failure, sizeof failure, "%s has no %s", SP_XLSXWRITER_SONAME, #name);  \
    }
    SP_XLSX_FUNCTIONS(SP_XLSX_LOOKUP)
#undef SP_XLSX_LOOKUP
}

int sp_xlsx_load(sp_db *db)
{
    if (pthread_once(&once, load) != 0)
        return sp_fail(db, SP_ERROR, "cannot load libxlsxwriter");
    if (failure[0])
        return sp_fail(db, SP_ERROR, "the committee pack needs libxlsxwriter (Debian package "
                       "libxlsxwriter4): %s", failure);
    return SP_OK;
}
