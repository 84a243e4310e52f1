//! `histbot schema`: write `facts/schema.json` from the serde types.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the schema; `-` for standard output.
    #[arg(long, default_value = "facts/schema.json")]
    pub out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = histbot::facts::schema::json_schema()?;
    if args.out.as_os_str() == "-" {
        super::print_line(&text);
    } else {
        std::fs::write(&args.out, text + "\n").with_context(|| format!("cannot write {}", args.out.display()))?;
        super::print_line(&format!("wrote {}", args.out.display()));
    }
    Ok(ExitCode::SUCCESS)
}
