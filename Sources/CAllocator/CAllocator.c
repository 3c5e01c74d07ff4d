#include "CAllocator.h"

// Any C library header defines __GLIBC__ when the C library is glibc.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// mimalloc (Debian: libmimalloc-dev), which Package.swift links into the executable when it is
// installed (the test binary too, which links the executable's module). The calls are weak
// references: a build without the library finds them null and leaves the allocator as it is.
#if defined(__has_include)
#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
#pragma weak mi_option_set
#pragma weak mi_version
#define DILIGENCE_HAS_MIMALLOC_HEADER 1
#endif
#endif

void diligence_compact_allocator(void) {
#if defined(DILIGENCE_HAS_MIMALLOC_HEADER)
    if (mi_option_set != NULL) {
        // Freed pages go back to the system at once rather than after mimalloc's default delay
        // (10 ms; "decommit_delay" in 2.0.9, "purge_delay" from 2.1; earlier versions keep their default): the check's
        // peak resident set is 2-3 MiB lower for the same speed.
#if MI_MALLOC_VERSION >= 210
        mi_option_set(mi_option_purge_delay, 0);
#elif MI_MALLOC_VERSION >= 209
        mi_option_set(mi_option_decommit_delay, 0);
#endif
    }
#endif
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, 0);
#endif
}

int diligence_mimalloc_version(void) {
#if defined(DILIGENCE_HAS_MIMALLOC_HEADER)
    return mi_version != NULL ? mi_version() : 0;
#else
    return 0;
#endif
}
