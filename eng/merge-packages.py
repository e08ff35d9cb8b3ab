"""After a merge that conflicts in Directory.Packages.props: keep both sides, each package once."""
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "Directory.Packages.props"
text = open(path, encoding="utf-8").read()


def union(match):
    seen, out = set(), []
    for line in (match.group(1) + match.group(2)).splitlines(keepends=True):
        found = re.search(r'Include="([^"]+)"', line)
        key = found.group(1) if found else line
        if key not in seen:
            seen.add(key)
            out.append(line)
    return "".join(out)


text = re.sub(r"<<<<<<< [^\n]*\n(.*?)=======\n(.*?)>>>>>>> [^\n]*\n", union, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
