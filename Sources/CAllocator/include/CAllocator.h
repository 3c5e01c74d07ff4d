#ifndef DILIGENCE_CALLOCATOR_H
#define DILIGENCE_CALLOCATOR_H

/// Sets the allocator up: with mimalloc linked, freed pages go back to the system at once; with
/// glibc's allocator, for a command that holds a few tens of megabytes (nothing elsewhere):
/// no padding when a heap grows (M_TOP_PAD, 128 KiB by default, taken again on each growth of
/// each arena). One arena for every thread (M_ARENA_MAX 1) was tried and dropped: the two
/// worker threads then wait on one lock, for about 0.4 MiB less peak (docs/performance.md,
/// "Tenth round: memory (memory3)").
void diligence_compact_allocator(void);

/// mimalloc's version (209 for 2.0.9) when the executable links it (Package.swift,
/// `linksMimalloc`), 0 when it allocates with the C library's malloc.
int diligence_mimalloc_version(void);

#endif
