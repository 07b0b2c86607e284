/* Loading libmicrohttpd when the service starts (mhd_api.h says why). */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#define SP_MHD_LOADER
#include "mhd_api.h"

#ifndef SP_MHD_SONAME
#error "SP_MHD_SONAME is set by the build"
#endif

web_mhd_api web_mhd;

static char failure[256];

/* Stores dlsym's address into a function pointer: ISO C has no cast from
 * an object pointer to a function pointer, POSIX guarantees the bytes. */
static void set(void *fn, void *sym)
{
    memcpy(fn, &sym, sizeof sym);
}

/* Called once, by web_serve, before any thread starts. */
const char *web_mhd_load(void)
{
    if (web_mhd.MHD_start_daemon)
        return NULL;
    void *lib = dlopen(SP_MHD_SONAME, RTLD_NOW | RTLD_LOCAL), *sym;
    if (!lib) {
        snprintf(failure, sizeof failure, "%s", dlerror());
        return failure;
    }
#define SP_MHD_LOOKUP(name)                                                                    \
    if (!failure[0]) {                                                                       \
        if ((sym = dlsym(lib, #name)))                                                       \
            set(&web_mhd.name, sym);                                                         \
        else                                                                                 \
            snprintf(failure, sizeof failure, "%s has no %s", SP_MHD_SONAME, #name);         \
    }
    SP_MHD_FUNCTIONS(SP_MHD_LOOKUP)
#undef SP_MHD_LOOKUP
    if (failure[0])
        web_mhd.MHD_start_daemon = NULL;
    return failure[0] ? failure : NULL;
}
