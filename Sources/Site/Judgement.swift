/// Where a fact came from: a file relative to the content folder and a 1-based line.
public struct SourcePosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}

/// One graded judgement of one outcome in one report.
public struct Judgement: Sendable, Equatable, Codable {
    /// How the report states the grade.
    public enum Basis: String, Sendable, Codable {
        /// A cell of a judgement or summary table.
        case table
        /// A grade line under a heading (APA 2007 "Grade 2").
        case gradeLine = "grade-line"
        /// A heading or headline that states the grade ("Children's services in X require improvement").
        case headline
        /// A sentence of prose ("…in this area is good"): stated in text, not in a table.
        case prose
        /// Supplied by a sidecar.
        case sidecar
    }

    public var outcome: String
    /// The judgement's wording as in the report ("Staying safe", "2.1 Adoption performance").
    public var wording: String
    /// The grade as written ("2", "Requires improvement to be good", "adequate"). Empty when unreadable.
    public var grade: String
    /// The normalised level, nil when the grade could not be read (reported, never dropped).
    public var level: Level?
    /// For reports that grade one outcome for several bodies (the JAR's columns), whose services are judged.
    public var scope: String?
    public var basis: Basis
    public var source: SourcePosition

    /// The wording with the scope when the report grades the outcome for several bodies:
    /// "Capacity to improve (Council services)".
    public var qualifiedWording: String {
        scope.map { "\(wording) (\($0))" } ?? wording
    }

    public init(
        outcome: String, wording: String, grade: String, level: Level?,
        scope: String? = nil, basis: Basis, source: SourcePosition
    ) {
        self.outcome = outcome
        self.wording = wording
        self.grade = grade
        self.level = level
        self.scope = scope
        self.basis = basis
        self.source = source
    }
}
