//! How the command line spells the library's choices (`--format md`, `--sort budget-year`,
//! `decide A B overlap`). The library's enums know nothing of clap; their names on the
//! command line are given here.

use crate::dedupe::Decision;
use crate::export::ExportFormat;
use crate::store::SortField;
use clap::ValueEnum;
use clap::builder::PossibleValue;

impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Csv, Self::Xlsx, Self::Markdown, Self::Json]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Markdown => "md",
            Self::Json => "json",
        }))
    }
}

impl ValueEnum for SortField {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Self::Id,
            Self::Title,
            Self::Agency,
            Self::Ministry,
            Self::Amount,
            Self::Phase,
            Self::Risk,
            Self::BudgetYear,
            Self::Source,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            Self::Id => "id",
            Self::Title => "title",
            Self::Agency => "agency",
            Self::Ministry => "ministry",
            Self::Amount => "amount",
            Self::Phase => "phase",
            Self::Risk => "risk",
            Self::BudgetYear => "budget-year",
            Self::Source => "source",
        }))
    }
}

impl ValueEnum for Decision {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Duplicate, Self::Overlap, Self::Distinct]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            Self::Duplicate => ("duplicate", "The same initiative, reported twice"),
            Self::Overlap => ("overlap", "Different initiatives that solve part of the same problem"),
            Self::Distinct => ("distinct", "Not the same: never ask again"),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_names_stay_as_users_type_them() {
        let names = |values: Vec<Option<PossibleValue>>| -> Vec<String> {
            values.into_iter().flatten().map(|v| v.get_name().to_string()).collect()
        };
        let formats = names(ExportFormat::value_variants().iter().map(ValueEnum::to_possible_value).collect());
        assert_eq!(formats, ["csv", "xlsx", "md", "json"]);
        assert_eq!(SortField::from_str("budget-year", false), Ok(SortField::BudgetYear));
        assert_eq!(Decision::from_str("overlap", false), Ok(Decision::Overlap));
        assert!(SortField::from_str("budget_year", false).is_err());
    }
}
