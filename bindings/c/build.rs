//! Gives the shared library an ELF SONAME, so that a program linked against it records
//! the ABI it needs and a distribution can ship several side by side. The ABI is the
//! crate's semver compatibility: `libblsig.so.MAJOR`, or `libblsig.so.0.MINOR` before 1.0
//! (where a minor release may break it), the scheme cargo-c uses.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd"
    ) {
        let major = env!("CARGO_PKG_VERSION_MAJOR");
        let minor = env!("CARGO_PKG_VERSION_MINOR");
        let abi = if major == "0" {
            format!("0.{minor}")
        } else {
            major.to_owned()
        };
        println!("cargo::rustc-cdylib-link-arg=-Wl,-soname,libblsig.so.{abi}");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
