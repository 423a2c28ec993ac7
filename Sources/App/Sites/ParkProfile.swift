import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 园区载体 in brief: what a park or town can still offer a project.
final class ParkProfile: Model, @unchecked Sendable {
    static let schema = "park_profiles"
    @ID var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// Industry code prefixes, comma-separated ("C26,C27").
    @Field(key: "industries") var industryCodes: String
    @Field(key: "free_land_mu_tenths") var freeLandMuTenths: Int
    @Field(key: "free_space_m2") var freeSpaceM2: Int
    @Field(key: "energy_quota_tce") var energyQuotaTCE: Int
    @Field(key: "power_capacity_kva") var powerCapacityKVA: Int
    /// `ParkMatch.Facility` codes, comma-separated.
    @Field(key: "facilities") var facilityCodes: String
    @Field(key: "updated_on") var updatedOn: String
    @Field(key: "version") var version: Int

    init() {}

    var industries: [String] { industryCodes.split(separator: ",").map(String.init) }
    var facilities: Set<ParkMatch.Facility> {
        Set(facilityCodes.split(separator: ",").compactMap { ParkMatch.Facility(rawValue: String($0)) })
    }

    /// The parks (and towns) of `scope` with a profile, as the matching rule sees them.
    static func parks(within scope: JurisdictionCode, on db: any Database) async throws -> [ParkMatch.Park] {
        struct Row: Decodable {
            var unitID: UUID
            var name: String
            var industries: String
            var land: Int
            var space: Int
            var energy: Int
            var power: Int
            var facilities: String
            enum CodingKeys: String, CodingKey {
                case name, industries, land, space, energy, power, facilities
                case unitID = "unit_id"
            }
        }
        return try await db.sql.raw(
            """
            SELECT p.unit_id, u.name, p.industries, p.free_land_mu_tenths AS land, p.free_space_m2 AS space,
              p.energy_quota_tce AS energy, p.power_capacity_kva AS power, p.facilities
            FROM park_profiles p JOIN units u ON u.id = p.unit_id
            WHERE u.jurisdiction_code >= \(bind: scope.prefix) AND u.jurisdiction_code < \(bind: scope.prefix + "~") AND u.dissolved_on IS NULL
            """
        ).all(decoding: Row.self).map { row in
            ParkMatch.Park(
                id: row.unitID.uuidString, name: row.name, industries: row.industries.split(separator: ",").map(String.init),
                freeLandMuTenths: row.land, freeSpaceM2: row.space, energyQuotaTCE: row.energy, powerCapacityKVA: row.power,
                facilities: Set(row.facilities.split(separator: ",").compactMap { ParkMatch.Facility(rawValue: String($0)) }))
        }
    }
}
