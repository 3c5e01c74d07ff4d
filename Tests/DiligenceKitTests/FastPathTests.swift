import Foundation
import Testing

@testable import DiligenceKit

/// The byte-level fast paths of start-up (screening data phrases, folded keys, gazetteer
/// columns) give what the character-level definitions give, on the shipped data and on the
/// awkward cases.
@Suite struct FastPathTests {
    static let phrases = [
        "S.A.", "A/S", "O.O.O.", "Sp. z o.o.", "  Mr  ", "\tDr.\t", "AG & Co. KG", "Co.,Ltd", "3M", "1st-Class",
        "a\r\nb", "trailing.", ".", "", "   ", "x_y-z", "O'Brien", "Al-Qaeda", "UPPER lower 123",
    ]

    @Test(arguments: phrases)
    func anASCIIPhraseIsThePhraseByCharacters(text: String) throws {
        #expect(try #require(ScreeningData.asciiPhrase(text)) == ScreeningData.phraseByCharacters(text))
    }

    @Test func everyLineOfTheScreeningDataFilesGivesTheSamePhrase() throws {
        var checked = 0
        for name in ScreeningData.fileNames {
            let (bytes, _) = try BuiltinResources.data("screening/\(name)")
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                for column in ScreeningData.columns(String(line)) {
                    #expect(ScreeningData.phrase(String(column)) == ScreeningData.phraseByCharacters(String(column)), "\(name): \(column)")
                    checked += 1
                }
            }
        }
        #expect(checked > 18_000)
    }

    @Test func nonASCIITextTakesTheCharacterPath() {
        #expect(ScreeningData.asciiPhrase("Société Générale") == nil)
        #expect(ScreeningData.phrase("Société Générale S.A.") == "société générale sa")
        #expect(TextFolding.asciiKey("Côte d’Ivoire") == nil)
        #expect(TextFolding.key("Côte d’Ivoire") == "cote d'ivoire")
    }

    @Test(arguments: [
        "Bamako", "  Mocimboa  da   Praia ", "Dar_es-Salaam", "Cote d`Ivoire", "KIDAL", "a\tb\nc", "-x-", "", "  ", "a\r\nb", "St. John's",
    ])
    func anASCIIKeyIsTheKeyByScalars(text: String) throws {
        #expect(try #require(TextFolding.asciiKey(text)) == TextFolding.spaced(text.lowercased()))
    }

    @Test func everyASCIINameOfTheGazetteerGivesTheSameKey() throws {
        let (bytes, _) = try BuiltinResources.data("gazetteer/cities.tsv")
        var checked = 0
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 7 else { continue }
            for name in [columns[2]] + columns[6].split(separator: "|") where name.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(TextFolding.asciiKey(String(name)) == TextFolding.spaced(String(name).lowercased()))
                checked += 1
            }
            // The alternate names split on bytes are the names split on characters.
            #expect(Gazetteer.alternateNames(columns[6]) == columns[6].split(separator: "|"))
        }
        #expect(checked > 20_000)
    }

    @Test func aNameStartingWithACombiningMarkIsSplitAsCharactersSplitIt() {
        let text: Substring = "Pemba|\u{301}x|Porto Amélia"
        #expect(Gazetteer.alternateNames(text) == text.split(separator: "|"))
        #expect(Gazetteer.alternateNames(text).count == 2)
    }

    @Test func latinAndCyrillicNamesOfAPlaceAreBothFound() throws {
        var gazetteer = Gazetteer()
        let country = Country(code: "BY", name: "Belarus")
        let place = Gazetteer.Place(
            name: "Hrodna", country: country, location: Coordinate(lat: 53.68, lon: 23.83), population: 350_000, source: "test",
            geonameID: 1)
        gazetteer.add(place, alternates: ["Grodno", "Гродно", "Гродна", "Horodno"])
        for name in ["hrodna", "GRODNO", "Гродно", "ГРОДНА", "Horodno"] {
            #expect(gazetteer.place(named: name, in: country)?.name == "Hrodna", "\(name)")
        }
        #expect(gazetteer.place(named: "Гомель", in: country) == nil)
        #expect(Gazetteer.hasCyrillicLetter("Гродно") && !Gazetteer.hasCyrillicLetter("Grodno") && !Gazetteer.hasCyrillicLetter("Amélia"))
    }
}
