import Site

/// Makes inspection ids unique, because an id is a page path.
///
/// Two files that read as the same inspection (the same id and no conflicting dates) are one inspection
/// supplied twice: one is published and a warning names both files. Two inspections that only share an
/// id (an authority visited twice in one year, with different dates) are both published, the later one
/// under an id with `-2`, `-3`… added, with a note.
public enum DuplicateInspections {
    public static func resolve(_ inspections: [Inspection]) -> (inspections: [Inspection], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var kept: [Inspection] = []
        let groups = Dictionary(grouping: inspections, by: \.id)
        for id in groups.keys.sorted() {
            var distinct: [Inspection] = []
            for inspection in groups[id]!.sorted(by: preferred) {
                if let copy = distinct.first(where: { !datesConflict($0.date, inspection.date) }) {
                    diagnostics.append(Diagnostic(
                        .warning, file: inspection.sourceFile,
                        "the same inspection as \(copy.sourceFile) (both read as \(id)); \(copy.sourceFile) is published and this file is not"))
                } else {
                    distinct.append(inspection)
                }
            }
            for (index, var inspection) in distinct.sorted(by: { ($0.date?.iso ?? "", $0.sourceFile) < ($1.date?.iso ?? "", $1.sourceFile) }).enumerated() {
                if index > 0 {
                    inspection.id = "\(id)-\(index + 1)"
                    diagnostics.append(Diagnostic(
                        .note, file: inspection.sourceFile,
                        "another inspection with other dates also reads as \(id) (\(distinct[0].sourceFile)); this one is published as \(inspection.id)"))
                }
                kept.append(inspection)
            }
        }
        return (kept.sorted { $0.sourceFile < $1.sourceFile }, diagnostics)
    }

    /// Which of two copies to publish: the one with more judgements read, then the first in file order.
    static func preferred(_ a: Inspection, _ b: Inspection) -> Bool {
        (b.judgements.count, a.sourceFile) < (a.judgements.count, b.sourceFile)
    }

    /// Whether two dates cannot be the same day: they differ at a precision both know.
    static func datesConflict(_ a: PartialDate?, _ b: PartialDate?) -> Bool {
        guard let a, let b else { return false }
        if a.year != b.year { return true }
        if let am = a.month, let bm = b.month, am != bm { return true }
        if let ad = a.day, let bd = b.day, ad != bd { return true }
        return false
    }
}
