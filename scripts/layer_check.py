#!/usr/bin/env python3
"""The dependency rule between rooms (README, "The house"), checked over type references.

Every type declared at the top level of a file in Sources/App/<Room>/ or Sources/Domain/<Room>/
belongs to that room. A file may name types of its own room and of the rooms its room stands on,
never of a room above or beside it. Comments and string literals are ignored. Exit 1 and list
each reference that points the wrong way.

What this does not see: a member added by an extension to a lower type (`request.foo()` declared
in a higher room); the rooms keep such extensions on their own types instead.
"""
import pathlib
import re
import sys

# room -> the rooms it may use (besides itself). Domain's folders map onto the same rooms.
STANDS_ON = {
    "Core": set(),
    "Organisation": {"Core"},
    "Registry": {"Core", "Organisation"},
    "Sites": {"Core", "Organisation", "Registry"},
    "Leads": {"Core", "Organisation", "Registry", "Sites"},
    "Projects": {"Core", "Organisation", "Registry", "Sites", "Leads"},
    "Activities": {"Core", "Organisation", "Registry", "Sites", "Leads", "Projects"},
    # 包联 reads the leaders' visits, so work orders stand on activities (never the other way)
    "WorkOrders": {"Core", "Organisation", "Registry", "Sites", "Leads", "Projects", "Activities"},
}
LATER = ["Exchange", "Assessment", "Evaluation"]
for room in LATER:
    STANDS_ON[room] = set(STANDS_ON) | {"Activities", "WorkOrders"}
# 双百双评 is taken after the assessment (issue #15): its praised heads enter the assessment's reserve
# pool; the assessment reads the surveys' satisfaction through a reader installed at boot instead
STANDS_ON["Evaluation"] |= {"Assessment"}
# 容错纠错 (§10) is about cadres and, now and then, the project they acted for
STANDS_ON["Tolerance"] = {"Core", "Organisation", "Registry", "Sites", "Leads", "Projects"}
# the workbench (home page) gathers every room's to-dos, as the cockpit gathers their figures
for room in ["Cockpit", "Chains", "Workbench"]:
    STANDS_ON[room] = set(STANDS_ON) | set(LATER)
# the composition root: it wires every room together
for room in ["Operations", "Migrations", "(root)"]:
    STANDS_ON[room] = set(STANDS_ON)

# Domain's folders that are the shared kernel there
DOMAIN_ALIASES = {"Access": "Core", "Shared": "Core", "Calendar": "Core", "Security": "Core", "Audit": "Core"}

DECL = re.compile(r"^(?:public |private |fileprivate |internal )?(?:final )?(?:class|struct|enum|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9_]*)", re.M)
IDENT = re.compile(r"\b[A-Z][A-Za-z0-9_]*\b")


def room_of(path: pathlib.Path, sources: pathlib.Path) -> str:
    parts = path.relative_to(sources).parts
    module, rest = parts[0], parts[1:]
    if len(rest) == 1:
        return "(root)"
    room = rest[0]
    if module == "Domain":
        room = DOMAIN_ALIASES.get(room, room)
    return room


def strip(text: str) -> str:
    text = re.sub(r'"""[\s\S]*?"""', '""', text)
    text = re.sub(r"/\*[\s\S]*?\*/", "", text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"//[^\n]*", "", text)


def main() -> int:
    sources = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Sources")
    files = [p for p in sources.rglob("*.swift") if p.parts[len(sources.parts)] in ("App", "Domain")]
    owner: dict[str, str] = {}
    texts = {}
    unknown = set()
    for path in files:
        room = room_of(path, sources)
        if room not in STANDS_ON:
            unknown.add(f"{path}: room '{room}' is not in the dependency rule")
            continue
        texts[path] = (room, strip(path.read_text(encoding="utf-8")))
        for name in DECL.findall(texts[path][1]):
            owner.setdefault(name, room)
    problems = sorted(unknown)
    for path, (room, text) in sorted(texts.items()):
        allowed = STANDS_ON[room] | {room}
        seen = set()
        for number, line in enumerate(text.split("\n"), 1):
            for name in IDENT.findall(line):
                target = owner.get(name)
                if target and target not in allowed and (name, number) not in seen:
                    seen.add((name, number))
                    problems.append(f"{path}:{number}: {room} uses {name} of {target}")
    for line in problems:
        print(line)
    if problems:
        print(f"layer check: {len(problems)} references point the wrong way (README, 'The house')")
        return 1
    print(f"layer check: {len(texts)} files, every reference points down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
