import Reports
import Site

/// Checks every extracted judgement against its framework's scale.
///
/// A grade the framework cannot give ("Grade 7" in an APA letter, "Grade 3" in a SIF report, any grade in
/// an ungraded visit) is kept as written, so the page still shows what the report says, but loses its
/// level, so it never enters a comparison; a warning names the line.
public enum GradeScaleCheck {
    public static func review(_ inspections: [Inspection]) -> (inspections: [Inspection], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let reviewed = inspections.map { inspection in
            var inspection = inspection
            for index in inspection.judgements.indices {
                let judgement = inspection.judgements[index]
                guard let problem = problem(with: judgement, in: inspection.framework) else { continue }
                inspection.judgements[index].level = nil
                diagnostics.append(Diagnostic(
                    .warning, file: judgement.source.file, line: judgement.source.line,
                    "grade \"\(judgement.grade)\" for \"\(judgement.wording)\" \(problem); kept as written, with no level"))
            }
            return inspection
        }
        return (reviewed, diagnostics)
    }

    /// Why the judgement's grade is outside the scale, or nil when it is on it (or was not read at all).
    static func problem(with judgement: Judgement, in framework: Framework) -> String? {
        if !framework.isGraded {
            return judgement.level == nil ? nil : "is in a \(framework.shortName) report, which is not graded"
        }
        let isNumber = judgement.grade.contains { $0.isNumber }
        guard GradeWords.level(of: judgement.grade, in: framework) == nil, judgement.level != nil || isNumber else { return nil }
        return "is not on the \(framework.shortName) scale (\(framework.scale.map(\.grade).joined(separator: ", ")))"
    }
}
