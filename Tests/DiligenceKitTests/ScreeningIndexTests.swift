import Foundation
import Testing

@testable import DiligenceKit

/// The candidate index: it proposes few names, and it does not lose matches.
@Suite struct ScreeningIndexTests {
    @Test func theIndexFindsEveryMatchTheExhaustiveScanFinds() {
        let screener = ScreeningTests.ofacLike
        var scratch = Scratch(names: screener.nameCount, vocabulary: screener.index.vocabularyCount)
        for name in [
            "Alexander Lukashenkp", "A. G. Lukashenko", "ЛУКАШЕНКО Александр", "Lukashenka", "محمد بن سلمان", "习近平",
            "Oman Fuel Trading", "Mohamed Salman", "Dzmitry Lukashenka",
        ] {
            let indexed = screener.screen(ScreeningQuery(name), threshold: 0.3, scratch: &scratch)
            let exhaustive = screener.screen(ScreeningQuery(name), threshold: 0.3, scratch: &scratch, exhaustive: true)
            #expect(indexed.map(\.entity.id) == exhaustive.map(\.entity.id), "\(name)")
            #expect(indexed.map(\.score) == exhaustive.map(\.score), "\(name)")
        }
    }

    @Test func deletionsTrigramsAndSoundsFindLookAlikes() {
        let screener = NameScreener(entities: [
            listed("P-1", "Gadetskiy, Yevgeniy Yuryevich"), listed("P-2", "Qaddafi, Muammar"),
            listed("P-3", "Abdulrahman Zeitoun"),
        ])
        #expect(screener.screen("Yevgeniy Gadetskyi", threshold: 0.7).first?.entity.id == "P-1")  // transposition
        #expect(screener.screen("Muammar Gadafi", threshold: 0.7).first?.entity.id == "P-2")  // sound
        #expect(screener.screen("Abdul Rahman Zeitoun", threshold: 0.7).first?.entity.id == "P-3")  // written as two words
    }

    /// On the real list, a rare name makes a handful of candidates out of 33,000 names.
    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason))
    func candidatesAreFewOnTheRealList() throws {
        let screener = OFACFiles.screener
        #expect(screener.nameCount > 30_000)
        let rare = screener.candidateNames(ScreeningQuery("Aliaksandr Lukashenka"), threshold: 0.7)
        #expect(rare.count < 50)
        let common = screener.candidateNames(ScreeningQuery("Muhammad Ali Trading LLC"), threshold: 0.7)
        #expect(common.count < screener.nameCount / 20)
        var scratch = Scratch(names: screener.nameCount, vocabulary: screener.index.vocabularyCount)
        for name in ["Alexander Lukashenko", "Qasem Soleimani", "PMC Wagner", "Bank Melli Iran", "Minsk Fuel Trading LLC"] {
            let indexed = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch)
            let exhaustive = screener.screen(ScreeningQuery(name), threshold: 0.7, scratch: &scratch, exhaustive: true)
            #expect(indexed.map(\.entity.id) == exhaustive.map(\.entity.id), "\(name)")
        }
    }
}
