import Foundation
import Testing
@testable import Render
import Site

/// A build plans pages in parallel parts and keys each page by its identity: the parts must give the
/// plan's pages in its order, and the identity must change whenever what the template sees does.
@Suite struct PagePlanTests {
    static let renderer = try! SitePagesGoldenTests.renderer()

    /// A site with more than one authority, outcome and framework, so that every kind of part is cut.
    static let site: SiteModel = {
        var other = SiteFixture.apa
        other.id = "otherborough-apa-2007"
        other.authority = AuthorityName(name: "Otherborough", slug: "otherborough")
        other.sourceFile = "otherborough-APA-2007.txt"
        return SiteModel(inspections: [SiteFixture.sif, SiteFixture.apa, other], vocabulary: .builtIn)
    }()

    @Test(arguments: [1, 2, 3, Int.max])
    func partsGiveThePlansPagesInItsOrder(pagesPerPart: Int) {
        let whole = Self.renderer.plan(Self.site)
        let parts = Self.renderer.planParts(Self.site, pagesPerPart: pagesPerPart)
        let pieced = parts.flatMap { $0.pages() }
        #expect(whole.count > 10)
        #expect(pieced.map(\.path) == whole.map(\.path))
        #expect(pieced.map(\.identity) == whole.map(\.identity))
        #expect(pieced.map(\.inspectionID) == whole.map(\.inspectionID))
        // Cut to single pages, but for the framework pages, which come as one part.
        if pagesPerPart == 1 { #expect(parts.dropLast().allSatisfy { $0.pages().count == 1 }) }
        #expect(Set(whole.map(\.path)).count == whole.count)
    }

    @Test func anInspectionsPagePlannedAloneIsThePlansPage() {
        let whole = Dictionary(uniqueKeysWithValues: Self.renderer.plan(Self.site).map { ($0.path, $0) })
        for index in Self.site.inspections.indices {
            let alone = Self.renderer.planInspectionPage(Self.site, at: index)
            let planned = whole[alone.path]
            #expect(alone.path == Permalinks.inspection(Self.site.inspections[index].id))
            #expect(planned?.identity == alone.identity)
            #expect(planned?.inspectionID == alone.inspectionID)
        }
    }

    /// A build plans pages from inspections without their text and renders each inspection's own page
    /// with its full inspection: the text is put into the planned view, which must give the page that
    /// making the view from the full inspection gives.
    @Test func anInspectionsPageRenderedFromItsPlanIsThePageOfTheFullInspection() throws {
        let summaries = Self.site.inspections.map { inspection in
            var summary = inspection
            summary.sections = []
            return summary
        }
        let site = SiteModel(inspections: summaries, vocabulary: .builtIn)
        let plans = Dictionary(uniqueKeysWithValues: Self.renderer.plan(site).map { ($0.path, $0) })
        var withText = 0
        for full in Self.site.inspections {
            let plan = try #require(plans[Permalinks.inspection(full.id)])
            let rendered = try Self.renderer.render(plan, site: site, inspection: full)
            let whole = try Self.renderer.render(SiteViews(site: site, vocabulary: .builtIn).inspection(full))
            #expect(rendered == whole, "\(full.id)")
            if !full.sections.isEmpty { withText += 1 }
        }
        #expect(withText > 0)
    }

    @Test func aChangedGradeChangesTheIdentityOfThePagesThatShowIt() {
        var changed = SiteFixture.sif
        changed.judgements[1].grade = "Outstanding"
        changed.judgements[1].level = .outstanding
        let before = Dictionary(uniqueKeysWithValues: Self.renderer.plan(SiteFixture.site).map { ($0.path, $0.identity) })
        let after = Dictionary(uniqueKeysWithValues: Self.renderer.plan(SiteModel(inspections: [changed, SiteFixture.apa], vocabulary: .builtIn)).map { ($0.path, $0.identity) })
        #expect(before.keys.sorted() == after.keys.sorted())
        let differing = Set(before.keys.filter { before[$0] != after[$0] })
        #expect(differing.contains("inspections/testshire-sif-2015/index.html"))
        #expect(differing.contains("outcomes/adoption/index.html"))
        #expect(!differing.contains("inspections/testshire-apa-2007/index.html"))
    }

    /// Identities are kept in the build cache, so their bytes must not change with how they are made:
    /// strings, numbers and views describe themselves as the plain definitions (`String(count)`, the
    /// `utf8` view, each field's value boxed and described) would, for every page of the site.
    @Test func identitiesAreWrittenAsTheirDefinition() {
        func plainly(_ value: any TemplateValue, into text: inout [UInt8]) {
            switch value {
            case let string as String: text += Array("s\(string.utf8.count):".utf8) + Array(string.utf8)
            case let number as Int: text += Array("i\(number);".utf8)
            default: value.describe(into: &text)
            }
        }
        for string in ["", "a", "Children’s services", String(repeating: "long text ", count: 40), "é\u{301} 👍🏽"] {
            var fast: [UInt8] = [], plain: [UInt8] = []
            string.describe(into: &fast)
            plainly(string, into: &plain)
            #expect(fast == plain, "\(string)")
        }
        for number in [0, 7, -7, 10, 1_234_567, Int.max, Int.min] {
            var fast: [UInt8] = [], plain: [UInt8] = []
            number.describe(into: &fast)
            plainly(number, into: &plain)
            #expect(fast == plain, "\(number)")
        }
        // Every view of the site's pages: its fields described without boxing as they are once boxed.
        for page in Self.renderer.plan(Self.site) {
            var fast: [UInt8] = [], boxed: [UInt8] = []
            page.plan.view.describe(into: &fast)
            describeBoxed(page.plan.view, into: &boxed)
            #expect(fast == boxed, "\(page.path)")
        }
    }

    /// `describe(into:)` of a view through each field's boxed value, recursively: the values in the
    /// order of the fields, without their names.
    private func describeBoxed(_ value: any TemplateValue, into text: inout [UInt8]) {
        if let view = value as? any TemplateView {
            text.append(UInt8(ascii: "{"))
            for name in fieldNames(view) {
                describeBoxed(view.field(named: name)!, into: &text)
            }
            text.append(UInt8(ascii: "}"))
        } else if let list = value as? [any TemplateValue] {
            text.append(UInt8(ascii: "["))
            for element in list { describeBoxed(element, into: &text) }
            text.append(UInt8(ascii: "]"))
        } else {
            value.describe(into: &text)
        }
    }

    private func fieldNames(_ view: some TemplateView) -> [String] { type(of: view).fields.map(\.name.text) }

    @Test func identitiesTellApartValuesThatTextWouldRunTogether() {
        // A string's length is part of its description, so "ab" + "c" and "a" + "bc" differ, and an
        // absent optional differs from an empty string.
        func described(_ values: [any TemplateValue]) -> [UInt8] {
            var text: [UInt8] = []
            for value in values { value.describe(into: &text) }
            return text
        }
        #expect(described(["ab", "c"]) != described(["a", "bc"]))
        #expect(described([String?.none]) != described([""]))
        #expect(described([[LinkView(title: "a", url: "b")]]) != described([[LinkView(title: "ab", url: "")]]))
        #expect(described([1, 2]) != described([12]))
    }

    /// An outcome page orders its rows by each authority's place, which must be the order of
    /// `AuthorityName` itself: names that differ only in case share a place, so their rows keep going
    /// by date, as comparing the names row by row had them.
    @Test func authoritiesArePlacedInTheirOwnOrder() {
        let authorities: [AuthorityName] = [
            AuthorityName(name: "Barking", slug: "b"), AuthorityName(name: "BARKING", slug: "b"), AuthorityName(name: "Aston", slug: "a"),
            AuthorityName(name: "barking", slug: "c"), AuthorityName(name: "Zed", slug: "a"), AuthorityName(name: "aston", slug: "a"),
        ]
        let places = SiteViews.places(of: Set(authorities))
        #expect(places.count == authorities.count)
        for first in authorities {
            for second in authorities {
                #expect((places[first]! < places[second]!) == (first < second), "\(first.name) \(second.name)")
                #expect((places[first]! == places[second]!) == (!(first < second) && !(second < first)), "\(first.name) \(second.name)")
            }
        }
    }
}
