import Testing
@testable import Reports

@Suite struct ReportDocumentTests {
    static func document(_ text: String) -> ReportDocument {
        ReportDocument(ReportText(path: "x.txt", text: text))
    }

    @Test func runningHeadersWithRisingPageNumbersAreFurniture() {
        let document = Self.document("""
        The council has made

        Wigan joint area review      7

        progress.

        Grade 2

        Grade 3

        Wigan joint area review      8
        """)
        #expect(document.runningHeaders.map(\.value) == ["Wigan joint area review"])
        #expect(document.blocks.map(\.text) == ["The council has made progress.", "Grade 2", "Grade 3"])
        #expect(document.blocks[0].pieces.map(\.line) == [1, 5])
    }

    @Test func aRepeatedLineWithTheSamePageNumberIsNotFurniture() {
        let document = Self.document("Key Stage results rose by      4\n\nKey Stage results rose by      4\n")
        #expect(document.runningHeaders.isEmpty)
        #expect(document.blocks.count == 2)
    }

    @Test func hardWrappedParagraphsSplitAtNumbersAndIndents() {
        let document = Self.document("""
        11. Outcomes are adequate. Work with multi-
        disciplinary teams is good.
         12. Health outcomes are below average.
        """)
        #expect(document.blocks.map(\.text) == [
            "11. Outcomes are adequate. Work with multi-disciplinary teams is good.",
            "12. Health outcomes are below average.",
        ])
        #expect(document.blocks[0].line(at: document.blocks[0].text.range(of: "disciplinary")!.lowerBound) == 2)
    }

    @Test func headingsListsAndTablesAreTold() {
        let document = Self.document("""
        Staying safe

        - Reduce re-referrals.
        • Allocate a social worker to every child
        in care.
        | Area | Grade |
        |---|---|
        | Staying safe | 2 |
        Being healthy\t3
        """)
        #expect(document.blocks.map(\.kind) == [
            .heading, .listItem, .listItem, .tableRow(["Area", "Grade"]), .tableRow(["Staying safe", "2"]), .tableRow(["Being healthy", "3"]),
        ])
        #expect(document.blocks[2].text == "Allocate a social worker to every child in care.")
    }
}

@Suite struct KeyFactTests {
    @Test(arguments: [
        ("At 31 March 2015, 603 children were being looked after by the local authority.", "Children looked after", "603"),
        ("The council has 465 children accommodated or looked after.", "Children looked after", "465"),
        ("1,204 children are in care.", "Children looked after", "1,204"),
        ("261 children and young people were the subject of a child protection plan.", "Children on child protection plans", "261"),
        ("During the inspection there were 85 children on the child protection register.", "Children on child protection plans", "85"),
        ("212 children had a child protection plan.", "Children on child protection plans", "212"),
    ])
    func numbersOfChildrenAreKeyFacts(sentence: String, label: String, value: String) {
        let blocks = ReportDocument(ReportText(path: "x.txt", text: sentence)).blocks
        #expect(ReportFacts.keyFacts(blocks, file: "x.txt").map { "\($0.label)=\($0.value)" } == ["\(label)=\(value)"])
    }

    @Test func aRateOrAChangeIsNoKeyFact() {
        let blocks = ReportDocument(ReportText(path: "x.txt", text: "The number of children on the register rose from 19.9 to 21.2 per 10,000.")).blocks
        #expect(ReportFacts.keyFacts(blocks, file: "x.txt").isEmpty)
    }
}

@Suite struct OddInputTests {
    @Test(arguments: [
        "", "\n\n\n", "\u{FEFF}", "Grade", "Grade 2", "|", "| |", "\t", "1", "  2 2", "-", "•", "**", "#",
        "ANNUAL PERFORMANCE ASSESSMENT", "Joint area review  1\n\nJoint area review  2", "4: good; 3: good\n\n2",
        "Being healthy\n\nGrade x\n\nGrade 4\n\nGrade 1", "2006 ANNUAL PERFORMANCE ASSESSMENT IN\n\nBeing healthy\t\n",
        String(repeating: "word ", count: 5_000), "multi-\n\n-\n\nlower", "Dear \n\nYours",
    ])
    func oddTextIsReadWithoutCrashing(text: String) {
        let extraction = ReportExtractor().extract(ReportSource(path: "odd.txt", text: text))
        #expect(extraction.inspection != nil)
        #expect(extraction.inspection?.judgements.allSatisfy { !$0.outcome.isEmpty } == true)
    }
}

@Suite struct ProseGradeTests {
    @Test(arguments: [
        ("The contribution that the council's services make to improve outcomes in this area is good.", "good"),
        ("The council makes a good contribution towards improving the health of children.", "good"),
        ("The contribution the authority makes to ensure young people achieve well continues to be good.", "good"),
        ("Although there were developments the contribution of services in this aspect remains inadequate.", "inadequate"),
        ("The contribution of the council towards improving outcomes is adequate overall.", "adequate"),
        ("Overall, the management of services for children and young people is adequate.", "adequate"),
        ("It has good capacity to further improve its services.", "good"),
        ("The combined work of all local services in securing the health of children is outstanding.", "outstanding"),
    ])
    func judgementSentencesAreRead(sentence: String, grade: String) {
        #expect(ProseGrades.read(sentence, framework: .apa)?.0.grade == grade)
    }

    @Test(arguments: [
        "Good performance management arrangements are in place.",
        "Strategic planning and the arrangements for monitoring and evaluation are excellent.",
        "Progress in addressing the recommendation since the JAR has been good.",
        "Children's homes were judged good or outstanding.",
        "The previous inspection judged the local authority to be adequate.",
        "The contribution of services is not yet good.",
        "Outcomes for children and young people are now adequate.",
        "Performance in this area is exceptional.",
    ])
    func gradeWordsAboutOtherThingsAreNot(sentence: String) {
        #expect(ProseGrades.read(sentence, framework: .apa) == nil)
    }
}
