//! Bytes to text: the encodings spreadsheets save CSV in, and the files that are not CSV at all.

use super::ImportError;

/// The largest file the planner reads: 30 MiB. A browser holds the file, its text and the table
/// in memory at once. The page should check `File.size` against this before reading the bytes.
pub const MAX_IMPORT_BYTES: usize = 30 * 1024 * 1024;

/// How a file's text was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" saves it (the mark is removed).
    Utf8Bom,
    /// With a byte-order mark: Excel's "Unicode text" (tab-separated).
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252, what Excel's plain "CSV" saves on Windows in the UK.
    Windows1252,
}

impl Encoding {
    /// The encoding's name, for "Read as …" beside the preview.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (with a byte-order mark)",
            Encoding::Utf16Le => "UTF-16 little-endian (Excel Unicode text)",
            Encoding::Utf16Be => "UTF-16 big-endian",
            Encoding::Windows1252 => "Windows-1252 (Western European)",
        }
    }
}

/// A file's text and how it was encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F; every other byte is the Latin-1
/// character of the same number. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
/// 0x90, 0x9D) map to the control characters of the same number, as the WHATWG Encoding
/// Standard does.
const WINDOWS_1252: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// Reads a file's bytes as text.
///
/// In order: an empty file, one over [`MAX_IMPORT_BYTES`], and a workbook (a zip, as `.xlsx` and
/// `.ods` are, or an old `.xls`) are refused. A UTF-8 byte-order mark is removed; UTF-16 with a
/// byte-order mark is decoded (any broken pair becomes U+FFFD); valid UTF-8 is taken as it is;
/// anything else is read as Windows-1252. Text with a NUL character, or where more than 1 in 20
/// characters is a control character other than tab and line breaks, is refused as binary.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return Err(ImportError::Workbook);
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Decoded {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: Encoding::Utf8Bom,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Decoded {
            text: utf16(rest, u16::from_le_bytes),
            encoding: Encoding::Utf16Le,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Decoded {
            text: utf16(rest, u16::from_be_bytes),
            encoding: Encoding::Utf16Be,
        }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: text.to_string(),
                encoding: Encoding::Utf8,
            },
            Err(_) => Decoded {
                text: bytes.iter().map(|&b| windows_1252(b)).collect(),
                encoding: Encoding::Windows1252,
            },
        }
    };
    if decoded.text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if looks_binary(&decoded.text) {
        return Err(ImportError::Binary);
    }
    Ok(decoded)
}

/// UTF-16 code units (a last odd byte is a broken unit, U+FFFD) to text.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks(2).map(|pair| match *pair {
        [a, b] => unit([a, b]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// A NUL, or more than 1 in 20 characters a control character other than tab, line feed and
/// carriage return. Text files have almost none; pictures, PDFs and programs have many.
fn looks_binary(text: &str) -> bool {
    if text.as_bytes().contains(&0) {
        return true;
    }
    // Control characters in the first 64 KB: enough to tell, and quick on a 30 MB file.
    let start = text
        .char_indices()
        .nth(65_536)
        .map_or(text, |(at, _)| &text[..at]);
    let mut characters = 0usize;
    let mut controls = 0usize;
    for c in start.chars() {
        characters += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            controls += 1;
        }
    }
    controls * 20 > characters
}
