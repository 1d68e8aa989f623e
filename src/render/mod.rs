//! Rendering pages with the theme's Tera templates. Templates are compiled
//! once; each page is rendered straight into a byte buffer that the caller
//! writes out, so memory holds one page per worker, not the whole site.

mod squeeze;
pub mod theme;

use crate::config::Config;
use serde::Serialize;
use tera::{Context, Tera};
pub use theme::{Theme, ThemeError};

/// A template that failed on a page: the template and why, with its causes.
#[derive(Debug, thiserror::Error)]
#[error("{template}: {message}")]
pub struct RenderError {
    pub template: String,
    pub message: String,
}

/// The compiled templates plus what every page shares.
pub struct Renderer {
    tera: Tera,
    /// Where the 404 page's links start: the base URL's path, `/` without
    /// one (the 404 page is served at any depth, so never relative).
    not_found_root: String,
}

impl Renderer {
    /// Compiles the theme's templates; `config` and the theme's labels are
    /// available to every template as `site` and `labels`.
    pub fn new(theme: &Theme, config: &Config) -> Result<Renderer, ThemeError> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        // `{{ n | num }}`: every count on a page as `10.278`.
        tera.register_filter("num", |n: i64, _: tera::Kwargs, _: &tera::State| {
            let sign = if n < 0 { "-" } else { "" };
            format!("{sign}{}", crate::text::thousands(n.unsigned_abs()))
        });
        let templates: Vec<(&str, &str)> = theme
            .templates
            .iter()
            .map(|(name, body)| (name.as_str(), body.as_str()))
            .collect();
        tera.add_raw_templates(templates)
            .map_err(|e| ThemeError::Templates(error_chain(&e)))?;
        let global = tera.global_context();
        global.insert("site", config);
        global.insert("labels", &theme.labels);
        Ok(Renderer {
            tera,
            not_found_root: config.root_path(),
        })
    }

    /// Renders `template` for the page at `path` (relative to the site
    /// root, ending in `/` for a folder page or naming a file).
    pub fn render<T: Serialize>(
        &self,
        template: &str,
        path: &str,
        page: &T,
    ) -> Result<Vec<u8>, RenderError> {
        let mut context = Context::new();
        // The 404 page is served at any address: its links start at the root.
        let root = if path == "404.html" {
            self.not_found_root.clone()
        } else {
            root_of(path)
        };
        context.insert("root", &root);
        context.insert("page_path", path);
        context.insert("page", page);
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &context, &mut out)
            .map_err(|e| RenderError {
                template: template.to_string(),
                message: error_chain(&e),
            })?;
        if template.ends_with(".html") {
            out = squeeze::squeeze(&out);
        }
        Ok(out)
    }
}

/// The relative way from the page at `path` back to the site root:
/// `""` for the root, `"../../"` for `van-ban/2021/`.
pub fn root_of(path: &str) -> String {
    let depth = path.matches('/').count();
    "../".repeat(depth)
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_climbs_one_level_per_folder() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("van-ban/2021/176-cv-tu/"), "../../../");
        assert_eq!(root_of("data/documents.json"), "../");
    }
}
