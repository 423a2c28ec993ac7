import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

extension BenchCommand {
    /// The scan every node runs every five minutes, timed as `serve` runs it (one write
    /// transaction): the first pass takes whatever steps fell due since the data set was made,
    /// the next passes are the steady state.
    static func overdueScan(_ app: Application) async throws -> [String] {
        let count = try await WorkOrder.query(on: app.db).count()
        var lines = ["work orders: \(count)"]
        var steady: [Double] = []
        for pass in 0..<6 {
            let (today, millis) = (app.clock.today, app.clock.millis)
            let start = ContinuousClock.now
            let outcome = try await app.writeTransaction { db in try await NoticeScan.run(on: db, today: today, millis: millis) }
            let ms = Self.ms(ContinuousClock.now - start)
            if pass == 0 {
                lines.append(
                    String(
                        format: "overdue scan, first pass: %.1f ms (%d items looked at, %d reminders, %d escalations)", ms,
                        outcome.examined,
                        outcome.reminders, outcome.escalations))
            } else {
                steady.append(ms)
            }
        }
        lines.append(Self.line("overdue scan, steady (service)", steady, seconds: nil))
        return lines
    }

    /// The bureau's workbench read straight from the database, as on a person's first view or
    /// after their own write (the page then keeps it `WorkQueue.keptSeconds`).
    static func workbenchReading(_ app: Application) async throws -> String {
        guard let user = try await PrincipalRow.find(login: "demo-bureau", on: app.db)?.currentUser(csrfToken: nil, now: app.clock.seconds)
        else { throw AppError.notFound }
        var timings: [Double] = []
        for _ in 0..<20 {
            let start = ContinuousClock.now
            _ = try await WorkQueue.sections(for: user, today: app.clock.today, on: app.db)
            timings.append(Self.ms(ContinuousClock.now - start))
        }
        return Self.line("workbench sections, unkept (service, 1 client)", Array(timings.dropFirst()), seconds: nil)
    }
}
