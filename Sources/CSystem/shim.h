// System calls and libraries the Swift Glibc module does not expose.
#include <stdio.h>
#include <fcntl.h>
#include <zlib.h>

// Linux's renameat2(2) (glibc 2.28+ declares it only under _GNU_SOURCE): RENAME_EXCHANGE swaps
// two paths in one step, which switches a whole folder of reports in atomically.
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
#define DILIGENCE_RENAME_EXCHANGE (1 << 1)

// Flushes standard output's stdio buffer; 0 when everything printed so far was written, -1 (and
// errno) when a write failed. Swift 6 cannot read C's `stdout` global itself.
static inline int diligence_flush_standard_output(void) {
    if (fflush(stdout) != 0) return -1;
    return ferror(stdout) ? -1 : 0;
}
