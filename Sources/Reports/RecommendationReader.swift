import Site

/// Reads recommendations and areas for development, block by block.
///
/// Items are the list items (and numbered paragraphs, or plain ones where bullets were lost) under a
/// "Recommendations" or "Areas for development" heading; the items under a timescale heading ("For
/// immediate action", "For action over the next six months"); and the items a sentence introduces with a
/// timescale ("The JAR highlighted one recommendation for immediate action:"). Each keeps the outcome
/// section it stands in as its context, or the heading of its region.
struct RecommendationReader {
    enum Region { case none, headed, timescaled }

    let file: String
    private(set) var items: [Recommendation] = []
    private var region = Region.none
    private var regionHasItems = false
    private var timescale = Recommendation.Timescale.unspecified
    private var context: String?
    private var outcomeHeading: String?
    /// The timescale a sentence has just introduced, and whether a plain paragraph may be its one item.
    private var leadIn: (timescale: Recommendation.Timescale, takesParagraph: Bool)?

    init(file: String) {
        self.file = file
    }

    mutating func read(_ block: ReportDocument.Block, isOutcomeHeading: (String) -> Bool) {
        switch block.kind {
        case .heading: heading(block, isOutcomeHeading: isOutcomeHeading)
        case .listItem: listItem(block)
        case .paragraph: paragraph(block)
        case .tableRow, .gradeLine, .values: break
        }
    }

    private mutating func add(_ block: ReportDocument.Block) {
        items.append(Recommendation(text: block.text, timescale: timescale, context: context, source: SourcePosition(file: file, line: block.line)))
    }

    private mutating func heading(_ block: ReportDocument.Block, isOutcomeHeading: (String) -> Bool) {
        let folded = block.folded
        leadIn = nil
        if ReportFacts.isRecommendationHeading(folded) {
            region = .headed
            regionHasItems = false
            timescale = ReportFacts.timescale(folded) ?? .unspecified
            context = folded.hasPrefix("area") ? (outcomeHeading ?? block.text) : block.text
        } else if folded.hasPrefix("for "), let found = ReportFacts.timescale(folded) {
            if region == .none {
                region = .timescaled
                context = outcomeHeading ?? block.text
            }
            timescale = found
        } else {
            region = .none
            if isOutcomeHeading(block.text) { outcomeHeading = block.text }
        }
    }

    private mutating func listItem(_ block: ReportDocument.Block) {
        guard region != .none || leadIn != nil else { return }
        if let pending = leadIn, region == .none {
            timescale = pending.timescale
            leadIn = (pending.timescale, false)
        }
        regionHasItems = true
        add(block)
    }

    private mutating func paragraph(_ block: ReportDocument.Block) {
        // The paragraph's last sentence, folded, is needed only where a timescale may be named.
        var folded: String?
        func last() -> String {
            if let folded { return folded }
            let made = ReportText.folded(ProseGrades.sentences(of: block.text).last?.0 ?? block.text)
            folded = made
            return made
        }
        if region != .none {
            if block.text.hasSuffix(":") {
                if let found = ReportFacts.timescale(last()) { timescale = found }
            } else if region == .headed {
                // Numbered paragraphs are items; so are plain ones where the bullets were lost, but not a
                // remark after bulleted items ("For full details … see annex B").
                if ReportDocument.isParagraphNumber(block.text) || !regionHasItems { add(block) }
            } else {
                region = .none
            }
        } else if let pending = leadIn, pending.takesParagraph {
            timescale = pending.timescale
            add(block)
            leadIn = nil
        } else if TextScanning.contains(block.text, caseInsensitive: "recommend") || TextScanning.contains(block.text, caseInsensitive: "action"),
                  last().firstMatch(of: Patterns.recommendOrAction) != nil, let found = ReportFacts.timescale(last()) {
            context = outcomeHeading
            leadIn = (found, block.text.hasSuffix(":"))
        } else {
            leadIn = nil
        }
    }
}
