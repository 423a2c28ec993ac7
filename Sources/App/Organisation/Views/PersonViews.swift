import Domain
import Foundation

extension OrganisationViews {
    static func persons(
        _ rows: [PersonRow], query: String, page: Int, hasMore: Bool, now: Int64, context: PageContext
    ) -> String {
        let lang = context.lang
        var toolbar: [HNode] = [
            el(
                "form", [.action(.persons), .get, .cls("toolbar grow")],
                el(
                    "div", [.cls("grow")],
                    voidEl(
                        "input",
                        [
                            .type("search"), .name("q"), .value(query), Attr(name: "aria-label", value: lang("检索人员", "Search people")),
                            Attr(name: "placeholder", value: lang("姓名、用户名或职务", "Name, login or post")),
                        ])),
                Components.submit(lang("检索", "Search")))
        ]
        if context.may(.write, .organisation) {
            toolbar.append(el("a", [.href(.personNew), .cls("button")], text(lang("新增人员", "Add person"))))
        }
        let table = Components.table(
            [lang("姓名", "Name"), lang("单位", "Unit"), lang("职务", "Post"), lang("用户名", "Login"), lang("角色", "Roles"), lang("状态", "Status")],
            rows.map { person in
                [
                    link(.person(person.id), person.name), text(person.unitName), text(person.post),
                    text(person.login ?? lang("（无账号）", "(no login)")),
                    text(person.roleSet.sorted().map { $0.label(lang) }.joined(separator: "、")),
                    text(AccountRules.isLocked(lockedUntil: person.lockedUntil, now: now) ? lang("已锁定", "Locked") : lang("正常", "Active")),
                ]
            }, empty: lang("没有符合条件的人员。", "Nobody matches."))
        return Layout.page(
            lang("人员", "People"), crumbs: [.init(title: lang("人员", "People"))], context: context,
            content: [
                el("div", [.cls("toolbar")], children: toolbar), table,
                Components.pager(.persons, query: ["q": query], page: page, hasMore: hasMore, lang),
            ])
    }

    /// A rotation as the person's page lists it.
    struct RotationItem: Sendable {
        var effectiveOn: String
        var fromUnitID: UUID?
        var fromPost: String
        var toUnitID: UUID
        var toPost: String
        var note: String
    }

    struct PersonModel {
        var person: PersonDTO
        var unitName: String
        var rotations: [RotationItem]
        /// The units of the jurisdiction: names for the rotations, choices for a new one.
        var units: [(id: UUID, name: String)]
        var rolesForm: FormState
        var rotationForm: FormState
    }

    static func person(_ model: PersonModel, context: PageContext) -> String {
        let lang = context.lang
        let person = model.person
        let unitNames = Dictionary(model.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let locked = person.locked
        var content: [HNode] = [
            el(
                "section", [.cls("panel")],
                Components.definitionList([
                    (lang("单位", "Unit"), link(.unit(person.unitID), model.unitName)),
                    (lang("职务", "Post"), text(person.post.isEmpty ? "—" : person.post)),
                    (lang("电话", "Phone"), text(person.phone.isEmpty ? "—" : person.phone)),
                    (lang("用户名", "Login"), text(person.login ?? lang("（无账号）", "(no login)"))),
                    (lang("角色", "Roles"), text(person.roles.sorted().map { $0.label(lang) }.joined(separator: "、"))),
                    (lang("账户状态", "Account"), text(locked ? lang("已锁定", "Locked") : lang("正常", "Active"))),
                ]))
        ]
        if context.may(.write, .organisation) {
            content.append(
                el("div", [.cls("actions")], el("a", [.href(.personEdit(person.id)), .cls("button")], text(lang("编辑", "Edit")))))
        }
        if context.may(.write, .accessControl) {
            let roleOptions = Role.allCases.map { (value: $0.rawValue, label: $0.label(lang)) }
            content.append(el("h2", [], text(lang("角色与账户（安全管理员）", "Roles and account (security admin)"))))
            content.append(
                Components.postForm(
                    .personRoles(person.id), context,
                    Components.banner(model.rolesForm, lang) + [
                        voidEl("input", [.type("hidden"), .name("version"), .value(String(person.version))]),
                        Components.checkboxes(
                            "roles", lang("角色（三员不可兼任）", "Roles (the three admin roles are exclusive)"), roleOptions,
                            checked: Set(person.roles.map(\.rawValue)), model.rolesForm, lang),
                        Components.submit(lang("保存角色", "Save roles")),
                    ]))
            content.append(
                Components.postForm(
                    .personUnlock(person.id), context, cls: "actions",
                    [
                        voidEl("input", [.type("hidden"), .name("version"), .value(String(person.version))]),
                        voidEl("input", [.type("hidden"), .name("lock"), .value(locked ? "0" : "1")]),
                        el(
                            "button", [.type("submit"), .cls(locked ? "" : "danger")],
                            text(locked ? lang("解除锁定", "Unlock account") : lang("锁定账户", "Lock account"))),
                    ]))
        }
        content.append(el("h2", [], text(lang("轮岗记录", "Rotation history"))))
        content.append(
            Components.table(
                [
                    lang("生效日期", "Effective"), lang("原单位", "From"), lang("原职务", "From post"), lang("新单位", "To"), lang("新职务", "To post"),
                    lang("说明", "Note"),
                ],
                model.rotations.map { r in
                    [
                        text(r.effectiveOn), text(r.fromUnitID.flatMap { unitNames[$0] } ?? "—"), text(r.fromPost),
                        text(unitNames[r.toUnitID] ?? "—"), text(r.toPost), text(r.note),
                    ]
                }, empty: lang("暂无轮岗记录。", "No rotations.")))
        if context.may(.write, .organisation) {
            let form = model.rotationForm
            content.append(
                Components.postForm(
                    .personRotate(person.id), context,
                    Components.banner(form, lang) + [
                        voidEl("input", [.type("hidden"), .name("version"), .value(String(person.version))]),
                        el(
                            "div", [.cls("grid")],
                            Components.select(
                                "toUnitID", lang("新单位", "New unit"), model.units.map { ($0.id.uuidString, $0.name) }, form, lang,
                                required: true, blank: lang("请选择", "Choose")),
                            Components.field("toPost", lang("新职务", "New post"), form, lang),
                            Components.field("effectiveOn", lang("生效日期", "Effective on"), form, lang, type: "date", required: true),
                            Components.field("note", lang("说明", "Note"), form, lang)),
                        Components.submit(lang("登记轮岗", "Record rotation")),
                    ]))
        }
        return Layout.page(
            person.name, crumbs: [.init(title: lang("人员", "People"), url: .persons), .init(title: person.name)], context: context,
            content: content)
    }

    static func personForm(id: UUID?, form: FormState, units: [(value: String, label: String)], context: PageContext) -> String {
        let lang = context.lang
        let title = id == nil ? lang("新增人员", "Add a person") : lang("编辑人员", "Edit person")
        var fields: [HNode] = Components.banner(form, lang)
        if id != nil { fields.append(voidEl("input", [.type("hidden"), .name("version"), .value(form["version"])])) }
        var grid: [HNode] = [Components.field("name", lang("姓名", "Name"), form, lang, required: true)]
        if id == nil {
            grid.append(
                Components.select(
                    "unitID", lang("单位", "Unit"), units, form, lang, required: true,
                    blank: lang("请选择", "Choose")))
        }
        grid += [
            Components.field("post", lang("职务", "Post"), form, lang),
            Components.field("phone", lang("电话", "Phone"), form, lang, type: "tel"),
            Components.field(
                "login", lang("用户名（可不设账号）", "Login (optional)"), form, lang, hint: lang("3–32 位字母、数字或 - _ .", "3–32 letters, digits, - _ .")
            ),
            Components.field(
                "password", id == nil ? lang("初始密码", "Initial password") : lang("重置密码（留空不变）", "Reset password (blank keeps it)"), form,
                lang, type: "password", hint: lang("至少 10 位，含大写、小写、数字、符号中的三类", "10+ characters of three kinds"),
                attrs: [Attr(name: "autocomplete", value: "new-password")]),
        ]
        fields += [
            el("div", [.cls("grid")], children: grid),
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "新增人员默认角色为“招商人”；其他角色由安全管理员分配。调整单位请使用“轮岗”。",
                        "New people start as cadres; the security admin assigns other roles. Units change through rotation."))),
            el(
                "div", [.cls("actions")], Components.submit(lang("保存", "Save")),
                link(id.map { .person($0) } ?? .persons, lang("取消", "Cancel"), [.cls("button")])),
        ]
        return Layout.page(
            title, crumbs: [.init(title: lang("人员", "People"), url: .persons), .init(title: title)], context: context,
            content: [Components.postForm(id.map { .person($0) } ?? .persons, context, fields)])
    }
}
