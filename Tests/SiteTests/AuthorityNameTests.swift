import Testing
import Site

@Suite struct AuthorityNameTests {
    @Test(arguments: [
        "STOKE-ON-TRENT CITY COUNCIL", "Stoke-on-Trent City Council", "Stoke-on-Trent", "Stoke on Trent",
        "City of Stoke-on-Trent", "stoke-on-trent", "  Stoke  on\tTrent ", "Stoke on Trent ST4 1 RU",
        "Stoke-on-Trent City Council’s",
    ])
    func spellingsOfOneCouncilMeet(written: String) {
        #expect(AuthorityName(canonicalising: written) == AuthorityName(name: "Stoke-on-Trent", slug: "stoke-on-trent"))
    }

    @Test func countyAndCityInsideItStayApart() {
        #expect(AuthorityName(canonicalising: "Staffordshire County Council").slug == "staffordshire")
        #expect(AuthorityName(canonicalising: "Staffordshire").slug != AuthorityName(canonicalising: "Stoke-on-Trent").slug)
    }

    @Test(arguments: [
        ("Stockport Metropolitan Borough Council", "Stockport"),
        ("STOCKPORT METROPOLITAN BOROUGH COUNCIL", "Stockport"),
        ("Metropolitan Borough of Wirral", "Wirral"),
        ("City of York Council", "York"),
        ("Bolton BL1 1RU", "Bolton"),
        ("London Borough of Croydon", "Croydon"),
        ("Royal Borough of Kensington and Chelsea", "Kensington and Chelsea"),
        ("the Royal Borough of Kensington and Chelsea", "Kensington and Chelsea"),
        ("NORTH YORKSHIRE COUNTY COUNCIL", "North Yorkshire"),
        ("St. Helens", "St Helens"),
        ("Kingston upon Hull City Council", "Kingston upon Hull"),
    ])
    func affixesAreStripped(written: String, name: String) {
        #expect(AuthorityName(canonicalising: written).name == name)
    }

    @Test func unknownNameKeepsItsWordsInTitleCase() {
        let name = AuthorityName(canonicalising: "NEWTOWN ON SEA BOROUGH COUNCIL")
        #expect(name.name == "Newtown on Sea")
        #expect(name.slug == "newtown-on-sea")
    }
}

@Suite struct SlugTests {
    @Test(arguments: ["../../etc/passwd", "..", ".", "/", "", "a/b\\c", "<script>", "名前", "\u{0}x"])
    func slugsNeverLeaveTheirFolder(text: String) {
        let slug = Slug.make(text)
        #expect(!slug.isEmpty)
        #expect(slug.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-"))
    }

    @Test func slugIsReadable() {
        #expect(Slug.make("Children’s services: Bath & North East Somerset") == "childrens-services-bath-and-north-east-somerset")
    }
}

@Suite struct PartialDateTests {
    @Test func isoToThePrecisionKnown() {
        #expect(PartialDate(year: 2006, month: 2)?.iso == "2006-02")
        #expect(PartialDate(year: 2007, month: 11, day: 26)?.iso == "2007-11-26")
        #expect(PartialDate(iso: "2004")?.iso == "2004")
    }

    @Test func impossibleDatesAreRejected() {
        #expect(PartialDate(year: 2015, month: 2, day: 29) == nil)
        #expect(PartialDate(year: 2016, month: 2, day: 29) != nil)
        #expect(PartialDate(year: 2015, month: 13) == nil)
        #expect(PartialDate(iso: "2015-06-xx") == nil)
    }

    @Test func lessPreciseDateSortsFirstWithinItsPeriod() {
        #expect(PartialDate(year: 2006)! < PartialDate(year: 2006, month: 1)!)
        #expect(PartialDate(year: 2006, month: 2)! < PartialDate(year: 2006, month: 2, day: 1)!)
    }
}
