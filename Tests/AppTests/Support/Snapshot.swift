import Foundation
import Testing

@testable import App

/// Page snapshots: the HTML a view renders from a model fixture, compared with the copy kept in
/// `Tests/AppTests/__Snapshots__`. A missing copy is written and the test fails once, so a new
/// snapshot is looked at before it is committed; `RECORD_SNAPSHOTS=1` rewrites them all after an
/// intended change. The stylesheet's content hash is masked, so a CSS change alone does not fail.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    static func normalised(_ html: String) -> String {
        html.replacingOccurrences(of: Stylesheet.path, with: "/static/app.STYLESHEET.css")
            .replacingOccurrences(of: "><", with: ">\n<")
    }

    static func check(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name + ".html")
        let actual = normalised(html)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            if !record { Issue.record("snapshot \(name) recorded; look at it and run again", sourceLocation: sourceLocation) }
            return
        }
        if actual != expected {
            let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let kept = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(got, kept)).firstIndex { $0.0 != $0.1 } ?? min(got.count, kept.count)
            let shown = line < min(got.count, kept.count) ? "got \(got[line]), kept \(kept[line])" : "lengths differ"
            Issue.record(
                Comment(rawValue: "snapshot \(name) differs at line \(line + 1): \(shown)"),
                sourceLocation: sourceLocation)
        }
    }
}
