import Domain
import Vapor

/// What later rooms add to a project's page without Projects naming them (README, "The house"):
/// Activities puts the project's visits on its timeline and a button to record one; WorkOrders
/// shows its factor requests and 边建边办. Set once at start-up, read by every request.
struct ProjectExtensions: Sendable {
    /// One later room's part of the page.
    struct Contribution: Sendable {
        /// Merged into the page's timeline by date.
        var timeline: [ProjectShowView.Entry] = []
        /// Shown after the days in each stage.
        var sections: [HNode] = []
        /// Buttons above the timeline.
        var actions: [HNode] = []
    }

    /// Who is looking: what a contribution offers depends on it.
    struct Viewer: Sendable {
        var isBureau: Bool
    }

    typealias Source = @Sendable (_ request: Request, _ project: ProjectDTO.Summary, _ viewer: Viewer) async throws -> Contribution

    var sources: [Source] = []
}

extension Application {
    private struct ProjectExtensionsKey: StorageKey { typealias Value = ProjectExtensions }

    var projectExtensions: ProjectExtensions {
        get { storage[ProjectExtensionsKey.self] ?? ProjectExtensions() }
        set { storage[ProjectExtensionsKey.self] = newValue }
    }
}
