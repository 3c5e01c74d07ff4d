import Foundation

/// The consonant skeletons (`Transcription.listSkeleton`) of a list's vocabulary, built on the
/// first transcribed query word and kept for the run: transcribed words are few, so the list
/// is not indexed for them up front, and a scan of the skeletons finds their look-alikes.
final class TranscriptionIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built = false
    /// Every vocabulary token's skeleton, flat: token `t` is `classes[start[t]..<start[t + 1]]`.
    private var start: [Int32] = [0]
    private var classes: [UInt16] = []
    /// The number of consonants (classes but h) of each token's skeleton.
    private var lengths: [UInt8] = []

    /// The vocabulary tokens whose skeleton matches `skeleton` (`Transcription.matches`).
    func candidates(_ skeleton: [UInt16], in index: CandidateIndex) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        if !built { build(index) }
        let length = Transcription.length(skeleton)
        guard length >= 3 else { return [] }
        // A listed word may also match the vowels the transcription adds, and be longer by them.
        let slack = Transcription.budget(length: length + skeleton.count)
        let shortest = length - slack, longest = skeleton.count + slack
        var found: [Int32] = []
        for token in 0..<lengths.count where Int(lengths[token]) >= shortest && Int(lengths[token]) <= longest {
            let listed = Array(classes[Int(start[token])..<Int(start[token + 1])])
            if Transcription.matches(skeleton, listed) { found.append(Int32(token)) }
        }
        return found
    }

    private func build(_ index: CandidateIndex) {
        for token in 0..<index.vocabularyCount {
            let skeleton = Transcription.listSkeleton(index.key(Int32(token)))
            classes += skeleton
            start.append(Int32(classes.count))
            lengths.append(UInt8(min(Transcription.length(skeleton), 255)))
        }
        built = true
    }
}
