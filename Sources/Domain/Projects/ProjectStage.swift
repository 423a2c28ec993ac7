/// The stages of a project (SPEC §5): negotiating → signed → started → built → producing, with
/// onHold and terminated beside them.
public enum ProjectStage: String, CaseIterable, Codable, Sendable {
    case negotiating, signed, started, built, producing, onHold, terminated

    /// The main line, in order.
    public static let line: [ProjectStage] = [.negotiating, .signed, .started, .built, .producing]

    var position: Int? { Self.line.firstIndex(of: self) }
}

/// Which stage changes are allowed, and to whom.
public enum StageMachine {
    public enum Problem: Error, Equatable, Sendable {
        case noChange
        /// A terminated project stays terminated.
        case terminatedIsFinal
        /// Holding and terminating need a reason.
        case reasonRequired
        /// Only the bureau may skip stages or go back (a correction), and it must say why.
        case needsBureau(from: ProjectStage, to: ProjectStage)
        /// A held project resumes where it stopped.
        case resumeToHeldStage(ProjectStage)
    }

    /// - Parameters:
    ///   - heldAt: for a project on hold, the stage it was in when held.
    ///   - byBureau: the person changing the stage works for the bureau (投促局).
    public static func check(
        from: ProjectStage, to: ProjectStage, heldAt: ProjectStage? = nil, reason: String, byBureau: Bool
    ) throws(Problem) {
        let hasReason = !reason.trimmingSpaces().isEmpty
        if from == to { throw .noChange }
        if from == .terminated { throw .terminatedIsFinal }
        switch to {
        case .terminated, .onHold:
            guard hasReason else { throw .reasonRequired }
            return
        default: break
        }
        if from == .onHold {
            guard let heldAt, heldAt == to else { throw .resumeToHeldStage(heldAt ?? .negotiating) }
            return
        }
        guard let a = from.position, let b = to.position else { throw .needsBureau(from: from, to: to) }
        if b == a + 1 { return }
        // skipping ahead (late reporting) or going back (correcting) is the bureau's, with a reason
        guard byBureau, hasReason else { throw .needsBureau(from: from, to: to) }
    }

    /// The stages one may report next, given a reason where one is needed: the next stage of the
    /// main line first, then (for the bureau) the skips and corrections, then hold and terminate.
    public static func targets(from: ProjectStage, heldAt: ProjectStage?, byBureau: Bool) -> [ProjectStage] {
        let next = from.position.flatMap { $0 + 1 < ProjectStage.line.count ? ProjectStage.line[$0 + 1] : nil }
        let ordered = [next].compactMap { $0 } + [heldAt].compactMap { $0 } + ProjectStage.line + [.onHold, .terminated]
        var seen = Set<ProjectStage>()
        return ordered.filter { stage in
            guard seen.insert(stage).inserted else { return false }
            return (try? check(from: from, to: stage, heldAt: heldAt, reason: "理由", byBureau: byBureau)) != nil
        }
    }

    /// Days from signing to production, as seed [002] counts them (2022-04-28 → 2023-01-31: 278).
    public static func daysToProduction(signed: CivilDate, producing: CivilDate) -> Int {
        signed.days(until: producing)
    }
}

extension ProjectStage {
    /// A report from `from` to `to` moves the project back along the main line (签约 → 洽谈, 投产 →
    /// 开工…): a stage once reported that was not so, corrected (数据不实). Leaving or resuming the
    /// line (缓建, 终止) is no correction.
    public static func movesBack(from: ProjectStage?, to: ProjectStage) -> Bool {
        guard let a = from?.position, let b = to.position else { return false }
        return b < a
    }

    /// Every (from, to) pair that moves back, for a query to narrow by.
    public static let backwardMoves: [(from: ProjectStage, to: ProjectStage)] = line.flatMap { from in
        line.filter { movesBack(from: from, to: $0) }.map { (from, $0) }
    }
}
