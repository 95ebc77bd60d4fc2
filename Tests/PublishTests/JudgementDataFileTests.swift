import Foundation
import Testing
@testable import Publish
import Site

/// The data export of judgements read from several frameworks: scope, prose grades, missing levels, JSON.
@Suite struct JudgementDataFileTests {
    static let site: SiteModel = {
        let jar = Inspection(
            id: "stoke-on-trent-jar-2006", authority: AuthorityName(canonicalising: "Stoke-on-Trent"), framework: .jar,
            title: "JAR", publicationDate: PartialDate(year: 2006, month: 2),
            judgements: [
                Judgement(outcome: "capacity-to-improve", wording: "Capacity to improve", grade: "2", level: .adequate,
                          scope: "Council services", basis: .table, source: SourcePosition(file: "stoke-on-trent-JAR-2006.txt", line: 358)),
            ],
            sourceFile: "stoke-on-trent-JAR-2006.txt")
        let apa = Inspection(
            id: "staffordshire-apa-2006", authority: AuthorityName(canonicalising: "Staffordshire County Council"), framework: .apa,
            title: "APA", letterDate: PartialDate(year: 2006, month: 11, day: 1),
            judgements: [
                Judgement(outcome: "being-healthy", wording: "Being healthy, \"so to speak\"", grade: "good", level: .good,
                          basis: .prose, source: SourcePosition(file: "staffordshire-APA-2006.txt", line: 54)),
                Judgement(outcome: "staying-safe", wording: "=Staying safe", grade: "", level: nil,
                          basis: .prose, source: SourcePosition(file: "staffordshire-APA-2006.txt", line: 68)),
            ],
            sourceFile: "staffordshire-APA-2006.txt")
        return SiteModel(inspections: [apa, jar], vocabulary: .builtIn)
    }()

    @Test func csvRowsNameTheScopeQuoteWordingsAndLeaveMissingLevelsEmpty() {
        let lines = JudgementExport.csv(Self.site).components(separatedBy: "\r\n")
        #expect(lines[0] == "authority,authority_slug,framework,inspection_date,outcome,judgement,grade,level,source_file,source_line")
        #expect(Array(lines.dropFirst()) == [
            "Stoke-on-Trent,stoke-on-trent,JAR,2006-02,capacity-to-improve,Capacity to improve (Council services),2,2,stoke-on-trent-JAR-2006.txt,358",
            "Staffordshire,staffordshire,APA,2006-11-01,being-healthy,\"Being healthy, \"\"so to speak\"\"\",good,3,staffordshire-APA-2006.txt,54",
            "Staffordshire,staffordshire,APA,2006-11-01,staying-safe,'=Staying safe,,,staffordshire-APA-2006.txt,68",
            "",
        ])
    }

    @Test func jsonHoldsTheSameRecords() throws {
        let records = try JSONDecoder().decode([JudgementExport.Record].self, from: JudgementExport.json(Self.site))
        #expect(records == JudgementExport.records(Self.site))
        #expect(records.map(\.level) == [2, 3, nil])
        #expect(records.map(\.inspection_date) == ["2006-02", "2006-11-01", "2006-11-01"])
        let object = try #require(try JSONSerialization.jsonObject(with: JudgementExport.json(Self.site)) as? [[String: Any]])
        #expect(Set(object[0].keys) == Set(JudgementExport.csvHeader.split(separator: ",").map(String.init)))
    }

    /// The JSON is written by hand as `JSONEncoder` writes it: the same bytes for the site's records, for
    /// none, and for records whose every string holds each ASCII character and others beyond it.
    @Test func jsonIsWrittenAsTheEncoderWritesIt() {
        let records = JudgementExport.records(Self.site)
        #expect(JudgementExport.json(Self.site) == JudgementExport.encoded(records))
        #expect(JudgementExport.json([]) == JudgementExport.encoded([]))
        var every = ""
        for value in 0..<0x80 { every.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        every += "\u{85}\u{A0}\u{2028}\u{2029}é\u{301}😀\u{FEFF}/\\\""
        var tricky = records
        for index in tricky.indices {
            tricky[index].authority = every
            tricky[index].judgement = String(every.reversed())
            tricky[index].source_file = "a/b\\c\"d"
            tricky[index].source_line = [0, -1, Int.max, Int.min][index % 4]
            tricky[index].level = index == 0 ? nil : -7
            tricky[index].inspection_date = index == 1 ? nil : every
        }
        #expect(String(decoding: JudgementExport.json(tricky), as: UTF8.self) == String(decoding: JudgementExport.encoded(tricky), as: UTF8.self))
    }

    /// Quoting and the formula guard go by bytes: a comma, quote or line break followed by a combining
    /// mark still needs quotes, and so does every line break a spreadsheet may split at.
    @Test func fieldsAreQuotedByTheirBytes() {
        #expect(JudgementExport.field("plain text") == "plain text")
        #expect(JudgementExport.field("a,\u{301}b") == "\"a,\u{301}b\"")
        #expect(JudgementExport.field("say \"\u{301}hi\"") == "\"say \"\"\u{301}hi\"\"\"")
        for lineBreak in ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(JudgementExport.field("a\(lineBreak)b") == "\"a\(lineBreak)b\"")
        }
        #expect(JudgementExport.field("caf\u{E9} \u{2019}s \u{2027}") == "caf\u{E9} \u{2019}s \u{2027}")
        #expect(JudgementExport.field("-\u{301}1") == "'-\u{301}1")
        #expect(JudgementExport.field("@x") == "'@x" && JudgementExport.field("+1") == "'+1" && JudgementExport.field("a=1") == "a=1")
        #expect(JudgementExport.field("=1,\"2\"") == "\"'=1,\"\"2\"\"\"")
    }

    @Test func filesAreNamedUnderData() {
        #expect(JudgementExport.files(Self.site).map(\.path) == ["data/judgements.csv", "data/judgements.json"])
        #expect([JudgementExport.csvPath, JudgementExport.jsonPath] == ["data/judgements.csv", "data/judgements.json"])
    }
}
