#ifndef DILIGENCE_CALLOCATOR_H
#define DILIGENCE_CALLOCATOR_H

/// Sets glibc's allocator for a command that holds a few tens of megabytes (nothing elsewhere):
/// no padding when a heap grows (M_TOP_PAD, 128 KiB by default, taken again on each growth of
/// each arena) and one arena for every thread (M_ARENA_MAX; a worker thread otherwise gets an
/// arena of its own, whose free space the other threads cannot reuse). About 2 MiB less peak
/// resident memory on the exposure-heavy check, the same CPU time (docs/performance.md, "Tenth
/// round: memory (memory3)").
void diligence_compact_allocator(void);

#endif
