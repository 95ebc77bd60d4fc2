import Foundation

/// The script that makes an open page reload after a rebuild. It is added to HTML responses as they are
/// served and never written into the published files.
///
/// The page asks `versionPath` for the build number twice a second and reloads when it changes; when
/// the server has stopped, the requests fail quietly and the page stays as it is.
public enum LiveReload {
    public static let versionPath = "/__sitegen/version"

    static let script = """
        <script>(function () {
          var seen = null;
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (version) {
                if (seen !== null && version !== seen) { location.reload(); }
                seen = version;
              })
              .catch(function () {})
              .finally(function () { setTimeout(poll, 500); });
          }
          poll();
        })();</script>

        """

    /// The page with the script placed just before its last `</body>`, or at its end when it has none.
    public static func inject(into html: Data) -> Data {
        let closing = Data("</body>".utf8)
        guard let range = html.range(of: closing, options: .backwards) else { return html + Data(script.utf8) }
        var page = html
        page.insert(contentsOf: Data(script.utf8), at: range.lowerBound)
        return page
    }
}
