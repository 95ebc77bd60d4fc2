/// An inspection framework: who inspected, when it was in use, and how it graded.
public enum Framework: String, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    /// Annual performance assessment letter, 2005–2008.
    case apa
    /// Joint area review, 2005–2008.
    case jar
    /// Safeguarding and looked after children inspection, 2009–2012.
    case slac
    /// Single inspection framework, November 2013 – 2017.
    case sif
    /// Inspecting local authority children's services, 2018 onward.
    case ilacs
    /// Ungraded visits: unannounced contact and referral inspections, focused and monitoring visits, JTAIs.
    case visit
    /// A report whose layout sitegen does not know; published with its text and a warning.
    case unknown

    public var id: String { rawValue }

    public var shortName: String {
        switch self {
        case .apa: "APA"
        case .jar: "JAR"
        case .slac: "SLAC"
        case .sif: "SIF"
        case .ilacs: "ILACS"
        case .visit: "Visit"
        case .unknown: "Unknown"
        }
    }

    public var name: String {
        switch self {
        case .apa: "Annual performance assessment"
        case .jar: "Joint area review"
        case .slac: "Safeguarding and looked after children inspection"
        case .sif: "Single inspection framework"
        case .ilacs: "Inspecting local authority children's services"
        case .visit: "Ungraded visit"
        case .unknown: "Report of unknown layout"
        }
    }

    public var years: String {
        switch self {
        case .apa: "2005–2008"
        case .jar: "2005–2008"
        case .slac: "2009–2012"
        case .sif: "2013–2017"
        case .ilacs: "2018 onward"
        case .visit: "2009 onward"
        case .unknown: "–"
        }
    }

    public var isGraded: Bool { self != .visit && self != .unknown }

    /// The framework's own grade words, best first, with the level each maps to.
    public var scale: [ScaleStep] {
        switch self {
        case .apa, .jar:
            [ScaleStep(grade: "4", meaning: "Excellent / outstanding", level: .outstanding),
             ScaleStep(grade: "3", meaning: "Good", level: .good),
             ScaleStep(grade: "2", meaning: "Adequate", level: .adequate),
             ScaleStep(grade: "1", meaning: "Inadequate", level: .inadequate)]
        case .slac:
            [ScaleStep(grade: "Outstanding", meaning: "Outstanding", level: .outstanding),
             ScaleStep(grade: "Good", meaning: "Good", level: .good),
             ScaleStep(grade: "Adequate", meaning: "Adequate", level: .adequate),
             ScaleStep(grade: "Inadequate", meaning: "Inadequate", level: .inadequate)]
        case .sif, .ilacs:
            [ScaleStep(grade: "Outstanding", meaning: "Outstanding", level: .outstanding),
             ScaleStep(grade: "Good", meaning: "Good", level: .good),
             ScaleStep(grade: "Requires improvement (to be good)", meaning: "Requires improvement to be good", level: .adequate),
             ScaleStep(grade: "Inadequate", meaning: "Inadequate", level: .inadequate)]
        case .visit, .unknown:
            []
        }
    }

    public static func < (lhs: Framework, rhs: Framework) -> Bool {
        lhs.position < rhs.position
    }

    /// Hashed by case, not as a raw-value enum is by default (its raw value's text): frameworks key the
    /// wordings the readers look up thousands of times a report, where hashing the text cost more than
    /// the rest of the look-up.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(position)
    }

    /// The case's position in `allCases`, which orders frameworks.
    private var position: Int {
        switch self {
        case .apa: 0
        case .jar: 1
        case .slac: 2
        case .sif: 3
        case .ilacs: 4
        case .visit: 5
        case .unknown: 6
        }
    }
}

public struct ScaleStep: Sendable, Equatable, Codable {
    public var grade: String
    public var meaning: String
    public var level: Level

    public init(grade: String, meaning: String, level: Level) {
        self.grade = grade
        self.meaning = meaning
        self.level = level
    }
}

/// The normalised level that lets grades of different frameworks stand side by side: 4 is best.
///
/// Level 2 covers both "adequate" (APA, JAR, SLAC) and "requires improvement" (SIF, ILACS); they are
/// different measures, so pages always show the grade as written next to the level.
public enum Level: Int, Sendable, Codable, CaseIterable, Comparable {
    case inadequate = 1
    case adequate = 2
    case good = 3
    case outstanding = 4

    public var label: String {
        switch self {
        case .inadequate: "Inadequate"
        case .adequate: "Adequate / requires improvement"
        case .good: "Good"
        case .outstanding: "Outstanding"
        }
    }

    /// A CSS-safe token for the level's colour.
    public var token: String {
        switch self {
        case .inadequate: "inadequate"
        case .adequate: "adequate"
        case .good: "good"
        case .outstanding: "outstanding"
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
}
