/* Loading libzip and expat on first use (xlsx_read_api.h says why). */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define SP_XREAD_LOADER
#include "xlsx_read_api.h"

/* The run-time names of the libraries, from the build (CMakeLists.txt reads
 * them from the libraries it found), e.g. "libzip.so.4". */
#if !defined(SP_LIBZIP_SONAME) || !defined(SP_EXPAT_SONAME)
#error "SP_LIBZIP_SONAME and SP_EXPAT_SONAME are set by the build"
#endif

sp_xread_api sp_xread;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[256]; /* empty once loaded */

/* Stores dlsym's address into a function pointer: ISO C has no cast from
 * an object pointer to a function pointer, POSIX guarantees the bytes. */
static void set(void *fn, void *sym)
{
    memcpy(fn, &sym, sizeof sym);
}

static void *open_lib(const char *soname)
{
    /* Kept loaded for the life of the process: more workbooks may follow. */
    void *lib = failure[0] ? NULL : dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib && !failure[0])
        snprintf(failure, sizeof failure, "%s", dlerror());
    return lib;
}

static void load(void)
{
    void *zip = open_lib(SP_LIBZIP_SONAME), *expat = open_lib(SP_EXPAT_SONAME), *sym;
    if (failure[0])
        return;
#define SP_XREAD_LOOKUP(lib, soname, name)                                                     \
    if (!failure[0]) {                                                                       \
        if ((sym = dlsym(lib, #name)))                                                       \
            set(&sp_xread.name, sym);                                                        \
        else                                                                                 \
            snprintf(failure, sizeof failure, "%s has no %s", soname, #name);                \
    }
#define SP_ZIP_LOOKUP(name) SP_XREAD_LOOKUP(zip, SP_LIBZIP_SONAME, name)
#define SP_EXPAT_LOOKUP(name) SP_XREAD_LOOKUP(expat, SP_EXPAT_SONAME, name)
    SP_ZIP_FUNCTIONS(SP_ZIP_LOOKUP)
    SP_EXPAT_FUNCTIONS(SP_EXPAT_LOOKUP)
#undef SP_EXPAT_LOOKUP
#undef SP_ZIP_LOOKUP
#undef SP_XREAD_LOOKUP
}

const char *sp_xread_load(void)
{
    if (pthread_once(&once, load) != 0)
        return "cannot load libzip and expat";
    return failure[0] ? failure : NULL;
}
