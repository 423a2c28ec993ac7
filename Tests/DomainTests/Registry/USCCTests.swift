import Testing

@testable import Domain

@Suite("统一社会信用代码 GB 32100-2015")
struct USCCTests {
    // Published codes of large enterprises: each must validate with its own check character.
    @Test(arguments: ["914403001922038216", "91330100716105852F", "91110000802100433B", "9144030071526726XG"])
    func validCodesPass(code: String) throws {
        // when
        let uscc = try USCC(validating: code)
        // then
        #expect(uscc.value == code)
        #expect(uscc.regionCode == String(Array(code)[2..<8]))
    }

    @Test func lowerCaseAndSpacesAreAccepted() throws {
        let uscc = try USCC(validating: " 9144030071526726xg ")
        #expect(uscc.value == "9144030071526726XG")
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        // given the Huawei code with its last character changed
        #expect(throws: USCC.Problem.wrongCheckCharacter(expected: "6", found: "7")) {
            try USCC(validating: "914403001922038217")
        }
    }

    @Test func changingOneBodyCharacterIsDetected() {
        // a single substitution anywhere in the body changes the check character
        let valid = Array("91330100716105852F")
        for position in 0..<17 {
            var chars = valid
            chars[position] = chars[position] == "1" ? "2" : "1"
            #expect(throws: (any Error).self) { try USCC(validating: String(chars)) }
        }
    }

    @Test func excludedLetterReportsItsPosition() {
        // I, O, Z, S, V are not in the alphabet
        #expect(throws: USCC.Problem.invalidCharacter(position: 11, character: "O")) {
            try USCC(validating: "9133010071O105852F")
        }
    }

    @Test func wrongLengthIsReported() {
        #expect(throws: USCC.Problem.wrongLength(17)) { try USCC(validating: "91330100716105852") }
    }

    @Test func regionMustBeDigits() {
        #expect(throws: USCC.Problem.regionNotDigits(position: 4)) {
            try USCC(validating: "913A0100716105852F")
        }
    }

    @Test func computedCheckCharacterMakesAValidCode() throws {
        let body = Array("91420800MA4941QK2")
        let code = String(body) + String(USCC.checkCharacter(for: body))
        #expect(try USCC(validating: code).regionCode == "420800")
    }
}
