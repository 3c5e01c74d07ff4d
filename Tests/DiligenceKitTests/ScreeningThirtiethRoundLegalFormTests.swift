import Testing

@testable import DiligenceKit

/// Issue 16, thirtieth round (lead): legal forms as the OFAC SDN list writes them that the data
/// lacked, each a word or phrase that says which kind of body a name is, not which one: the
/// Russian long form of ООО with "iu", the long form of d.o.o. in Serbian, Bosnian and Croatian,
/// the Kyrgyz "OSOO", the Belarusian long form of ТАА and the joint-stock bank's "AKB", "JSCB"
/// and "JSB". Each was counted as a word of the name, so that the same company written with and
/// without its form scored 0.5-0.7.
@Suite struct ScreeningThirtiethRoundLegalFormTests {
    /// A company written with one form and listed with another (or with none) is found: the
    /// form is no word of the name (neither side "has" it), and two forms are named as forms.
    @Test(arguments: [
        ("OSOO PROFFLAB", "LIMITED LIABILITY COMPANY PROFFLAB", "osoo"),
        ("DRUSTVO SA OGRANICENOM ODGOVORNOSCU RAD 028 ZVECAN", "DOO RAD 028 ZVECAN", "drustvo sa ogranicenom odgovornoscu"),
        ("Drustvo s ogranicenom odgovornoscu Inzinjering Banja Luka", "INZINJERING BANJA LUKA DOO", "drustvo s ogranicenom odgovornoscu"),
        ("SOBINBANK", "JSB SOBINBANK", "jsb"),
        ("Rosbank", "AKB ROSBANK OAO", "akb"),
        ("JSCB Primorye Bank", "PRIMORYE BANK", "jscb"),
        ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU KARGOLAYN", "OOO KARGOLAYN", "obshchestvo s ogranichennoi otvetstvennostiu"),
        ("Tavarystva z abmezhavanay adkaznastsyu Belneftestrakh", "BELNEFTESTRAKH LLC", "tavarystva z abmezhavanay adkaznastsyu"),
    ])
    func formsAreNotNameWords(query: String, name: String, form: String) {
        let list = [listed("company", name, kind: .organisation)]
        let (score, why) = ScreeningHardCaseTests.best(query, list)
        #expect(score >= 0.99, "\(score) \(why)")
        #expect(!why.contains("has \(form)") && !why.contains("also has"), "\(why)")
        if why.contains("legal forms") { #expect(why.contains(form), "\(why)") }
    }

    /// The forms are of their classes in the data.
    @Test func formsAreOfTheirClasses() throws {
        let data = NameNormalizer.standard.data
        for form in ["osoo", "drustvo sa ogranicenom odgovornoscu", "obshchestvo s ogranichennoi otvetstvennostiu", "tavarystva z abmezhavanay adkaznastsyu"] {
            #expect(data.legalForms[form] == "llc", "\(form)")
        }
        for form in ["akb", "jscb", "jsb"] { #expect(data.legalForms[form] == "jsc", "\(form)") }
    }

    /// A form names no company: two companies that share only their form are apart.
    @Test func aFormAloneIsNoMatch() {
        let list = [listed("company", "OSOO KARGOLAYN", kind: .organisation)]
        let (score, _) = ScreeningHardCaseTests.best("OSOO PROFFLAB", list)
        #expect(score < 0.5)
    }
}
