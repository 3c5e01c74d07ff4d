import CAllocator

/// The allocator this executable runs on, for `check --timings`: mimalloc when Package.swift
/// linked it (`linksMimalloc`), otherwise the C library's (docs/performance.md, "Twenty-seventh
/// round: the allocator").
enum Allocator {
    /// `allocator: mimalloc 2.0.9` or `allocator: the C library's malloc`.
    static var description: String {
        let version = Int(diligence_mimalloc_version())
        guard version > 0 else { return "allocator: the C library's malloc" }
        return "allocator: mimalloc \(version / 100).\(version % 100 / 10).\(version % 10)"
    }
}
