import Foundation
import Testing
@testable import Reports
import Site

/// `ReportProse.furniture(in:)` counts only the lines near page numbers before it counts all copies of a
/// line; it finds the lines that counting every line finds (its definition before, kept here).
@Suite struct FurnitureTests {
    /// The definition: every non-blank line that is not a page number nor in the contents list, counted by
    /// text; a text is furniture when at least three of its copies, and a third of the page count, stand
    /// within three lines of a page number, and those are two thirds of its copies.
    static func furnitureByCountingEveryLine(in text: ReportText) -> Set<Int> {
        let lines = text.lines
        let bare = Set(lines.filter { !$0.trimmed.isEmpty && TextScanning.hasAtMostCharacters(3, $0.trimmed) && $0.trimmed.allSatisfy(\.isNumber) }.map(\.number))
        var contents: Range<Int> = 0..<0
        if let heading = lines.first(where: {
            TextScanning.contains($0.trimmed, caseInsensitive: "contents") && ReportText.folded(ReportCells.clean($0.trimmed).text) == "contents"
        }) {
            let prose = lines.first { $0.number > heading.number && TextScanning.spaceSeparatedCount($0.trimmed) > 14 }
            contents = heading.number..<(prose?.number ?? heading.number)
        }
        var byText: [String: [Int]] = [:]
        for line in lines where !line.isBlank && !bare.contains(line.number) && !contents.contains(line.number) {
            byText[line.trimmed, default: []].append(line.number)
        }
        var furniture = bare
        for (_, numbers) in byText where numbers.count >= 3 {
            let nearPageNumber = numbers.filter { number in (number - 3...number + 3).contains { bare.contains($0) } }
            if nearPageNumber.count >= max(3, bare.count / 3), nearPageNumber.count * 3 >= numbers.count * 2 { furniture.formUnion(numbers) }
        }
        return furniture
    }

    @Test func furnitureIsWhatCountingEveryLineFinds() throws {
        let reports = try LayoutPrefilterTests.reports()
        var texts = reports.map { ReportText(path: $0.name, text: $0.text) }
        texts += LayoutPrefilterTests.mixtures(of: reports, count: 60)
        // Pages of a running header and footer around page numbers. "Staying safe" stands beside the page
        // number on a third of the pages and as often far from any (half its copies: not furniture), and
        // "Page note" on a third of the pages and on a sixth far from any (two thirds: furniture).
        for pages in [2, 3, 9, 30, 60] {
            var lines: [String] = []
            for page in 1...pages {
                let body = (1...8).map { "Body text \($0) of page \(page) that runs on." }
                var far = body
                if page % 3 == 1 { far[3] = "Staying safe" }
                if page % 6 == 2 { far[3] = "Page note" }
                let beside = page % 3 == 0 ? "Staying safe" : page % 3 == 2 ? "Page note" : "Footer: children's services"
                lines += ["Ofsted report header", ""] + far + ["\(page)", beside]
            }
            texts.append(ReportText(path: "pages-\(pages).txt", text: lines.joined(separator: "\n")))
        }
        var found = 0
        var differing: [String] = []
        for text in texts {
            let furniture = ReportProse.furniture(in: text)
            if furniture != Self.furnitureByCountingEveryLine(in: text) { differing.append(text.path) }
            found += furniture.count
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(found > 100, "the texts have page furniture to find")
    }
}
