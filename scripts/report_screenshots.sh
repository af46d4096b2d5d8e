#!/usr/bin/env bash
# Regenerates docs/report-overview.png and docs/report-document.png from the sample run, with
# Debian's headless Chromium. The document shot hides the overview and shows the third-worst
# document (the one with a German source) through an added style rule, in a copy of the page:
# headless screenshots do not follow a #fragment into a view the page's script shows.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
target/release/mtqe score --out "$work/run" --quiet
target/release/mtqe report "$work/run" --html "$work/report.html"
sed 's|</style>|#overview,#worst{display:none} .doc{display:none!important} #doc-3{display:block!important}</style>|' \
  "$work/report.html" > "$work/document.html"
shoot() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --window-size="$1" --screenshot="$2" "file://$3" 2>/dev/null
}
shoot 1280,1500 docs/report-overview.png "$work/report.html"
shoot 1280,1000 docs/report-document.png "$work/document.html"
echo "wrote docs/report-overview.png and docs/report-document.png"
