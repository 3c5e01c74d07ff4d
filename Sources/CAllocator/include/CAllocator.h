#ifndef DILIGENCE_CALLOCATOR_H
#define DILIGENCE_CALLOCATOR_H

/// Sets glibc's allocator for a command that holds a few tens of megabytes (nothing elsewhere):
/// no padding when a heap grows (M_TOP_PAD, 128 KiB by default, taken again on each growth of
/// each arena). One arena for every thread (M_ARENA_MAX 1) was tried and dropped: the two
/// worker threads then wait on one lock, for about 0.4 MiB less peak (docs/performance.md,
/// "Tenth round: memory (memory3)").
void diligence_compact_allocator(void);

#endif
