//! Shared helpers for the integration tests: locating `../shared/vectors`, hex, and a
//! reader for the small YAML subset of the consensus-spec test files.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::{Map, Value};

/// The vectors folder beside the checkout, or `None` with a printed notice. In CI
/// (`CI=true`) a missing folder fails the test instead.
pub fn vectors_dir(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/vectors")
        .join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("test vectors missing in CI: {}", dir.display());
    }
    eprintln!(
        "SKIPPED: test vectors not found at {} (they live beside the checkout)",
        dir.display()
    );
    None
}

/// Sorted entries of a folder.
pub fn entries(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// Decodes hex with or without a `0x` prefix.
pub fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s.strip_prefix("0x").unwrap_or(s)).unwrap_or_else(|e| panic!("bad hex {s}: {e}"))
}

/// Big-endian bytes of an affine point given as `{x, y}` hex (Fp2 as `c0,c1`), in the
/// order of the uncompressed ZCash encoding (Fp2 written c1 ‖ c0).
pub fn point_bytes(p: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    for coord in ["x", "y"] {
        let s = p[coord].as_str().unwrap();
        let parts: Vec<&str> = s.split(',').collect();
        for part in parts.iter().rev() {
            let b = unhex(part);
            out.extend(std::iter::repeat_n(0u8, 48 - b.len()));
            out.extend(b);
        }
    }
    out
}

fn scalar(s: &str) -> Value {
    let s = s.trim();
    match s {
        "" | "null" | "~" => Value::Null,
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "[]" => Value::Array(vec![]),
        _ => Value::String(s.trim_matches('\'').trim_matches('"').to_string()),
    }
}

/// Parses the YAML used by consensus-spec-tests BLS files: a mapping whose values are
/// scalars, `[]`, block lists (`- x`) or one level of nested mapping with such values.
pub fn parse_yaml(text: &str) -> Value {
    fn indent(l: &str) -> usize {
        l.len() - l.trim_start().len()
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    fn block(lines: &[&str], i: &mut usize, ind: usize) -> Value {
        if lines[*i].trim_start().starts_with("- ") {
            let mut list = Vec::new();
            while *i < lines.len()
                && indent(lines[*i]) == ind
                && lines[*i].trim_start().starts_with("- ")
            {
                list.push(scalar(&lines[*i].trim_start()[2..]));
                *i += 1;
            }
            return Value::Array(list);
        }
        let mut map = Map::new();
        while *i < lines.len() && indent(lines[*i]) == ind {
            let line = lines[*i].trim_start();
            let (k, v) = line.split_once(':').unwrap();
            *i += 1;
            let value = if !v.trim().is_empty() {
                scalar(v)
            } else if *i < lines.len()
                && (indent(lines[*i]) > ind
                    || (indent(lines[*i]) == ind && lines[*i].trim_start().starts_with("- ")))
            {
                let child = indent(lines[*i]);
                block(lines, i, child)
            } else {
                Value::Null
            };
            map.insert(k.to_string(), value);
        }
        Value::Object(map)
    }
    let mut i = 0;
    block(&lines, &mut i, 0)
}

#[test]
fn yaml_subset() {
    let v =
        parse_yaml("input:\n  pubkeys:\n  - '0xab'\n  - '0xcd'\n  message: '0x01'\noutput: true\n");
    assert_eq!(v["input"]["pubkeys"][1], "0xcd");
    assert_eq!(v["input"]["message"], "0x01");
    assert_eq!(v["output"], true);
    let v = parse_yaml("input: []\noutput:\n");
    assert_eq!(v["input"], Value::Array(vec![]));
    assert_eq!(v["output"], Value::Null);
    let v = parse_yaml("input:\n- '0x01'\noutput: '0x02'\n");
    assert_eq!(v["input"][0], "0x01");
}
