import Testing

@testable import Domain

@Suite("企业名称归一化")
struct NameNormalizerTests {
    @Test func preparationMarkerIsTheSameEnterprise() {
        // seed [000]: the PCB maker that came to 荆门
        #expect(NameNormalizer.same("湖北伟德线路板有限公司", "湖北伟德线路板有限公司（筹）"))
    }

    @Test(arguments: [
        "湖北偉德線路板有限公司（籌）", "湖北伟德线路板有限公司筹备处", "湖北伟德线路板有限公司（筹建处）", "湖北伟德线路板有限公司【筹备组】",
        "湖北伟德线路板有限公司[筹建]", "湖北伟德线路板有限公司(筹备)", "湖北伟德线路板有限公司〔筹〕", "湖北伟德线路板有限公司筹建处",
    ])
    func everyPreparatorySpellingIsTheSameEnterprise(name: String) {
        #expect(NameNormalizer.same("湖北伟德线路板有限公司", name), "\(name)")
    }

    @Test func similarButDifferentCompaniesStayApart() {
        #expect(!NameNormalizer.same("湖北伟德线路板有限公司", "湖北伟德线路板科技有限公司"))
        #expect(!NameNormalizer.same("湖北伟德线路板有限公司", "武汉伟德线路板有限公司"))
        #expect(!NameNormalizer.same("湖北伟德线路板有限公司（筹）", "湖北伟德线路有限公司"))
    }

    @Test func theCompleteTableCoversWhatTheHandPickedOneMissed() {
        // 籌 escaped the old table; every traditional character of the table folds, none is lost
        #expect(TextFold.fold("籌") == "筹")
        #expect(TraditionalChinese.table.traditional.count == TraditionalChinese.table.simplified.count)
        #expect(TraditionalChinese.simplified.count > 4_000)
        #expect(TextFold.fold("鉅") == "钜")
    }

    @Test func legalFormSuffixesFoldAway() {
        #expect(NameNormalizer.key(for: "湖北伟德线路板股份有限公司") == "湖北伟德线路板")
        #expect(NameNormalizer.key(for: "湖北伟德线路板有限责任公司") == "湖北伟德线路板")
        #expect(NameNormalizer.same("湖北伟德线路板有限公司", "湖北伟德线路板股份有限公司"))
    }

    @Test func fullWidthAndSpacesFold() {
        #expect(NameNormalizer.same("ＡＢＣ 科技（荆门）有限公司", "abc科技(荆门)有限公司"))
        #expect(TextFold.fold("【荆门】　电子") == "(荆门)电子")
    }

    @Test func traditionalFormsFold() {
        // seed [001] and [002] arrive in traditional characters
        #expect(NameNormalizer.same("湖北某新材料科技有限公司", "湖北某新材料科技有限公司"))
        #expect(NameNormalizer.same("安慶華興電子有限公司", "安庆华兴电子有限公司"))
        // 咸丰县 of 恩施 [002], written traditionally: the complete table knows 鹹 too
        #expect(TextFold.fold("鹹豐縣") == "咸丰县")
    }

    @Test(arguments: ["\u{200B}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{FEFF}", "\u{202E}", "\u{200E}", "\u{FE00}", "\u{0301}"])
    func invisibleCharactersDoNotMakeANewEnterprise(_ hidden: String) {
        // found by hostile requests: 湖北…\u{200B}…有限公司 escaped the duplicate check
        #expect(NameNormalizer.same("湖北伟德" + hidden + "线路板有限公司", "湖北伟德线路板有限公司"))
    }

    @Test func compatibilityFormsFold() {
        // NFKC: a circled or parenthesised compatibility character is its plain form
        #expect(TextFold.fold("㈱伟德") == TextFold.fold("(株)伟德"))
    }

    @Test func differentEnterprisesStayDifferent() {
        #expect(!NameNormalizer.same("湖北伟德线路板有限公司", "江西伟德线路板有限公司"))
        // a name that is only a suffix is not emptied
        #expect(NameNormalizer.key(for: "有限公司") == "有限公司")
    }
}

@Suite("检索分词")
struct SearchGramsTests {
    @Test func pairsOfCharacters() {
        #expect(SearchGrams.grams("湖北伟德") == ["湖北", "北伟", "伟德"])
        #expect(SearchGrams.grams("伟") == ["伟"])
    }

    @Test func aCombiningMarkNeverReachesTheIndex() {
        // "x\u{35E}y" made an FTS5 phrase query the index refused (a 500 from the search box)
        #expect(SearchGrams.foldedQuery("x\u{35E}y") == "xy")
        #expect(SearchGrams.grams("Z\u{0351}\u{0352}a\u{0489}l\u{0300}go") == ["za", "al", "lg", "go"])
        #expect(SearchGrams.grams("伟\u{0301}德").allSatisfy { $0.unicodeScalars.count == 2 })
    }

    @Test func documentHasEveryQueryGramOfEverySubstring() {
        let doc = Set(SearchGrams.document(["湖北伟德线路板有限公司", "914403001922038216"]).split(separator: " "))
        for query in ["伟德", "线路板", "0019220", "湖北伟德線路"] {
            #expect(SearchGrams.grams(query).allSatisfy { doc.contains(Substring($0)) }, "\(query)")
        }
    }
}
