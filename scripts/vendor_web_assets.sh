#!/usr/bin/env bash
# Re-fetch the web UI's third-party assets from the npm registry at pinned versions into
# src/parley/api/static/vendor/ (committed: `parley serve` never loads anything from a CDN).
# Each tarball is checked against the registry's published integrity hash before unpacking.
# Usage: scripts/vendor_web_assets.sh   (needs npm; run from anywhere)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/parley/api/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# package@version  files to copy (relative to the package folder)  target folder
PACKAGES=(
  "htmx.org@2.0.11|dist/htmx.min.js|htmx"
  "plotly.js-basic-dist-min@4.1.1|plotly-basic.min.js|plotly"
  "cytoscape@3.35.0|dist/cytoscape.min.js|cytoscape"
  "swagger-ui-dist@5.35.0|swagger-ui-bundle.js swagger-ui.css|swagger-ui"
)

rm -rf "$DEST"
mkdir -p "$DEST"
{
  echo "# Vendored web assets"
  echo
  echo "Fetched by scripts/vendor_web_assets.sh from the npm registry (registry.npmjs.org);"
  echo "each tarball's sha512 integrity was checked against the registry's before unpacking."
  echo "Each folder holds the package's licence file as shipped."
  echo
  echo "| folder | package | version | licence | integrity |"
  echo "|---|---|---|---|---|"
} > "$DEST/PROVENANCE.md"

for entry in "${PACKAGES[@]}"; do
  IFS='|' read -r spec files folder <<< "$entry"
  name="${spec%@*}"
  version="${spec##*@}"
  (cd "$WORK" && npm pack --silent "$spec" > pack.out)
  tarball="$WORK/$(tail -n 1 "$WORK/pack.out")"
  expected="$(npm view "$spec" dist.integrity)"
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [ "$expected" != "$actual" ]; then
    echo "integrity mismatch for $spec: registry $expected, downloaded $actual" >&2
    exit 1
  fi
  unpack="$WORK/$folder"
  mkdir -p "$unpack" "$DEST/$folder"
  tar -xzf "$tarball" -C "$unpack"
  for file in $files; do
    cp "$unpack/package/$file" "$DEST/$folder/"
  done
  licence="$(ls "$unpack/package" | grep -i -E '^(licen[cs]e|copying)' | head -n 1)"
  cp "$unpack/package/$licence" "$DEST/$folder/LICENSE"
  licence_id="$(npm view "$spec" license)"
  echo "| $folder | $name | $version | $licence_id | \`$expected\` |" >> "$DEST/PROVENANCE.md"
done
echo "vendored into $DEST"
