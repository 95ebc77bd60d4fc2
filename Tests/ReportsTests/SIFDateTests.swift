import Testing
@testable import Reports
import Site

/// Inspection date ranges as SIF, ILACS and visit letters write them.
@Suite struct SIFDateTests {
    @Test(arguments: [
        ("1/06/2015 – 25/06/2015", "2015-06-01", "2015-06-25"),
        ("19 November 2013 – 11 December 2013", "2013-11-19", "2013-12-11"),
        ("11 January 2016 to 4 February 2016", "2016-01-11", "2016-02-04"),
        ("20 June – 13 July 2017", "2017-06-20", "2017-07-13"),
        ("21 February to 4 March 2022", "2022-02-21", "2022-03-04"),
        ("24 to 28 April 2023", "2023-04-24", "2023-04-28"),
        ("10–21 July 2023", "2023-07-10", "2023-07-21"),
        ("19 and 20 February 2019", "2019-02-19", "2019-02-20"),
        ("4 September 2017", "2017-09-04", "2017-09-04"),
        ("30 December 2019 to 3 January 2020", "2019-12-30", "2020-01-03"),
    ])
    func ranges(written: String, start: String, end: String) throws {
        let range = try #require(ReportDates.range(in: written))
        #expect(range.start.iso == start)
        #expect(range.end.iso == end)
    }

    @Test func notADate() {
        #expect(ReportDates.range(in: "Lead inspector: Matt Reed") == nil)
        #expect(ReportDates.range(in: "31 Smarch 2019") == nil)
    }
}
