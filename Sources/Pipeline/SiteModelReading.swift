import Foundation
import Reports
import Site

extension SiteBuild {
    /// The site model a build of the content folder publishes, made without templates, cache or output:
    /// what `sitegen check` holds a built site against.
    public static func model(content: URL) async -> (site: SiteModel, diagnostics: [Diagnostic]) {
        let outcomes = ContentVocabulary.read(folder: content)
        let extractor = ReportExtractor(vocabulary: outcomes.vocabulary)
        let reader = ContentReader(folder: content)
        let listing = reader.listing()
        let extractions = await Parallel.map(listing.reports) { path in
            let read = reader.read(path, sidecarListed: listing.sidecars.contains(ContentReader.sidecarPath(of: path)))
            guard let source = read.source else { return Extraction(inspection: nil, diagnostics: read.diagnostics) }
            var extraction = checkedExtraction(source, extractor: extractor)
            extraction.diagnostics = read.diagnostics + extraction.diagnostics
            return extraction
        }
        let unique = DuplicateInspections.resolve(extractions.compactMap(\.inspection))
        let diagnostics = listing.diagnostics + outcomes.diagnostics + extractions.flatMap(\.diagnostics) + unique.diagnostics
        return (SiteModel(inspections: unique.inspections, vocabulary: extractor.vocabulary), diagnostics.sorted())
    }
}
