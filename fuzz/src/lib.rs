//! Shared by the fuzz targets and the seed writer (`examples/seeds`): the structure-aware
//! targets' input types, and the inverse of `arbitrary`'s parsing, with which the seed
//! writer turns chosen inputs (valid keys, signatures, group and share encodings, honest
//! protocol runs) into the bytes libFuzzer starts from.

pub mod encode;
pub mod inputs;
