import Testing

@testable import DiligenceKit

/// `TextSet`, the byte-buffer set behind the screener's memo of names that can match nothing.
struct TextSetTests {
    private static func hash(_ text: String) -> Int { ExactText(text).hashValue }

    @Test func aTextIsAMemberByItsBytes() {
        let set = TextSet(capacity: 100)
        let composed = "Société Générale", decomposed = "Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale"
        set.insert(composed, hash: Self.hash(composed))
        #expect(set.contains(composed, hash: Self.hash(composed)))
        // Canonically equivalent, other bytes: another member (as `ExactText` compares them).
        #expect(!set.contains(decomposed, hash: Self.hash(decomposed)))
        #expect(!set.contains("Societe Generale", hash: Self.hash("Societe Generale")))
        set.insert("", hash: Self.hash(""))
        #expect(set.contains("", hash: Self.hash("")))
        #expect(set.memberCount == 2)
    }

    /// Equal hashes with other bytes are told apart by the bytes.
    @Test func equalHashesDoNotMakeTextsEqual() {
        let set = TextSet(capacity: 100)
        set.insert("Wagner GmbH", hash: 7)
        #expect(set.contains("Wagner GmbH", hash: 7))
        #expect(!set.contains("Wagner AG", hash: 7))
        #expect(!set.contains("Wagner GmbI", hash: 7))
        set.insert("Wagner AG", hash: 7)
        #expect(set.contains("Wagner AG", hash: 7) && set.contains("Wagner GmbH", hash: 7))
        #expect(set.memberCount == 2)
    }

    /// A text is a member with a tag: the same bytes with another tag are another member.
    @Test func aMemberIsItsTagAndItsBytes() {
        let set = TextSet(capacity: 100)
        set.insert("Wagner GmbH", tag: 1, hash: 7)
        #expect(set.contains("Wagner GmbH", tag: 1, hash: 7))
        #expect(!set.contains("Wagner GmbH", tag: 2, hash: 7))
        set.insert("Wagner GmbH", tag: 2, hash: 7)
        #expect(set.contains("Wagner GmbH", tag: 2, hash: 7) && set.memberCount == 2)
    }

    /// Reaching its capacity, the set forgets everything and goes on; a text it cannot hold is not held.
    @Test func itIsEmptiedAtItsCapacity() {
        let set = TextSet(capacity: 3)
        for name in ["a", "b", "c"] { set.insert(name, hash: Self.hash(name)) }
        #expect(set.memberCount == 3)
        set.insert("d", hash: Self.hash("d"))
        #expect(set.memberCount == 1)
        #expect(set.contains("d", hash: Self.hash("d")) && !set.contains("a", hash: Self.hash("a")))
        let long = String(repeating: "x", count: TextSet.longestText + 1)
        set.insert(long, hash: Self.hash(long))
        #expect(!set.contains(long, hash: Self.hash(long)))
        let bytes = TextSet(capacity: 100, byteCapacity: 10)
        bytes.insert("abcdef", hash: Self.hash("abcdef"))
        bytes.insert("ghijkl", hash: Self.hash("ghijkl"))
        #expect(bytes.memberCount == 1 && bytes.contains("ghijkl", hash: Self.hash("ghijkl")))
    }

    /// Against `Set<String>` (by bytes) on random texts, through many growths of the slots.
    @Test func itAnswersAsASetOfBytesDoes() {
        var generator = SplitMix64(state: 14)
        let set = TextSet(capacity: 1_000_000)
        var oracle = Set<[UInt8]>()
        let letters = Array("abcéŁжД 林").map(String.init)
        func randomText() -> String {
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in letters[Int.random(in: 0..<letters.count, using: &generator)] }
                .joined()
        }
        for _ in 0..<20_000 {
            let text = randomText()
            set.insert(text, hash: Self.hash(text))
            oracle.insert(Array(text.utf8))
        }
        #expect(set.memberCount == oracle.count)
        for _ in 0..<20_000 {
            let text = randomText()
            #expect(set.contains(text, hash: Self.hash(text)) == oracle.contains(Array(text.utf8)))
        }
    }
}
