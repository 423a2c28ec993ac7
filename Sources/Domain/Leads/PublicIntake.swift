/// How much the public intent page takes in (SPEC §4: "rate-limited"): a person registering a
/// real intent sends one or two; a sender past five an hour, or a jurisdiction past its daily
/// ceiling, is being flooded, and is told to call the bureau instead.
public enum PublicIntake {
    public static let perSenderPerHour = 5
    public static let perJurisdictionPerDay = 500

    public static func allows(senderLastHour: Int, jurisdictionLastDay: Int) -> Bool {
        senderLastHour < perSenderPerHour && jurisdictionLastDay < perJurisdictionPerDay
    }
}
