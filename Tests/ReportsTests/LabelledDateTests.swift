import Testing
@testable import Reports
import Site

/// Dates given after a label ("Published: 22 June 2005"), wherever the label stands on its line.
@Suite struct LabelledDateTests {
    static func dates(_ text: String) -> (start: PartialDate?, end: PartialDate?, published: PartialDate?) {
        let found = ReportFacts.labelledDates(ReportText(path: "t.txt", text: text).lines)
        return (found.start?.value, found.end?.value, found.published?.value)
    }

    @Test func fieldsSetInColumnsOnOneCoverLineAreReadEachOnItsOwn() {
        // A joint area review's cover: the publication date is the second of three labelled columns.
        let cover = Self.dates("Joint area review\n\nAge group: All\tPublished: 22 June 2005\tReference no: 815\n")
        #expect(cover.published == PartialDate(year: 2005, month: 6, day: 22))
        #expect(cover.start == nil)
        let both = Self.dates("Inspection dates: 1 May 2015     Report published: 3 July 2015")
        #expect(both.start == PartialDate(year: 2015, month: 5, day: 1))
        #expect(both.end == PartialDate(year: 2015, month: 5, day: 1), "the publication date is not the end of fieldwork")
        #expect(both.published == PartialDate(year: 2015, month: 7, day: 3))
    }

    @Test func aValueInTheColumnAfterItsLabelStaysWithIt() {
        let spaced = Self.dates("Inspection dates:        22 June 2015 – 10 July 2015")
        #expect(spaced.start == PartialDate(year: 2015, month: 6, day: 22))
        #expect(spaced.end == PartialDate(year: 2015, month: 7, day: 10))
        let under = Self.dates("Age group: All\tPublished:\n\n22 June 2005\n")
        #expect(under.published == PartialDate(year: 2005, month: 6, day: 22))
    }
}

/// The council an address block names, where one authority's name ends another's.
@Suite struct AddressAuthorityTests {
    static func authority(_ text: String) -> String? {
        ReportFacts.authority(inAddress: ReportText(path: "t.txt", text: text).lines)?.value
    }

    @Test func theLongestKnownNameBeforeCouncilIsTheAuthority() {
        #expect(Self.authority("Director of Children's Services\nNorth East Lincolnshire Council\nGrimsby") == "North East Lincolnshire Council")
        #expect(Self.authority("South Gloucestershire Council") == "South Gloucestershire Council")
        #expect(Self.authority("Lincolnshire County Council") == "Lincolnshire County Council")
        #expect(Self.authority("Dear Sir, Wigan Council") == "Wigan Council")
        #expect(Self.authority("The council has improved") == nil)
    }
}
