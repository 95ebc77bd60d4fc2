import Foundation
import Testing
import Reports
import Site

@Suite struct SidecarTests {
    @Test func sidecarValuesWinAndAreRecorded() throws {
        let sidecar = try Sidecar.parse(Data(#"{"publication_date": "2006-02", "authority": "City of Stoke-on-Trent"}"#.utf8))
        var inspection = Inspection(
            id: "x", authority: AuthorityName(name: "Other", slug: "other"), framework: .jar, title: "JAR", sourceFile: "x.txt")
        sidecar.apply(to: &inspection)
        #expect(inspection.publicationDate == PartialDate(year: 2006, month: 2))
        #expect(inspection.authority.slug == "stoke-on-trent")
        #expect(Set(inspection.sidecarFields) == ["publication_date", "authority"])
    }

    @Test(arguments: [
        (#"{"publication_dat": "2006"}"#, "unknown field \"publication_dat\""),
        (#"{"publication_date": "Feb 2006"}"#, "YYYY-MM"),
        (#"{"framework": "ofsted"}"#, "expected one of"),
        (#"{"title": 3}"#, "must be a string"),
        (#"{"title": "#, "not valid JSON"),
        ("[]", "JSON object"),
    ])
    func badSidecarsSayWhatIsWrong(json: String, fragment: String) {
        #expect {
            _ = try Sidecar.parse(Data(json.utf8))
        } throws: { error in
            String(describing: error).contains(fragment)
        }
    }
}
