#!/usr/bin/env bash
# After a merge that conflicts in InfusionSuite.sln: keep ours and add every tracked project again.
set -euo pipefail
cd "$(dirname "$0")/.."
git checkout --ours InfusionSuite.sln
for p in $(git ls-files '*.csproj'); do dotnet sln add "$p" >/dev/null 2>&1 || true; done
git add InfusionSuite.sln
