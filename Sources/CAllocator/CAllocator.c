#include "CAllocator.h"

// Any C library header defines __GLIBC__ when the C library is glibc.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void diligence_compact_allocator(void) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, 0);
#endif
}
