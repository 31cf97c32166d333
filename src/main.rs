//! The `samla` binary: everything lives in the library; this only hands over the exit code.

#![warn(clippy::too_many_lines)]

/// Imports allocate and free millions of small strings on two threads; mimalloc does that
/// without the lock contention of the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    samla::cli::main()
}
