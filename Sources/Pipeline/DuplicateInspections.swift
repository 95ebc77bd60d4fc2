import Site

/// Makes inspection ids unique, because an id is a page path.
///
/// Two files that read as the same inspection (the same id and no conflicting dates) are one inspection
/// supplied twice: one is published and a warning names both files. Two inspections that only share an
/// id (an authority visited twice in one year, with different dates) are both published, the later one
/// under an id with `-2`, `-3`… added, with a note. Authorities whose different names make the same
/// slug, and so share one page, get a warning too.
public enum DuplicateInspections {
    public static func resolve(_ inspections: [Inspection]) -> (inspections: [Inspection], diagnostics: [Diagnostic]) {
        // What `resolveByGroups` does, with the work of sorting the ids and dating each group left to the
        // few ids that several inspections share. Its order (by file, then id, then place in the id's
        // group) is made by one sort of keys made once, over positions taken in the inspections' order,
        // which is the files' order already.
        var diagnostics = sharedAuthorityPages(inspections)
        var positionsByID = [String: [Int]](minimumCapacity: inspections.count)
        for position in inspections.indices { positionsByID[inspections[position].id, default: []].append(position) }
        var place = [Int: (id: String?, index: Int)]()
        for id in positionsByID.keys.filter({ positionsByID[$0]!.count > 1 }).sorted() {
            let resolved = resolveShared(id, positionsByID[id]!, in: inspections)
            diagnostics += resolved.diagnostics
            for (index, kept) in resolved.kept.enumerated() { place[kept.position] = (kept.id, index) }
        }
        var kept: [(position: Int, key: (file: String, id: String, index: Int))] = []
        kept.reserveCapacity(inspections.count)
        for (position, inspection) in inspections.enumerated() {
            if positionsByID[inspection.id]!.count == 1 {
                kept.append((position, (inspection.sourceFile, inspection.id, 0)))
            } else if let shared = place[position] {
                kept.append((position, (inspection.sourceFile, inspection.id, shared.index)))
            }
        }
        let ordered = kept.indices.sorted { kept[$0].key < kept[$1].key }
        return (ordered.map { index in
            var inspection = inspections[kept[index].position]
            if let renamed = place[kept[index].position]?.id { inspection.id = renamed }
            return inspection
        }, diagnostics)
    }

    /// `resolve` by grouping the inspections by id: the definition, whatever the ids.
    static func resolveByGroups(_ inspections: [Inspection]) -> (inspections: [Inspection], diagnostics: [Diagnostic]) {
        var diagnostics = sharedAuthorityPages(inspections)
        // Positions are grouped and sorted, not the inspections: each is a large value, copied once at the
        // end instead of into groups and at every step of the sorts.
        var kept: [(position: Int, id: String?)] = []
        let groups = Dictionary(grouping: inspections.indices, by: { inspections[$0].id })
        for id in groups.keys.sorted() {
            let resolved = resolveShared(id, groups[id]!, in: inspections)
            diagnostics += resolved.diagnostics
            kept += resolved.kept
        }
        let ordered = kept.indices.sorted { inspections[kept[$0].position].sourceFile < inspections[kept[$1].position].sourceFile }
        return (ordered.map { index in
            var inspection = inspections[kept[index].position]
            if let renamed = kept[index].id { inspection.id = renamed }
            return inspection
        }, diagnostics)
    }

    /// The inspections at `positions`, which all read as `id`: those kept, in order, each with its new
    /// id when it is renamed, and the diagnostics about them.
    static func resolveShared(_ id: String, _ positions: [Int], in inspections: [Inspection]) -> (kept: [(position: Int, id: String?)], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var kept: [(position: Int, id: String?)] = []
        var distinct: [Int] = []
        for position in positions.sorted(by: { preferred(inspections[$0], inspections[$1]) }) {
            let date = inspections[position].date
            if let copy = distinct.first(where: { !datesConflict(inspections[$0].date, date) }) {
                diagnostics.append(Diagnostic(
                    .warning, file: inspections[position].sourceFile,
                    "the same inspection as \(inspections[copy].sourceFile) (both read as \(id)); \(inspections[copy].sourceFile) is published and this file is not"))
            } else {
                distinct.append(position)
            }
        }
        let byDate = distinct.sorted {
            (inspections[$0].date?.iso ?? "", inspections[$0].sourceFile) < (inspections[$1].date?.iso ?? "", inspections[$1].sourceFile)
        }
        for (index, position) in byDate.enumerated() {
            guard index > 0 else {
                kept.append((position, nil))
                continue
            }
            let renamed = "\(id)-\(index + 1)"
            diagnostics.append(Diagnostic(
                .note, file: inspections[position].sourceFile,
                "another inspection with other dates also reads as \(id) (\(inspections[distinct[0]].sourceFile)); this one is published as \(renamed)"))
            kept.append((position, renamed))
        }
        return (kept, diagnostics)
    }

    /// A warning for each authority name whose slug another name already has: their inspections are
    /// published on one page, which is right for two spellings of one council and wrong otherwise.
    static func sharedAuthorityPages(_ inspections: [Inspection]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Positions are grouped, not the inspections: each is a large value, and copying ten thousand of them
        // into groups cost a one-report rebuild more than the rest of this.
        for (slug, group) in Dictionary(grouping: inspections.indices, by: { inspections[$0].authority.slug }).sorted(by: { $0.key < $1.key }) {
            let byName = Dictionary(grouping: group, by: { inspections[$0].authority.name }).mapValues { $0.map { inspections[$0].sourceFile }.min()! }
            let names = byName.keys.sorted { byName[$0]! < byName[$1]! }
            for name in names.dropFirst() {
                diagnostics.append(Diagnostic(
                    .warning, file: byName[name]!,
                    "authority \"\(name)\" has the same page (authorities/\(slug)/) as \"\(names[0])\" in \(byName[names[0]]!); their inspections are published together (a sidecar can name the authority)"))
            }
        }
        return diagnostics
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
