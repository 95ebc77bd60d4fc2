import Foundation
import Site

/// Writes one report in one layout: a skeleton of the layout's headings, grade lines and tables, filled
/// with prose paragraphs until the report reaches a length drawn from the layout's real range.
struct ReportWriter {
    var authority: AuthorityName
    var year: Int
    var random: SplitMix64
    var prose: Prose
    private(set) var title = ""
    private(set) var judgements: [GeneratedJudgement] = []

    init(authority: AuthorityName, year: Int, random: SplitMix64) {
        self.authority = authority
        self.year = year
        var random = random
        self.prose = Prose(random: SplitMix64(seed: random.next()))
        self.random = random
    }

    /// A block of the report: lines before its paragraphs (headings, grade lines, tables), the
    /// paragraphs, and lines after them (bullets). Only blocks marked `grows` take filler paragraphs.
    struct Block {
        var lead: [String]
        var paragraphs: [String] = []
        var trail: [String] = []
        var grows = true
    }

    enum Style {
        /// One paragraph per line, blank lines between (APA letters, SIF Markdown).
        case paragraphs
        /// Hard-wrapped at `width` with a trailing space (JAR) or not (ILACS), and a running page footer.
        case wrapped(width: Int, trailingSpace: Bool, footer: (Int) -> String)
    }

    mutating func write(_ layout: CorpusLayout) -> String {
        let (blocks, style, bytes): ([Block], Style, ClosedRange<Int>) = switch layout {
        case .apa2006: (apa2006(), .paragraphs, 13_000...22_000)
        case .apa2007: (apa2007(), .paragraphs, 15_000...30_000)
        case .jar: (jar(), .wrapped(width: 78, trailingSpace: true, footer: { [authority] in "\(authority.name) joint area review        \($0)" }), 60_000...125_000)
        case .sif: (sif(), .paragraphs, 55_000...125_000)
        case .ilacs: (ilacs(), .wrapped(width: 84, trailingSpace: false, footer: { String($0) }), 25_000...60_000)
        }
        return render(filled(blocks, to: random.int(in: bytes)), style: style)
    }

    // MARK: Filling and rendering

    mutating func filled(_ blocks: [Block], to target: Int) -> [Block] {
        var blocks = blocks
        var size = blocks.reduce(0) { $0 + $1.lead.reduce(0) { $0 + $1.utf8.count + 1 } + $1.paragraphs.reduce(0) { $0 + $1.utf8.count + 2 } }
        let growing = blocks.indices.filter { blocks[$0].grows }
        var turn = 0
        while size < target, !growing.isEmpty {
            let paragraph = prose.paragraph()
            blocks[growing[turn % growing.count]].paragraphs.append(paragraph)
            size += paragraph.utf8.count + 2
            turn += 1
        }
        return blocks
    }

    func render(_ blocks: [Block], style: Style) -> String {
        var lines: [String] = []
        switch style {
        case .paragraphs:
            for block in blocks {
                lines += block.lead
                for paragraph in block.paragraphs { lines += [paragraph, ""] }
                lines += block.trail
            }
        case let .wrapped(width, trailingSpace, footer):
            var number = 0
            var page = 1
            for block in blocks {
                lines += block.lead.map { trailingSpace && !$0.isEmpty ? $0 + " " : $0 }
                for paragraph in block.paragraphs {
                    number += 1
                    let text = trailingSpace ? "\(number). \(paragraph)" : paragraph
                    lines += Self.wrap(text, width: width).map { trailingSpace ? $0 + " " : $0 }
                    lines.append("")
                    if lines.count / 48 >= page {
                        page += 1
                        lines += ["", footer(page), ""]
                    }
                }
                lines += block.trail
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: Grades

    mutating func level() -> Level {
        switch random.int(in: 1...100) {
        case ...14: .inadequate
        case ...54: .adequate
        case ...90: .good
        default: .outstanding
        }
    }

    /// Records a judgement and returns the level's word in the framework's scale.
    mutating func judge(_ outcome: String, _ level: Level, framework: Framework, asNumber: Bool = false) -> String {
        let word = asNumber ? String(level.rawValue) : Self.word(level, framework: framework)
        judgements.append(GeneratedJudgement(outcome: outcome, grade: word, level: level))
        return word
    }

    static func word(_ level: Level, framework: Framework) -> String {
        switch (level, framework) {
        case (.outstanding, _): "Outstanding"
        case (.good, _): "Good"
        case (.adequate, .sif), (.adequate, .ilacs): "Requires improvement to be good"
        case (.adequate, _): "Adequate"
        case (.inadequate, _): "Inadequate"
        }
    }

    // MARK: Common parts

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let people = ["Ged Rowney", "Peter Traves", "Anne Jones", "David Smith", "Carol Hughes", "Sarah Patel", "John Wilson", "Helen Clarke"]
    static let inspectors = ["Matt Reed", "Juliet Winstanley", "Marcie Taylor", "Alison Smale", "Nick Stacey", "Brenda McInerney"]

    mutating func council() -> String {
        authority.name + " " + random.pick(["City Council", "County Council", "Metropolitan Borough Council", "Borough Council", "Council"])
    }

    mutating func date(month: Int? = nil) -> String {
        let day = random.int(in: 1...28)
        return "\(random.chance(30) ? (day < 10 ? "0\(day)" : "\(day)") : "\(day)") \(Self.months[(month ?? random.int(in: 1...12)) - 1]) \(year)"
    }

    mutating func letterHead(_ council: String) -> [String] {
        let person = random.pick(Self.people)
        let surname = person.split(separator: " ").last.map(String.init) ?? person
        let title = random.pick(["Mr", "Mrs", "Ms"])
        return [
            "Alexandra House 33 Kingsway London WC2B 6SE T 08456 40 40 40 enquiries@ofsted.gov.uk www.ofsted.gov.uk", "", "", "",
            date(month: 11), "",
            "\(title) \(person) Director of Children's Services \(council) Civic Centre Glebe Street \(authority.name) ST\(random.int(in: 1...20)) \(random.int(in: 1...9))RU", "",
            "Dear \(title) \(surname)", "",
            "\(year) ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN \(council.uppercased())", "",
        ]
    }

    static let everyChildMatters: [(id: String, heading: String)] = [
        ("being-healthy", "Being healthy"), ("staying-safe", "Staying safe"),
        ("enjoying-and-achieving", "Enjoying and achieving"),
        ("making-a-positive-contribution", "Making a positive contribution"),
        ("achieving-economic-well-being", "Achieving economic well-being"),
    ]

    // MARK: Layouts

    mutating func apa2007() -> [Block] {
        let council = council()
        title = "\(year) annual performance assessment of services for children and young people in \(council)"
        var blocks = [Block(lead: letterHead(council) + [prose.paragraph(), ""], grows: false)]
        let overall = level()
        blocks.append(Block(lead: ["Overall effectiveness of children's services", "", "Grade \(judge("overall-effectiveness", overall, framework: .apa, asNumber: true))", ""]))
        for outcome in Self.everyChildMatters {
            let grade = judge(outcome.id, level(), framework: .apa, asNumber: true)
            var lead = [outcome.heading, "", "Summary of strengths and areas for development", ""]
            if random.chance(30) {
                // A page break displaced the grade into the first paragraph, as in the 2007 Being healthy section.
                let words = prose.paragraph().split(separator: " ")
                let cut = words.count / 2
                lead += [words[..<cut].joined(separator: " "), "", "Grade \(grade)", "", "", "", words[cut...].joined(separator: " "), ""]
            } else {
                lead += ["Grade \(grade)", ""]
            }
            blocks.append(Block(lead: lead, trail: ["Major strengths", ""] + prose.bullets("- ") + ["", "Areas for development", ""] + prose.bullets("- ") + [""]))
        }
        let capacity = judge("capacity-to-improve", level(), framework: .apa, asNumber: true)
        blocks.append(Block(lead: ["Capacity to improve, including the management of children’s services", "", "Grade \(capacity)", ""]))
        blocks.append(Block(lead: ["Yours sincerely", "", "", random.pick(Self.inspectors), "Divisional Manager", "Office for Standards in Education"], grows: false))
        return blocks
    }

    mutating func apa2006() -> [Block] {
        let council = council()
        title = "\(year) annual performance assessment of services for children and young people in \(council)"
        let overall = judge("overall-effectiveness", level(), framework: .apa, asNumber: true)
        let capacity = judge("capacity-to-improve", level(), framework: .apa, asNumber: true)
        let socialCare = judge("social-care-services", level(), framework: .apa, asNumber: true)
        let table = [
            "Summary", "",
            "Areas for judgement\tGrade awarded ¹",
            "The contribution of <i>the local authority's children's services</i> in maintaining and improving outcomes for children and young people.\t\(overall)",
            "The council's overall <i>capacity to improve</i> its services for children and young people\t\(capacity)",
            "The contribution of <i>the local authority's social care services</i> in maintaining and improving outcomes for children and young people\t\(socialCare)",
            "", "¹", "",
            "Grade\tService descriptors\tCapacity to improve descriptors",
            "4\tA service that delivers well above minimum requirements for users\tExcellent / outstanding",
            "3\tA service that consistently delivers above minimum requirements for users\tGood",
            "2\tA service that delivers only minimum requirements for users\tAdequate",
            "1\tA service that does not deliver minimum requirements for users\tInadequate", "",
        ]
        var blocks = [Block(lead: letterHead(council) + table + [prose.paragraph(), ""], grows: false)]
        for outcome in Self.everyChildMatters {
            // APA 2006 grades the outcomes in prose only, never with a number.
            let word = judge(outcome.id, level(), framework: .apa).lowercased()
            blocks.append(Block(lead: [outcome.heading, "", "The council’s contribution to improving outcomes in this area is \(word).", ""],
                                trail: ["Areas for development", ""] + prose.bullets("") + [""]))
        }
        blocks.append(Block(lead: [
            "The management of children’s services", "",
            "The council’s management of its services for children and young people, including its capacity to improve them further, is \(Self.word(Level(rawValue: Int(capacity)!)!, framework: .apa).lowercased()).", "",
        ]))
        blocks.append(Block(lead: ["Yours sincerely", "", random.pick(Self.inspectors)], grows: false))
        return blocks
    }

    mutating func jar() -> [Block] {
        title = "Joint area review of \(authority.name)"
        var blocks = [Block(lead: [
            "Joint area review", "", authority.name, "", "Children’s services authority area", "",
            "Age group: All\tPublished: \(date())\tReference no: \(random.int(in: 800...899))", "", "Introduction", "",
        ], paragraphs: [prose.paragraph(), prose.paragraph()], grows: false)]
        blocks.append(Block(lead: ["Context", ""]))
        blocks.append(Block(lead: ["Main findings", ""]))
        var grades = ["Grades", "", "Grades awarded:", "4: outstanding; 3: good; 2: adequate; 1: inadequate", "",
                      " Local services", "overall", "", "Council", "services", "", "Health", "services", ""]
        for outcome in Self.everyChildMatters {
            let grade = judge(outcome.id, level(), framework: .jar, asNumber: true)
            grades += Self.wrap(outcome.heading, width: 18) + [" ", "", "\(grade)   ", ""]
        }
        let management = judge("service-management", level(), framework: .jar, asNumber: true)
        let capacity = level()
        _ = judge("capacity-to-improve", capacity, framework: .jar, asNumber: true)
        grades += ["Service", "management", " ", "", "\(management)   ", "", "Capacity to improve", " ", "", "\(capacity.rawValue) \(capacity.rawValue)  ", ""]
        let services: [(id: String, label: [String], column: String)] = [
            ("overall-effectiveness", ["Children’s services"], " %d  "),
            ("education-services", ["The education", "service"], " %d  "),
            ("social-care-services", ["The social care", "services for children"], " %d  "),
            ("health-services", ["The health service", "for children"], "  %d "),
        ]
        for service in services {
            let grade = judge(service.id, level(), framework: .jar, asNumber: true)
            grades += service.label + [" ", "", service.column.replacingOccurrences(of: "%d", with: grade), ""]
        }
        blocks.append(Block(lead: grades, grows: false))
        blocks.append(Block(lead: ["Recommendations", "", "For immediate action", ""], trail: prose.bullets("• ") + [""]))
        for outcome in Self.everyChildMatters {
            blocks.append(Block(lead: [outcome.heading, ""]))
        }
        blocks.append(Block(lead: ["Service management", ""]))
        blocks.append(Block(lead: ["Annex A", "", "Corporate assessment", ""]))
        return blocks
    }

    mutating func sif() -> [Block] {
        let council = council()
        title = "Inspection of services for children in need of help and protection, children looked after and care leavers: \(council)"
        let start = random.int(in: 1...9)
        let month = random.int(in: 1...10)
        let overall = level()
        let overallWords: String = switch overall {
        case .outstanding: "are outstanding"
        case .good: "are good"
        case .adequate: "require improvement to be good"
        case .inadequate: "are inadequate"
        }
        _ = judge("overall-effectiveness", overall, framework: .sif)
        let rows: [(id: String, label: String, bold: Bool)] = [
            ("help-and-protection", "1. Children who need help and protection", true),
            ("children-looked-after", "2. Children looked after and achieving permanence", true),
            ("adoption", "2.1 Adoption performance", false),
            ("care-leavers", "2.2 Experiences and progress of care leavers", false),
            ("leadership-management-governance", "3. Leadership, management and governance", true),
        ]
        var table = ["|  |                      |", "|--|----------------------|"]
        var sections: [Block] = []
        for row in rows {
            let grade = judge(row.id, level(), framework: .sif)
            table.append("| \(row.bold ? "<b>\(row.label)</b>" : row.label) | \(grade) |")
            let name = String(row.label.drop { !$0.isLetter })
            if row.bold {
                sections.append(Block(lead: ["**The experiences and progress of \(name.lowercased())**", "", "**\(grade)**", "", "**Summary**", ""]))
                sections.append(Block(lead: ["## Inspection findings", ""]))
            } else {
                sections.append(Block(lead: ["**The graded judgement for \(name.lowercased()) is that it is \(grade.lowercased())**", ""]))
            }
        }
        let lscb = judge("lscb", level(), framework: .sif)
        let lscbWords = lscb == "Requires improvement to be good" ? "requires improvement to be good" : "is \(lscb.lowercased())"
        var blocks = [Block(lead: [
            "", "", "# \(council)", "",
            "## Inspection of services for children in need of help and protection, children looked after and care leavers", "", "and", "",
            "## Review of the effectiveness of the Local Safeguarding Children Board<sup>1</sup>", "",
            "**Inspection date: \(start)/\(String(format: "%02d", month))/\(year) – \(start + 19)/\(String(format: "%02d", month))/\(year)**", "",
            "**Report published: \(random.int(in: 1...28))/\(String(format: "%02d", month + 2))/\(year)**", "",
            "### **Children’s services in \(authority.name) \(overallWords)**", "",
        ] + table + ["", "---", "",
            "# Contents", "", "|  |           |", "|--|-----------|",
            "| <b>The local authority</b>   | <b>3</b>  |", "| Executive summary  | 6         |", "| Recommendations  | 8         |",
            "| <b>The Local Safeguarding Children Board</b>                                   | <b>40</b> |", "",
            "## The local authority", "", "### Information about this local authority area<sup>2</sup>", "",
        ], paragraphs: [prose.paragraph()], trail: prose.bullets("- ") + [""], grows: false)]
        blocks.append(Block(lead: ["## Executive summary", ""]))
        blocks.append(Block(lead: ["## Recommendations", ""], trail: prose.bullets("1. ") + [""]))
        blocks += sections
        blocks.append(Block(lead: ["## The Local Safeguarding Children Board", "", "### The Local Safeguarding Children Board \(lscbWords)", "", "### Executive summary", ""]))
        blocks.append(Block(lead: ["## **Information about this inspection**", ""], paragraphs: [prose.paragraph()], grows: false))
        return blocks
    }

    mutating func ilacs() -> [Block] {
        let council = council()
        title = "Inspection of \(council) children’s services"
        let start = random.int(in: 1...20)
        let month = Self.months[random.int(in: 0...10)]
        var outcomes: [(id: String, label: [String])] = [
            ("leadership-management-governance", ["The impact of leaders on social work practice with children", "and families"]),
            ("help-and-protection", ["The experiences and progress of children who need help and", "protection"]),
        ]
        if year >= 2023 {
            outcomes += [("children-looked-after", ["The experiences and progress of children in care"]),
                         ("care-leavers", ["The experiences and progress of care leavers"])]
        } else {
            outcomes.append(("children-looked-after", ["The experiences and progress of children in care and care", "leavers"]))
        }
        outcomes.append(("overall-effectiveness", ["Overall effectiveness"]))
        var lead = [
            council, "Inspection of children’s social care services",
            "Inspection dates: \(start) \(month) \(year) to \(start + 4) \(month) \(year)",
            "Lead inspector: \(random.pick(Self.inspectors)), His Majesty’s Inspector", "Judgement", "", "Grade", "",
        ]
        for outcome in outcomes {
            lead += outcome.label + ["", judge(outcome.id, level(), framework: .ilacs), ""]
        }
        var blocks = [Block(lead: lead, paragraphs: [prose.paragraph()], grows: false)]
        blocks.append(Block(lead: ["What needs to improve"], trail: prose.bullets(" ") + [""], grows: false))
        for outcome in outcomes.dropLast() {
            let grade = judgements.first { $0.outcome == outcome.id }?.grade ?? ""
            blocks.append(Block(lead: ["\(outcome.label.joined(separator: " ")): \(grade.lowercased())", ""]))
        }
        return blocks
    }
}
