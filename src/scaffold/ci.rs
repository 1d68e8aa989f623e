//! The CI files `vanban init` writes: GitHub Pages and GitLab Pages. Both
//! pin the vanban version that wrote them, download that release's binary,
//! check it against the release's SHA-256 checksum, and build it with
//! `cargo install --locked vanban@<version>` only when no verified binary
//! can be had. Both keep the previous run's site and build cache
//! (`vanban build --cache`), so that a push that edits one document renders
//! only what depends on it.

/// The version the files pin: this vanban's own.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where the release binaries are downloaded from (`<this>/v<version>/<file>`).
pub fn releases_url() -> String {
    format!(
        "{}/releases/download",
        env!("CARGO_PKG_REPOSITORY").trim_end_matches('/')
    )
}

/// The install steps, shared by both files. `VANBAN_RELEASES` may point
/// elsewhere (a mirror, or `file://` for the local test); `VANBAN_ROOT` is
/// where the binary goes (`$VANBAN_ROOT/bin/vanban`).
fn install_script() -> String {
    format!(
        r#"set -eu
root="${{VANBAN_ROOT:-$HOME/.vanban}}"
if [ "$("$root/bin/vanban" --version 2>/dev/null)" = "vanban $VANBAN_VERSION" ]; then
  echo "vanban $VANBAN_VERSION already in $root/bin"
else
  case "$(uname -m)" in
    aarch64 | arm64) target=aarch64-unknown-linux-gnu ;;
    *) target=x86_64-unknown-linux-gnu ;;
  esac
  name="vanban-$VANBAN_VERSION-$target.tar.gz"
  url="${{VANBAN_RELEASES:-{releases}}}/v$VANBAN_VERSION"
  tmp="$(mktemp -d)"
  mkdir -p "$root/bin"
  if curl -fsSL --retry 3 -o "$tmp/$name" "$url/$name" &&
    curl -fsSL --retry 3 -o "$tmp/$name.sha256" "$url/$name.sha256" &&
    (cd "$tmp" && sha256sum -c "$name.sha256"); then
    tar -xzf "$tmp/$name" -C "$root/bin" vanban
  else
    echo "no verified release binary of vanban $VANBAN_VERSION at $url: building it with cargo" >&2
    cargo install --locked --root "$root" "vanban@$VANBAN_VERSION"
  fi
  rm -rf "$tmp"
fi
"$root/bin/vanban" --version"#,
        releases = releases_url()
    )
}

fn indent(text: &str, spaces: usize) -> String {
    let pad = " ".repeat(spaces);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The folder `vanban build --cache` keeps its state in, cached with
/// `public/` between runs.
pub const CACHE_DIR: &str = ".vanban-cache";

const PIN_NOTE: &str = "# VANBAN_VERSION pins the vanban that builds the site (the one that wrote\n# this file). To move to another release, change the number here: the\n# release binary of that version is downloaded and checked against its\n# SHA-256 checksum; without one, it is built with `cargo install --locked`.";

/// `.github/workflows/pages.yml`.
pub fn github() -> String {
    format!(
        r#"# Build the archive with vanban and publish it to GitHub Pages on every push.
{PIN_NOTE}
name: pages
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: true
env:
  VANBAN_VERSION: "{VERSION}"
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: pages
        uses: actions/configure-pages@v5
      - uses: actions/cache@v4
        with:
          path: ~/.vanban
          key: vanban-${{{{ runner.os }}}}-${{{{ runner.arch }}}}-${{{{ env.VANBAN_VERSION }}}}
      # The previous run's site and build cache: a push that edits one
      # document renders only what depends on it. A cache of another vanban
      # version is never restored (and vanban would ignore it).
      - uses: actions/cache@v4
        with:
          path: |
            {CACHE_DIR}
            public
          key: vanban-site-${{{{ env.VANBAN_VERSION }}}}-${{{{ github.sha }}}}
          restore-keys: vanban-site-${{{{ env.VANBAN_VERSION }}}}-
      - name: Install vanban
        run: |
{install}
          echo "$root/bin" >> "$GITHUB_PATH"
      - name: Check
        run: vanban check --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - name: Build
        run: vanban build --base-url "${{{{ steps.pages.outputs.base_url }}}}/" --cache {CACHE_DIR}
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#,
        install = indent(&install_script(), 10)
    )
}

/// `.gitlab-ci.yml`.
pub fn gitlab() -> String {
    format!(
        r#"# Build the archive with vanban and publish it to GitLab Pages on every push.
{PIN_NOTE}
image: rust:latest
variables:
  VANBAN_VERSION: "{VERSION}"
# The vanban binary, and the previous run's site and build cache (a push
# that edits one document renders only what depends on it).
cache:
  - key: vanban-$VANBAN_VERSION
    paths: [.vanban/]
  - key: vanban-site-$VANBAN_VERSION
    paths: [{CACHE_DIR}/, public/]
pages:
  script:
    - export VANBAN_ROOT="$CI_PROJECT_DIR/.vanban"
    - |
{install}
    - export PATH="$VANBAN_ROOT/bin:$PATH"
    - vanban check --base-url "$CI_PAGES_URL/"
    - vanban build --base-url "$CI_PAGES_URL/" --cache {CACHE_DIR}
  artifacts:
    paths: [public]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#,
        install = indent(&install_script(), 6)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_files_pin_this_version_and_verify_the_download() {
        for file in [github(), gitlab()] {
            assert!(file.contains(&format!("VANBAN_VERSION: \"{VERSION}\"")));
            assert!(file.contains("sha256sum -c"));
            assert!(
                file.contains("cargo install --locked --root \"$root\" \"vanban@$VANBAN_VERSION\"")
            );
            assert!(file.contains(&releases_url()));
            assert!(file.contains(&format!("--cache {CACHE_DIR}")));
        }
    }
}
