/// The layouts sitegen knows. The extractor reads a report with the layout that scores it highest.
public enum ReportLayouts {
    public static let known: [any ReportLayout] = [
        APALetterLayout(),
        JointAreaReviewLayout(),
        // SIF, ILACS and visit layouts (extract-sif) register here.
    ] + ProvisionalLayout.stillProvisional // PROVISIONAL: remove once SIFLayout and ILACSLayout are registered above.
}
