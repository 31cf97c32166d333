//! The user's config.toml, keymap.toml and theme.toml.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = samla::config::Config::from_toml(text, "config.toml");
    let _ = samla::tui::keymap::Keymap::from_texts(Some(("keymap.toml".into(), text)));
    let _ = samla::tui::theme::Theme::from_toml("default", text, "theme.toml");
});
