import Domain
import Testing

@testable import App

/// The page renderer escapes every text and attribute value: nothing typed by a user becomes markup.
@Suite("页面渲染")
struct HtmlTests {
    @Test func textAndAttributesAreEscaped() {
        let hostile = #"<script>alert("x")</script> & 'y'"#
        let html = el("p", [.title(hostile), .cls("a")], text(hostile), voidEl("input", [.value(hostile), .flag("required")])).render()
        #expect(
            html
                == #"<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;" class="a">"#
                + #"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"#
                + #"<input value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;" required="required"/></p>"#)
        #expect(!html.contains("<script"))
    }

    @Test func chineseAndAmountsPassUnchanged() {
        let html = el("td", [.cls("num")], text("湖北伟德线路板有限公司（筹） 29.14亿元")).render()
        #expect(html == #"<td class="num">湖北伟德线路板有限公司（筹） 29.14亿元</td>"#)
        // an entity typed by a user is shown as typed, not interpreted
        #expect(text("&lt;b&gt;").render() == "&amp;lt;b&amp;gt;")
    }

    @Test func aFrozenPartIsTheSameEscapedOutputWrittenAgain() {
        let nodes = [el("td", [.title("\"x\"")], text("<script>")), text("市税务局 & 供电")]
        let frozen = HNode.frozen(nodes)
        #expect(frozen.render() == nodes.map { $0.render() }.joined())
        #expect(el("tr", [], frozen).render() == #"<tr><td title="&quot;x&quot;">&lt;script&gt;</td>市税务局 &amp; 供电</tr>"#)
    }

    @Test func flagsAreBareOnElements() {
        #expect(el("option", [.value("CNY"), .flag("selected")], text("元")).render() == #"<option value="CNY" selected>元</option>"#)
    }

    @Test func theMenuOffersEachRoleWhatItUses() throws {
        func menu(_ roles: Set<Role>) throws -> String { Layout.navigation(try PageFixtures.context(roles, path: "/")).render() }
        // a cadre works on leads, projects and visits: the organisation's pages are not in its menu
        let cadre = try menu([.cadre])
        #expect(cadre.contains("招商线索") && cadre.contains("项目看板") && cadre.contains("走访活动"))
        #expect(!cadre.contains("行政区划") && !cadre.contains(">人员<") && !cadre.contains(">单位<"))
        // the bureau and leaders report on the organisation, the system and security admins keep it
        for roles: Set<Role> in [[.bureau], [.leader], [.sysAdmin], [.securityAdmin]] {
            #expect(try menu(roles).contains("行政区划"), "\(roles)")
        }
        #expect(!(try menu([.host])).contains("行政区划"))
    }
}
