#!/usr/bin/env bash
# Installs a real VS Code (code-server from npm) plus Debian Chromium so the
# integration and end-to-end tests run without downloading any binary.
# Idempotent: a second run returns in a second.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
VERSION=4.100.3
STAMP="$DIR/.installed-$VERSION"

need_apt=()
for pkg in chromium libkrb5-dev ripgrep fonts-noto-cjk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup-test-host: installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f "$STAMP" ]; then
  echo "setup-test-host: code-server $VERSION ready in $DIR"
  exit 0
fi

echo "setup-test-host: installing code-server $VERSION into $DIR (one time, ~300 MB)"
rm -rf "$DIR"; mkdir -p "$DIR"
npm_flags=(--no-audit --no-fund --loglevel=error)
npm install --prefix "$DIR" --ignore-scripts "${npm_flags[@]}" "code-server@$VERSION" playwright-core@1
VS="$DIR/node_modules/code-server/lib/vscode"
(
  cd "$VS"
  npm install --omit=dev --ignore-scripts "${npm_flags[@]}"
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  npm_config_yes=true npm rebuild --loglevel=error >/dev/null
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev "${npm_flags[@]}")
)
(cd "$DIR" && npm_config_yes=true npm rebuild argon2 --loglevel=error >/dev/null)
touch "$STAMP"
echo "setup-test-host: done"
